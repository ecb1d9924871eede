package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** The import command against DynamoDB (dynalite): all or nothing, and safe to run again. */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUnitsTest {
    private Running running;
    private String table;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant(), Map.of());
        table = running.system.physicalName("ReportsTable");
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private int importUnits(Path csv) throws Exception {
        return ImportUnits.main(List.of(csv.toString(), "--table", table,
                "--endpoint", running.emulators.dynamoDbEndpoint().toString(), "--region", running.emulators.region()));
    }

    private List<Unit> units() {
        try (var dynamo = running.aws().dynamoDb()) {
            return new DynamoDbUnitDirectory(dynamo, table).all();
        }
    }

    @Test
    void importing_the_same_list_again_changes_nothing_and_keeps_revocations(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("units.csv");
        Files.writeString(csv, UnitCsv.HEADER + "\nthpt-moi,Trường THPT Mới,THPT,moi@example.edu.vn\n");
        assertThat(importUnits(csv)).isZero();
        int count = units().size();
        try (var dynamo = running.aws().dynamoDb()) {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of("PK", AttributeValue.fromS("UNITS"), "SK", AttributeValue.fromS("UNIT#thpt-moi")))
                    .updateExpression("SET tokenVersion = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("4"))));
        }
        Files.writeString(csv, UnitCsv.HEADER + "\nthpt-moi,Trường THPT Mới Đổi Tên,THPT,moi@example.edu.vn\n");

        assertThat(importUnits(csv)).isZero();

        assertThat(units()).hasSize(count);
        Unit renamed = units().stream().filter(u -> u.id().equals("thpt-moi")).findFirst().orElseThrow();
        assertThat(renamed.name()).isEqualTo("Trường THPT Mới Đổi Tên");
        assertThat(renamed.tokenVersion()).isEqualTo(4);
    }

    @Test
    void a_closing_date_is_stored_and_removed_again_when_the_list_no_longer_has_it(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("units.csv");
        Files.writeString(csv, UnitCsv.HEADER_WITH_DATES + "\nthpt-dong,Trường THPT Đóng,THPT,dong@example.edu.vn,,30/6/2025\n");
        assertThat(importUnits(csv)).isZero();
        assertThat(units().stream().filter(u -> u.id().equals("thpt-dong")).findFirst().orElseThrow().activeUntil())
                .isEqualTo(java.time.LocalDate.of(2025, 6, 30));

        Files.writeString(csv, UnitCsv.HEADER + "\nthpt-dong,Trường THPT Đóng,THPT,dong@example.edu.vn\n");
        assertThat(importUnits(csv)).isZero();

        assertThat(units().stream().filter(u -> u.id().equals("thpt-dong")).findFirst().orElseThrow().activeUntil()).isNull();
    }

    @Test
    void a_file_with_one_bad_row_imports_nothing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("units.csv");
        Files.writeString(csv, UnitCsv.HEADER + "\nthpt-hop-le,Trường THPT Hợp Lệ,THPT,hl@example.edu.vn\n"
                + "thpt-loi,Trường THPT Lỗi,KHONG_CO,loi@example.edu.vn\n");
        int before = units().size();

        assertThat(importUnits(csv)).isEqualTo(1);

        assertThat(units()).hasSize(before).noneMatch(u -> u.id().equals("thpt-hop-le"));
    }
}
