package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * {@code bench-reconcile} on 20 units (160 files), in this JVM: the table and the JSON carry the
 * numbers, the steady-state sweeps neither scan nor repair, and the repair sweep records and
 * receipts exactly the one record deleted. The full 5,000-unit bench is run by hand (docs/benchmarks.md).
 */
@ExtendWith(EmulatorsExtension.class)
class ReconcileBenchTest {
    @Test
    void smallRunPrintsTheNumbersAndRepairsExactlyWhatWasDeleted(Emulators emulators, @TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench-reconcile.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ReconcileBench.main(emulators, List.of("--units", "20", "--runs", "2",
                "--template", Running.ROOT.resolve("template.yaml").toString(), "--out", json.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("160 files", "wall ms, median", "S3 ListObjectsV2 pages", "Query pages", "Scan",
                "of the 300 s Timeout", "repair: 1 of 160 records", "second sweep right after: recorded 0, sent 0");

        JsonNode result = Running.JSON.readTree(Files.readString(json));
        assertThat(result.at("/load/files").asInt()).isEqualTo(160);
        JsonNode steady = result.get("steadyState");
        assertThat(steady.get("sweeps")).hasSize(2);
        for (JsonNode sweep : steady.get("sweeps")) {
            assertThat(sweep.get("scans").asLong()).isZero();
            assertThat(sweep.at("/outcome/recorded").asInt()).isZero();
            assertThat(sweep.at("/outcome/noticesSent").asInt()).isZero();
            assertThat(sweep.at("/outcome/objectsListed").asInt()).isEqualTo(160);
            // Small prefixes: one page each, and one Query page per obligation.
            assertThat(sweep.get("listPages").asLong()).isEqualTo(sweep.at("/outcome/obligations").asLong());
            assertThat(sweep.at("/dynamoDbCalls/Query").asLong()).isEqualTo(sweep.at("/outcome/obligations").asLong());
        }
        assertThat(steady.get("listPagesRatio").asDouble()).isEqualTo(1.0);
        assertThat(steady.get("sweepMillisMedian").asDouble()).isPositive();
        assertThat(steady.get("baselineMillisMedian").asDouble()).isPositive();
        assertThat(steady.get("timeoutFractionMax").asDouble()).isBetween(0.0, 1.0);

        JsonNode repair = result.get("repair");
        assertThat(repair.get("deleted").asInt()).isEqualTo(1);
        assertThat(repair.at("/sweep/outcome/recorded").asInt()).isEqualTo(1);
        assertThat(repair.at("/sweep/outcome/noticesSent").asInt()).isEqualTo(1);
        assertThat(repair.at("/sweep/sesCalls/SendEmail").asLong()).isEqualTo(1);
        assertThat(repair.get("emailsForDeleted").asInt()).isEqualTo(1);
        assertThat(repair.get("recordsBack").asInt()).isEqualTo(1);
        assertThat(repair.at("/secondSweep/outcome/recorded").asInt()).isZero();
        assertThat(repair.at("/secondSweep/outcome/noticesSent").asInt()).isZero();
        assertThat(result.get("failures")).isEmpty();
    }
}
