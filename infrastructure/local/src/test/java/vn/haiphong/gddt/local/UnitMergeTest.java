package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * A merge in mid-year through the real system: two schools, A and B, become C on 1/7/2025 (A and B
 * closed at the end of 30/6/2025) by {@code import-units --apply}. The first half-year (named day
 * 10/6) is still owed by A and B; the year (named day 5/12) by C alone; and what the Office already
 * read about the first half-year does not change.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitMergeTest {
    private static final String H1 = "QCDC:2025-H1";
    private static final String YEAR = "QCDC:2025-Y";
    private static final String HEADER = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Thư điện tử,Hiệu lực từ,Hiệu lực đến\n";

    private Running running;
    private String office;
    private JsonNode h1Before;
    private JsonNode h1After;
    private JsonNode year;
    private String mergeOutput;

    @BeforeAll
    void mergeInMidYear(Emulators emulators, @TempDir Path dir) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2025-12-20T09:00:00+07:00").toInstant(), Map.of());
        office = running.system.officeToken();
        Path csv = dir.resolve("don-vi.csv");
        Files.writeString(csv, HEADER
                + "thpt-hop-a,Trường THPT Hợp A,THPT,hop-a@example.edu.vn,,\n"
                + "thpt-hop-b,Trường THPT Hợp B,THPT,hop-b@example.edu.vn,,\n", StandardCharsets.UTF_8);
        assertThat(importUnits(csv)).startsWith("Tệp don-vi.csv: 2 đơn vị");
        running.upload(unitToken("thpt-hop-a"), H1, "bao-cao-6-thang.pdf", "application/pdf", Running.pdf("A, 6 tháng"));
        running.awaitSubmissions(unitToken("thpt-hop-a"), H1, 1);
        running.awaitQuiet();
        running.untilTheNextBusinessSecond();
        String h1AsOf = VietnamTime.iso(running.system.clock().instant());
        h1Before = status(H1, h1AsOf);

        Files.writeString(csv, HEADER
                + "thpt-hop-a,Trường THPT Hợp A,THPT,hop-a@example.edu.vn,,30/6/2025\n"
                + "thpt-hop-b,Trường THPT Hợp B,THPT,hop-b@example.edu.vn,,30/6/2025\n"
                + "thpt-hop-c,Trường THPT Hợp C,THPT,hop-c@example.edu.vn,1/7/2025,\n", StandardCharsets.UTF_8);
        mergeOutput = importUnits(csv);
        h1After = status(H1, h1AsOf);

        running.upload(unitToken("thpt-hop-c"), YEAR, "bao-cao-nam.pdf", "application/pdf", Running.pdf("C, năm"));
        running.awaitSubmissions(unitToken("thpt-hop-c"), YEAR, 1);
        running.awaitQuiet();
        running.untilTheNextBusinessSecond();
        year = status(YEAR, VietnamTime.iso(running.system.clock().instant()));
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private String importUnits(Path csv) throws Exception {
        Running.Import run = running.importUnits(csv, "--apply");
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    private String unitToken(String unit) {
        return running.system.unitToken(unit, 1, running.system.clock().instant().plusSeconds(3600));
    }

    private JsonNode status(String obligation, String asOf) {
        HttpResponse<String> answer = running.status(office, Map.of("obligation", obligation, "asOf", asOf));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Running.read(answer.body()).get("obligations").get(0);
    }

    private static List<String> units(JsonNode obligation) {
        List<String> ids = new ArrayList<>();
        obligation.get("units").forEach(u -> ids.add(u.get("unit").asText()));
        return ids;
    }

    private static String state(JsonNode obligation, String unit) {
        for (JsonNode row : obligation.get("units")) {
            if (row.get("unit").asText().equals(unit)) {
                return row.get("state").asText();
            }
        }
        throw new AssertionError(unit + " is not listed");
    }

    @Test
    void the_import_closes_the_merged_schools_and_opens_the_new_one() {
        assertThat(mergeOutput)
                .contains("× đóng     thpt-hop-a  đến hết 30/6/2025")
                .contains("× đóng     thpt-hop-b  đến hết 30/6/2025")
                .contains("+ thêm     thpt-hop-c  Trường THPT Hợp C (THPT) từ 1/7/2025")
                .contains("Tổng: 1 thêm, 0 sửa, 2 đóng, 0 mở lại, 0 không đổi")
                .contains("Đã áp dụng: ghi 3 đơn vị");
    }

    @Test
    void the_first_half_year_is_owed_by_the_schools_that_existed_on_its_named_day() {
        assertThat(units(h1After)).contains("thpt-hop-a", "thpt-hop-b").doesNotContain("thpt-hop-c");
        assertThat(state(h1After, "thpt-hop-a")).isEqualTo("LATE");
        assertThat(state(h1After, "thpt-hop-b")).isEqualTo("MISSING");
    }

    @Test
    void the_year_is_owed_by_the_merged_school_alone() {
        assertThat(units(year)).contains("thpt-hop-c").doesNotContain("thpt-hop-a", "thpt-hop-b");
        assertThat(state(year, "thpt-hop-c")).isEqualTo("LATE");
        assertThat(year.at("/summary/byCategory/THPT/expected").asInt())
                .isEqualTo(h1After.at("/summary/byCategory/THPT/expected").asInt() - 1);
    }

    @Test
    void no_rate_passes_one_hundred_percent() {
        for (JsonNode obligation : List.of(h1Before, h1After, year)) {
            JsonNode summary = obligation.get("summary");
            assertThat(summary.get("completeness").asDouble()).isBetween(0.0, 1.0);
            assertThat(summary.get("onTime").asInt() + summary.get("late").asInt())
                    .isLessThanOrEqualTo(summary.get("expected").asInt());
            summary.get("byCategory").forEach(c -> assertThat(c.get("completeness").asDouble()).isBetween(0.0, 1.0));
        }
    }

    @Test
    void what_the_office_read_about_the_first_half_year_is_unchanged_by_the_merge() {
        assertThat(h1After).isEqualTo(h1Before);
    }
}
