package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * The import command against DynamoDB (dynalite): a dry run by default, {@code --apply} writes the
 * same plan, all or nothing, and safe to run again. The table holds the sample units besides each
 * test's own; those are "not in the file" for every test here, which must never close them.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUnitsTest {
    private static final Instant NOW = OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant();
    private static final String HEADER = UnitCsv.HEADER_WITH_DATES + "\n";

    private Running running;
    private String table;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, NOW, Map.of());
        table = running.system.physicalName("ReportsTable");
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private static Path write(Path dir, String csv) throws Exception {
        return Files.writeString(dir.resolve("units.csv"), csv, StandardCharsets.UTF_8);
    }

    private List<Unit> units() {
        try (var dynamo = running.aws().dynamoDb()) {
            return new DynamoDbUnitDirectory(dynamo, table).all();
        }
    }

    private Unit unit(String id) {
        return units().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_dry_run_prints_every_change_and_writes_nothing(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + "thpt-thu-nghiem,Trường THPT Thử Nghiệm,THPT,tn@example.edu.vn,1/7/2025,\n");
        List<Unit> before = units();

        Running.Import run = running.importUnits(csv, "--close-missing");

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("+ thêm     thpt-thu-nghiem  Trường THPT Thử Nghiệm (THPT) từ 1/7/2025; e-mail: tn@example.edu.vn")
                .contains("× đóng     thpt-tran-phu  đến hết 29/11/2026")
                .contains("Tổng: 1 thêm, 0 sửa, ")
                .contains("Chạy thử: chưa ghi gì. Thêm --apply");
        assertThat(units()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void apply_writes_the_plan_and_a_second_apply_finds_nothing_to_do(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + "thpt-ap-dung,Trường THPT Áp Dụng,THPT,ad@example.edu.vn,,\n");

        Running.Import first = running.importUnits(csv, "--apply");
        Running.Import second = running.importUnits(csv, "--apply");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("+ thêm     thpt-ap-dung").contains("Đã áp dụng: ghi 1 đơn vị");
        assertThat(unit("thpt-ap-dung").name()).isEqualTo("Trường THPT Áp Dụng");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("Không có thay đổi.").doesNotContain("Đã áp dụng");
        assertThat(second.out()).contains("! không có trong tệp  thpt-tran-phu  Trường THPT Trần Phú: giữ nguyên "
                + "(vẫn mở; thêm --close-missing để đóng đến hết 29/11/2026)");
        assertThat(unit("thpt-tran-phu").activeUntil()).isNull();
    }

    @Test
    void a_rename_keeps_the_token_version_and_is_shown_before_and_after(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + "thpt-doi-ten,Trường THPT Tên Cũ,THPT,dt@example.edu.vn,,\n");
        assertThat(running.importUnits(csv, "--apply").exit()).isZero();
        try (var dynamo = running.aws().dynamoDb()) {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of("PK", AttributeValue.fromS("UNITS"), "SK", AttributeValue.fromS("UNIT#thpt-doi-ten")))
                    .updateExpression("SET tokenVersion = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("4"))));
        }
        write(dir, HEADER + "thpt-doi-ten,Trường THPT Tên Mới,THPT,dt@example.edu.vn,,\n");

        Running.Import run = running.importUnits(csv, "--apply");

        assertThat(run.out()).contains("~ sửa      thpt-doi-ten: tên \"Trường THPT Tên Cũ\" → \"Trường THPT Tên Mới\"");
        assertThat(unit("thpt-doi-ten").name()).isEqualTo("Trường THPT Tên Mới");
        assertThat(unit("thpt-doi-ten").tokenVersion()).isEqualTo(4);
    }

    @Test
    void a_closing_date_stays_when_the_list_has_no_date_column_and_goes_when_the_column_is_empty(@TempDir Path dir)
            throws Exception {
        Path csv = write(dir, HEADER + "thpt-dong,Trường THPT Đóng,THPT,dong@example.edu.vn,,\n");
        assertThat(running.importUnits(csv, "--apply").exit()).isZero();
        write(dir, HEADER + "thpt-dong,Trường THPT Đóng,THPT,dong@example.edu.vn,,30/6/2025\n");
        assertThat(running.importUnits(csv, "--apply").out()).contains("× đóng     thpt-dong  đến hết 30/6/2025");
        assertThat(unit("thpt-dong").activeUntil()).isEqualTo(LocalDate.of(2025, 6, 30));

        write(dir, UnitCsv.HEADER + "\nthpt-dong,Trường THPT Đóng,THPT,dong@example.edu.vn\n");
        assertThat(running.importUnits(csv, "--apply").out()).contains("Không có thay đổi.");
        assertThat(unit("thpt-dong").activeUntil()).isEqualTo(LocalDate.of(2025, 6, 30));

        write(dir, HEADER + "thpt-dong,Trường THPT Đóng,THPT,dong@example.edu.vn,,\n");
        assertThat(running.importUnits(csv, "--apply").out()).contains("↺ mở lại   thpt-dong  bỏ ngày đóng 30/6/2025");
        assertThat(unit("thpt-dong").activeUntil()).isNull();
    }

    @Test
    void a_file_with_one_bad_row_applies_nothing(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + "thpt-hop-le,Trường THPT Hợp Lệ,THPT,hl@example.edu.vn,,\n"
                + "thpt-loi,Trường THPT Lỗi,KHONG_CO,loi@example.edu.vn,,\n");
        List<Unit> before = units();

        Running.Import run = running.importUnits(csv, "--apply");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Không nhập đơn vị nào").contains("dòng 3: loại đơn vị không có: \"KHONG_CO\"");
        assertThat(units()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void a_windows_1258_file_is_refused_and_nothing_is_written(@TempDir Path dir) throws Exception {
        Path csv = Files.write(dir.resolve("units.csv"), (HEADER + "thpt-le-chan,Trường THPT Lê Chân,THPT,lc@example.edu.vn,,\n")
                .getBytes(Charset.forName("windows-1258")));
        List<Unit> before = units();

        Running.Import run = running.importUnits(csv, "--apply");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("dòng 2: tệp không phải UTF-8").contains("CSV UTF-8 (phân cách bằng dấu phẩy)");
        assertThat(units()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void a_closing_day_before_the_stored_opening_day_refuses_the_file(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + "thpt-mo-muon,Trường THPT Mở Muộn,THPT,mm@example.edu.vn,1/7/2025,\n");
        assertThat(running.importUnits(csv, "--apply").exit()).isZero();
        write(dir, "id,name,category,emails,effectiveTo\n"
                + "thpt-mo-muon,Trường THPT Mở Muộn,THPT,mm@example.edu.vn,30/6/2025\n"
                + "thpt-khong-ghi,Trường THPT Không Ghi,THPT,kg@example.edu.vn,\n");

        Running.Import run = running.importUnits(csv, "--apply");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("thpt-mo-muon: ngày hết hiệu lực 30/6/2025 trước ngày bắt đầu 1/7/2025");
        assertThat(unit("thpt-mo-muon").activeUntil()).isNull();
        assertThat(units()).noneMatch(u -> u.id().equals("thpt-khong-ghi"));
    }

    @Test
    void wrong_usage_exits_with_2(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER);

        assertThat(running.importUnits(csv, "--apply", "--ap-dung").exit()).isEqualTo(2);
        assertThat(ImportUnits.run(List.of(csv.toString()), Clock.systemUTC(), System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
