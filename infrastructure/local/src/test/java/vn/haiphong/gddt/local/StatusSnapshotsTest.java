package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** The status at each deadline is kept in S3 once, as it stood then; the latest status follows now. */
@ExtendWith(EmulatorsExtension.class)
class StatusSnapshotsTest {
    private static final String QCDC_SNAPSHOT = "status/QCDC:2026-Y/2026-12-05T00:00:00+07:00.json";

    @Test
    void a_deadline_snapshot_is_written_once_as_it_stood_at_the_deadline_and_never_replaced(Emulators emulators)
            throws Exception {
        try (Running running = Running.start(emulators, OffsetDateTime.parse("2026-12-06T09:00:00+07:00").toInstant(), Map.of())) {
            LocalSystem.SessionUnit late = running.unit("THPT");
            running.upload(late.token(), "QCDC:2026-Y", "muon.pdf", "application/pdf", Running.pdf("late"));
            running.awaitSubmissions(late.token(), "QCDC:2026-Y", 1);

            assertThat(trigger(running)).isEqualTo(200);

            assertThat(running.objectKeys("status/")).contains(QCDC_SNAPSHOT, "status/latest.json")
                    .noneMatch(k -> k.contains("2026-Y/2026-12-10"));
            JsonNode atDeadline = read(running, QCDC_SNAPSHOT);
            assertThat(atDeadline.get("asOf").asText()).isEqualTo("2026-12-05T00:00:00+07:00");
            JsonNode row = unitRow(atDeadline, late.unit());
            assertThat(row.get("state").asText()).as("the late file had not arrived at the deadline").isEqualTo("MISSING");
            assertThat(unitRow(read(running, "status/latest.json"), late.unit()).get("state").asText()).isEqualTo("LATE");
            String before = new String(bytes(running, QCDC_SNAPSHOT), StandardCharsets.UTF_8);

            assertThat(trigger(running)).isEqualTo(200);

            assertThat(new String(bytes(running, QCDC_SNAPSHOT), StandardCharsets.UTF_8)).isEqualTo(before);
        }
    }

    @Test
    void the_storage_itself_refuses_to_replace_a_kept_snapshot(Emulators emulators) throws Exception {
        try (Running running = Running.start(emulators, OffsetDateTime.parse("2026-12-06T09:00:00+07:00").toInstant(), Map.of())) {
            trigger(running);
            byte[] kept = bytes(running, QCDC_SNAPSHOT);

            try (var s3 = running.aws().s3()) {
                assertThatThrownBy(() -> s3.putObject(r -> r.bucket(running.bucket()).key(QCDC_SNAPSHOT).ifNoneMatch("*"),
                        RequestBody.fromString("{}")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
            }
            assertThat(bytes(running, QCDC_SNAPSHOT)).isEqualTo(kept);
        }
    }

    private static int trigger(Running running) {
        return Running.send(HttpRequest.newBuilder(running.system.baseUrl()
                .resolve("/_local/schedules/WriteStatusSnapshotsFunction")).POST(HttpRequest.BodyPublishers.noBody())).statusCode();
    }

    private static byte[] bytes(Running running, String key) {
        try (var s3 = running.aws().s3()) {
            return s3.getObjectAsBytes(r -> r.bucket(running.bucket()).key(key)).asByteArray();
        }
    }

    private static JsonNode read(Running running, String key) {
        return Running.read(new String(bytes(running, key), StandardCharsets.UTF_8));
    }

    private static JsonNode unitRow(JsonNode document, String unit) {
        for (JsonNode obligation : document.get("obligations")) {
            if (obligation.get("obligation").asText().equals("QCDC:2026-Y")) {
                for (JsonNode row : obligation.get("units")) {
                    if (row.get("unit").asText().equals(unit)) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no row for " + unit);
    }
}
