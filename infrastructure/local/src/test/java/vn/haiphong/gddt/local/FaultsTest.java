package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * Outages switched at {@code /_local/faults}, seen from outside: the API, the browser's PUT to storage,
 * the asynchronous invocations' retries and the OnFailure queue, read with the SQS client.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsTest {
    /** Five days before QCDC:2026-Y is due (trước ngày 5/12/2026). */
    private static final Instant BEFORE_DUE = OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant();
    private static final String ALL_UP = "{\"dynamodb\":\"up\",\"ses\":\"up\",\"s3\":\"up\",\"s3Events\":\"up\"}";
    private Emulators emulators;
    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        this.emulators = emulators;
        running = Running.start(emulators, BEFORE_DUE, Map.of());
    }

    @AfterEach
    void allUp() {
        running.switchFaults(ALL_UP);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void with_dynamodb_down_the_api_fails_a_file_still_reaches_storage_and_its_event_lands_in_the_failed_events_queue()
            throws Exception {
        LocalSystem.SessionUnit school = running.unit("THPT");
        running.upload(school.token(), "QCDC:2026-Y", "truoc-su-co.pdf", "application/pdf", Running.pdf("before"));
        running.awaitSubmissions(school.token(), "QCDC:2026-Y", 1);
        byte[] file = Running.pdf("during");
        JsonNode grant = Running.read(running.requestUpload(school.token(), "QCDC:2026-Y", "trong-su-co.pdf",
                "application/pdf", file).body());

        running.switchFaults("{\"dynamodb\":\"down\"}");

        HttpResponse<String> me = running.me(school.token());
        assertThat(me.statusCode()).as("the request was fine: try again later").isEqualTo(503);
        assertThat(Running.read(me.body()).get("code").asText()).isEqualTo("service-unavailable");
        assertThat(me.headers().firstValue("retry-after")).hasValue("60");
        assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
        String submissionId = grant.get("submissionId").asText();
        // The inspection's event of the same file may be queued beside it.
        JsonNode record = running.awaitQueued("FailedEventsQueue", submissionId, ":function:RecordSubmissionFunction:");
        assertThat(record).as("the invocation record of the failed event").isNotNull();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.at("/requestContext/functionArn").asText()).endsWith(":function:RecordSubmissionFunction:$LATEST");
        assertThat(record.at("/requestPayload/Records/0/s3/object/key").asText())
                .startsWith("submissions/2026/QCDC/").contains(submissionId);
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/responsePayload/errorType").asText()).isNotBlank();

        running.switchFaults("{\"dynamodb\":\"up\"}");
        JsonNode obligation = running.obligation(school.token(), "QCDC:2026-Y");
        assertThat(obligation.get("submissions")).extracting(s -> s.get("fileName").asText())
                .containsExactly("truoc-su-co.pdf");
        assertThat(obligation.get("state").asText()).isEqualTo("ON_TIME");
    }

    @Test
    void with_ses_down_the_file_is_recorded_but_its_receipt_is_not_sent_and_the_event_lands_in_the_queue() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("GDNN_GDTX")).get(0);
        running.switchFaults("{\"ses\":\"down\"}");

        String submissionId = running.upload(unit.token(), "QCDC:2026-Y", "bien-nhan.pdf", "application/pdf",
                Running.pdf("no receipt"));

        // The inspection's event of the same file may be queued beside it.
        JsonNode record = running.awaitQueued("FailedEventsQueue", submissionId, ":function:RecordSubmissionFunction:");
        assertThat(record).as("the invocation record of the failed event").isNotNull();
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(running.obligation(unit.token(), "QCDC:2026-Y").get("submissions"))
                .extracting(s -> s.get("submissionId").asText()).containsExactly(submissionId);
        assertThat(running.emailsMentioning(submissionId)).isEmpty();
    }

    @Test
    void the_faults_endpoint_answers_the_state_and_refuses_an_unknown_service_or_value_changing_nothing() {
        assertThat(running.faults()).isEqualTo(Running.read(ALL_UP));

        HttpResponse<String> down = running.switchFaults("{\"ses\":\"down\",\"s3\":\"down\"}");
        HttpResponse<String> unknown = running.switchFaults("{\"ses\":\"up\",\"sqs\":\"down\"}");
        HttpResponse<String> badValue = running.switchFaults("{\"dynamodb\":\"sideways\"}");
        HttpResponse<String> sesLosesNoWrite = running.switchFaults("{\"ses\":\"lose-next-write\"}");
        HttpResponse<String> notAnObject = running.switchFaults("[\"ses\"]");
        HttpResponse<String> notJson = running.switchFaults("ses=down");

        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(Running.read(down.body())).isEqualTo(
                Running.read("{\"dynamodb\":\"up\",\"ses\":\"down\",\"s3\":\"down\",\"s3Events\":\"up\"}"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Running.read(unknown.body()).get("detail").asText()).contains("\"sqs\"", "dynamodb, ses, s3, s3Events");
        assertThat(Running.read(badValue.body()).get("detail").asText())
                .contains("dynamodb", "\"down\" or \"slow\" or \"lose-next-write\" or \"up\"", "sideways");
        assertThat(Running.read(sesLosesNoWrite.body()).get("detail").asText()).contains("ses", "\"down\" or \"slow\" or \"up\"");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(running.faults().get("ses").asText()).as("a refused change changes nothing").isEqualTo("down");
    }

    @Test
    void a_service_down_in_one_system_leaves_another_on_the_same_emulators_working() throws Exception {
        try (Running other = Running.start(emulators, BEFORE_DUE, Map.of())) {
            running.switchFaults("{\"dynamodb\":\"down\",\"s3\":\"down\",\"ses\":\"down\"}");

            LocalSystem.SessionUnit school = other.unit("THPT");
            String submissionId = other.upload(school.token(), "QCDC:2026-Y", "he-khac.pdf", "application/pdf",
                    Running.pdf("other system"));

            assertThat(other.awaitSubmissions(school.token(), "QCDC:2026-Y", 1).get("submissions"))
                    .extracting(s -> s.get("submissionId").asText()).containsExactly(submissionId);
            assertThat(other.awaitEmailsMentioning(submissionId, 1)).hasSize(1);
            assertThat(other.faults().get("dynamodb").asText()).isEqualTo("up");
        }
    }

    @Test
    void a_scheduled_function_that_keeps_failing_is_tried_three_times_answers_502_and_lands_in_the_queue() {
        running.switchFaults("{\"s3\":\"down\"}");

        HttpResponse<String> failed = running.runSchedule("WriteStatusSnapshotsFunction", null);

        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode problem = Running.read(failed.body());
        assertThat(problem.at("/failed/0/function").asText()).isEqualTo("WriteStatusSnapshotsFunction");
        assertThat(problem.at("/failed/0/attempts").asInt()).isEqualTo(3);
        assertThat(problem.at("/failed/0/sentTo").asText()).isEqualTo("FailedEventsQueue");
        assertThat(problem.get("detail").asText()).contains("failed 3 times", "FailedEventsQueue");
        JsonNode record = running.awaitQueued("FailedEventsQueue", "function:WriteStatusSnapshotsFunction");
        assertThat(record).isNotNull();
        assertThat(record.at("/requestPayload/detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(record.at("/requestPayload/source").asText()).isEqualTo("aws.scheduler");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);

        running.switchFaults("{\"s3\":\"up\"}");
        assertThat(running.runSchedule("WriteStatusSnapshotsFunction", null).statusCode()).isEqualTo(200);
    }

    @Test
    void held_s3_events_are_delivered_on_up_and_dated_when_the_files_were_stored() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("PT_NHIEU_CAP")).get(0);
        running.switchFaults("{\"s3Events\":\"held\"}");
        String first = running.upload(unit.token(), "QCDC:2026-Y", "mot.pdf", "application/pdf", Running.pdf("one"));
        String second = running.upload(unit.token(), "QCDC:2026-Y", "hai.pdf", "application/pdf", Running.pdf("two"));
        // After the deadline (trước ngày 5/12/2026): only the time they were stored keeps them on time.
        Instant later = OffsetDateTime.parse("2026-12-08T09:00:00+07:00").toInstant();
        running.system.moveClockTo(later);
        try {
            assertThat(running.faults().get("s3Events").asText()).isEqualTo("held");
            assertThat(running.obligation(unit.token(), "QCDC:2026-Y").get("submissions")).isEmpty();

            running.switchFaults("{\"s3Events\":\"up\"}");

            JsonNode obligation = running.awaitSubmissions(unit.token(), "QCDC:2026-Y", 2);
            assertThat(obligation.get("submissions")).extracting(s -> s.get("submissionId").asText())
                    .containsExactlyInAnyOrder(first, second);
            assertThat(obligation.get("submissions")).allSatisfy(s -> {
                assertThat(s.get("onTime").asBoolean()).isTrue();
                assertThat(s.get("receivedAt").asText()).startsWith("2026-11-30T09:");
            });
        } finally {
            running.system.moveClockTo(BEFORE_DUE.plus(Duration.ofMinutes(5)));
        }
    }
}
