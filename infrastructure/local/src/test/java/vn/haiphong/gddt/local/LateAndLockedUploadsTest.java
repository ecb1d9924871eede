package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** After the deadline: late uploads are taken and marked late, until the lock instant. */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateAndLockedUploadsTest {
    /** A day after QCDC:2026-Y was due; the Office locks a period 3 days after its deadline. */
    private static final String AFTER_DUE = "2026-12-06T10:00:00+07:00";
    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse(AFTER_DUE).toInstant(), Map.of("LockDaysAfterDue", "3"));
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void an_upload_after_the_deadline_is_accepted_and_counted_late() {
        LocalSystem.SessionUnit unit = running.unit("PHONG_GDDT");
        JsonNode before = running.obligation(unit.token(), "QCDC:2026-Y");
        assertThat(before.get("state").asText()).isEqualTo("MISSING");
        assertThat(before.get("locksAt").asText()).isEqualTo("2026-12-08T00:00:00+07:00");

        String submissionId = running.upload(unit.token(), "QCDC:2026-Y", "muon.pdf", "application/pdf", Running.pdf("late"));

        JsonNode after = running.awaitSubmissions(unit.token(), "QCDC:2026-Y", 1);
        assertThat(after.get("state").asText()).isEqualTo("LATE");
        assertThat(after.at("/submissions/0/onTime").asBoolean()).isFalse();
        List<JsonNode> receipts = running.awaitEmailsMentioning(submissionId, 1);
        assertThat(receipts.get(0).at("/body/text").asText()).contains("Nộp muộn");
    }

    @Test
    void an_upload_after_the_lock_instant_is_refused_and_nothing_is_stored() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("PHONG_GDDT")).get(1);

        var response = running.requestUpload(unit.token(), "QCDC:2025-Y", "cu.pdf", "application/pdf", Running.pdf("locked"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Running.read(response.body()).get("code").asText()).isEqualTo("obligation-locked");
        assertThat(running.objectKeys("submissions/2025/")).isEmpty();
    }

    @Test
    void an_upload_before_the_period_opens_is_refused() {
        LocalSystem.SessionUnit unit = running.unit("THPT");

        var response = running.requestUpload(unit.token(), "QCDC:2027-H1", "som.pdf", "application/pdf", Running.pdf("early"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Running.read(response.body()).get("code").asText()).isEqualTo("obligation-not-open");
    }
}
