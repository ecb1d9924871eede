package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The inspection survives the services it depends on being down through every retry of its event: the
 * file is recorded (its receipt sent) while storage's events are held, the events are let go into the
 * outage, the inspection's event ends in the failed-events queue, the service comes back, and the
 * inspection's schedule finishes the work once, with the verdict, the quarantine and the e-mails as if
 * nothing had happened.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionOutagesTest {
    private static final String QCDC = StatusApiTest.QCDC;
    /** The inspection's queued event, not the recording's of the same file. */
    private static final String INSPECTING = ":function:InspectSubmissionFunction:";
    private static final String ALL_UP = "{\"dynamodb\":\"up\",\"ses\":\"up\",\"s3\":\"up\",\"s3Events\":\"up\"}";
    private static final String NOT_A_PDF = "tệp không phải là PDF hợp lệ";

    private Running running;
    private List<LocalSystem.SessionUnit> schools;

    /** After the pdfsig CA's certificates begin, as in InspectionTest. */
    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-12-07T09:00:00+07:00").toInstant(), Map.of());
        schools = running.units(u -> u.category().equals("THPT"));
    }

    @AfterEach
    void everythingUp() {
        running.switchFaults(ALL_UP);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_signed_pdf_whose_inspection_met_dynamodb_down_through_every_retry_is_inspected_once_by_the_schedule_when_it_is_back() {
        LocalSystem.SessionUnit school = schools.get(0);
        String id = recordedWithItsEventsHeld(school, "bao-cao-ky-so.pdf", pdfsigSigned());

        running.switchFaults("{\"dynamodb\":\"down\",\"s3Events\":\"up\"}");
        assertThat(running.awaitQueued("FailedEventsQueue", id, INSPECTING)).as("the inspection's event, after its tries").isNotNull();
        running.switchFaults("{\"dynamodb\":\"up\"}");
        assertThat(submission(school, id).at("/inspection/state").asText()).isEqualTo("PENDING");

        sweepOnceItsEventIsOverdue();
        sweepOnceItsEventIsOverdue();

        JsonNode inspected = submission(school, id);
        assertThat(inspected.at("/inspection/state").asText()).isEqualTo("DONE");
        assertThat(inspected.at("/inspection/verdict").asText()).isEqualTo("OK");
        assertThat(inspected.at("/inspection/signatures")).hasSize(1);
        assertThat(inspected.at("/inspection/signatures/0/signer").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(inspected.at("/inspection/signatures/0/integrity").asText()).isEqualTo("VALID");
        assertThat(inspected.get("accepted").asBoolean()).isTrue();
        assertThat(running.emailsMentioning(id)).as("its receipt, and nothing else").hasSize(1);
    }

    @Test
    void a_file_whose_inspection_met_s3_down_through_every_retry_is_refused_quarantined_and_its_unit_told_once_when_s3_is_back() {
        LocalSystem.SessionUnit school = schools.get(1);
        byte[] polyglot = "%PDF-1.4\n<html>s3 down</html>\n".getBytes(StandardCharsets.US_ASCII);
        String id = recordedWithItsEventsHeld(school, "bao-cao.pdf", polyglot);

        running.switchFaults("{\"s3\":\"down\",\"s3Events\":\"up\"}");
        assertThat(running.awaitQueued("FailedEventsQueue", id, INSPECTING)).as("the inspection's event, after its tries").isNotNull();
        running.switchFaults("{\"s3\":\"up\"}");
        JsonNode waiting = submission(school, id);
        assertThat(waiting.at("/inspection/state").asText()).isEqualTo("PENDING");
        assertThat(waiting.get("accepted").asBoolean()).as("nothing is decided without the file").isTrue();
        assertThat(running.objectKeys("quarantine/")).noneMatch(k -> k.contains(id));

        sweepOnceItsEventIsOverdue();
        sweepOnceItsEventIsOverdue();

        JsonNode refused = submission(school, id);
        assertThat(refused.get("accepted").asBoolean()).isFalse();
        assertThat(refused.get("refusal").asText()).isEqualTo(NOT_A_PDF);
        assertThat(refused.at("/inspection/problems/0").asText()).isEqualTo("not-a-pdf");
        assertThat(running.objectKeys("quarantine/")).anyMatch(k -> k.contains(id));
        assertThat(running.objectKeys("submissions/")).noneMatch(k -> k.contains(id));
        assertThat(running.awaitEmailsMentioning(NOT_A_PDF, 1)).filteredOn(e -> e.toString().contains(id))
                .as("one refusal, however many runs").hasSize(1);
    }

    /** Uploaded while storage's events are held, and recorded (receipt and all) by the reconciliation. */
    private String recordedWithItsEventsHeld(LocalSystem.SessionUnit school, String name, byte[] file) {
        running.switchFaults("{\"s3Events\":\"held\"}");
        String id = running.upload(school.token(), QCDC, name, "application/pdf", file);
        HttpResponse<String> reconciled = running.runSchedule("ReconcileSubmissionsFunction", null);
        assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);
        assertThat(submission(school, id).at("/inspection/state").asText()).isEqualTo("PENDING");
        assertThat(running.awaitEmailsMentioning(id, 1)).as("its receipt").hasSize(1);
        return id;
    }

    /** The schedule leaves a file to its own event for two minutes; past them it takes it. */
    private void sweepOnceItsEventIsOverdue() {
        running.system.moveClockTo(running.system.clock().instant().plus(Duration.ofMinutes(3)));
        HttpResponse<String> swept = running.runSchedule("InspectSubmissionFunction", null);
        assertThat(swept.statusCode()).as(swept.body()).isEqualTo(200);
    }

    private JsonNode submission(LocalSystem.SessionUnit school, String id) {
        for (JsonNode s : running.obligation(school.token(), QCDC).get("submissions")) {
            if (s.get("submissionId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("not in /v1/me: " + id);
    }

    private static byte[] pdfsigSigned() {
        try {
            return Files.readAllBytes(Running.ROOT.resolve(
                    "functions/inspect/src/test/resources/vn/haiphong/gddt/reports/inspect/pdfsig/bao-cao-pdfsig.pdf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
