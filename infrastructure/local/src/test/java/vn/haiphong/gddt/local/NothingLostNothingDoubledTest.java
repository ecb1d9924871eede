package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * Every file that reaches {@code submissions/} ends up recorded exactly once, with the time storage
 * received it, and its unit gets exactly one receipt, whatever failed and for however long. Each test
 * breaks the system from outside ({@code /_local/faults}), lets Lambda's retries run out, repairs it, runs
 * the reconciliation schedule, and counts what is in the table (through {@code /v1/me}) and in the SES
 * store.
 */
@Order(-40)
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NothingLostNothingDoubledTest {
    /** The recording's event, not the inspection's of the same file, which may be queued beside it. */
    private static final String RECORDING = ":function:RecordSubmissionFunction:";
    private static final String QCDC = "QCDC:2026-Y";
    /** "trước ngày 05/12": due at the start of 5/12/2026, Vietnam time. */
    private static final Instant DUE = OffsetDateTime.parse("2026-12-05T00:00:00+07:00").toInstant();
    private static final Instant MORNING = OffsetDateTime.parse("2026-12-01T09:00:00+07:00").toInstant();
    private static final String ALL_UP = "{\"dynamodb\":\"up\",\"ses\":\"up\",\"s3\":\"up\",\"s3Events\":\"up\"}";
    private static final String RECONCILE = "ReconcileSubmissionsFunction";

    private Running running;
    private List<LocalSystem.SessionUnit> schools;
    private int nextSchool;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, MORNING, Map.of());
        schools = running.units(u -> u.category().equals("THPT"));
    }

    @AfterEach
    void everythingUp() {
        running.switchFaults(ALL_UP);
        moveClockTo(MORNING);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_file_put_while_dynamodb_is_down_through_every_retry_is_recorded_once_by_the_sweep_at_its_own_time_with_one_receipt() {
        LocalSystem.SessionUnit school = nextSchool();
        byte[] file = Running.pdf("dynamodb down");
        JsonNode grant = grant(school, file);

        running.switchFaults("{\"dynamodb\":\"down\"}");
        Instant before = running.system.clock().instant();
        assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
        Instant after = running.system.clock().instant();
        String id = grant.get("submissionId").asText();
        assertThat(running.awaitQueued("FailedEventsQueue", id, RECORDING)).as("the event, after its three tries").isNotNull();
        running.switchFaults("{\"dynamodb\":\"up\"}");
        assertThat(running.obligation(school.token(), QCDC).get("submissions")).as("nothing recorded yet").isEmpty();

        JsonNode sweep = reconcile();

        assertThat(sweep.get("recorded").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode obligation = running.obligation(school.token(), QCDC);
        assertThat(obligation.get("submissions")).hasSize(1);
        Instant receivedAt = OffsetDateTime.parse(obligation.at("/submissions/0/receivedAt").asText()).toInstant();
        // LastModified, and the API, have whole seconds: within a second before the PUT, never after it.
        assertThat(receivedAt).as("the time of the PUT on the business clock, not of the sweep")
                .isBetween(before.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS), after);
        assertThat(obligation.get("state").asText()).isEqualTo("ON_TIME");
        JsonNode row = statusRow(school.unit());
        assertThat(row.get("state").asText()).as("the Office's status").isEqualTo("ON_TIME");
        assertThat(OffsetDateTime.parse(row.get("submittedAt").asText()).toInstant()).isEqualTo(receivedAt);
        assertExactlyOneReceipt(id);
    }

    @Test
    void two_sweeps_at_the_same_moment_record_a_file_whose_event_was_lost_once_and_send_one_receipt() throws Exception {
        LocalSystem.SessionUnit school = nextSchool();
        running.switchFaults("{\"s3Events\":\"held\"}");
        String id = running.upload(school.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("two sweeps"));

        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> running.runSchedule(RECONCILE, null));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> running.runSchedule(RECONCILE, null));
        assertThat(one.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(two.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        assertThat(running.obligation(school.token(), QCDC).get("submissions")).hasSize(1);
        assertExactlyOneReceipt(id);
        running.switchFaults("{\"s3Events\":\"up\"}");
        assertExactlyOneReceipt(id);
        assertThat(running.obligation(school.token(), QCDC).get("submissions")).as("the late event too").hasSize(1);
    }

    @Test
    void a_file_put_before_the_deadline_while_dynamodb_is_down_counts_as_on_time_though_the_deadline_passed_during_the_outage() {
        LocalSystem.SessionUnit school = nextSchool();
        moveClockTo(DUE.minus(Duration.ofMinutes(2)));
        byte[] file = Running.pdf("just in time");
        JsonNode grant = grant(school, file);

        running.switchFaults("{\"dynamodb\":\"down\"}");
        assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
        String id = grant.get("submissionId").asText();
        assertThat(running.awaitQueued("FailedEventsQueue", id, RECORDING)).isNotNull();
        moveClockTo(DUE.plus(Duration.ofHours(2)));
        running.switchFaults("{\"dynamodb\":\"up\"}");

        reconcile();

        JsonNode obligation = running.obligation(school.token(), QCDC);
        assertThat(obligation.get("submissions")).hasSize(1);
        assertThat(OffsetDateTime.parse(obligation.at("/submissions/0/receivedAt").asText()).toInstant()).isBefore(DUE);
        assertThat(obligation.get("state").asText()).isEqualTo("ON_TIME");
        assertExactlyOneReceipt(id);
    }

    @Test
    void a_receipt_that_could_not_be_sent_while_ses_was_down_through_every_retry_goes_out_once_after_it_returns() {
        LocalSystem.SessionUnit school = nextSchool();
        running.switchFaults("{\"ses\":\"down\"}");

        String id = running.upload(school.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("ses down"));

        assertThat(running.awaitQueued("FailedEventsQueue", id, RECORDING)).as("the receipt's failure fails the event").isNotNull();
        assertThat(running.obligation(school.token(), QCDC).get("submissions")).as("recorded all the same").hasSize(1);
        assertThat(running.emailsMentioning(id)).isEmpty();
        running.switchFaults("{\"ses\":\"up\"}");

        JsonNode sweep = reconcile();

        assertThat(sweep.get("noticesSent").asInt()).isGreaterThanOrEqualTo(1);
        assertExactlyOneReceipt(id);
        assertThat(running.obligation(school.token(), QCDC).get("submissions")).hasSize(1);
    }

    @Test
    void a_receipt_claimed_by_an_invocation_killed_before_it_sent_goes_out_once_after_the_claim_lapses_and_not_before() {
        LocalSystem.SessionUnit school = nextSchool();
        running.switchFaults("{\"ses\":\"down\"}");
        String id = running.upload(school.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("killed"));
        assertThat(running.awaitQueued("FailedEventsQueue", id, RECORDING)).isNotNull();
        // What a RecordSubmissionFunction killed between claim and send leaves (Lambda's 20 s Timeout, a 30 s margin):
        // nothing in this JVM can kill an invocation, so the test writes its leftover claim as it would be.
        Instant lapse = running.system.clock().instant().plus(Duration.ofSeconds(50));
        leaveClaim(school.unit(), id, lapse);
        running.switchFaults("{\"ses\":\"up\"}");

        reconcile();
        assertThat(running.emailsMentioning(id)).as("while the killed invocation could still be sending").isEmpty();

        moveClockTo(lapse.plusSeconds(1));
        reconcile();
        assertExactlyOneReceipt(id);
    }

    @Test
    void a_sweep_and_a_late_storage_event_for_the_same_file_at_the_same_moment_record_one_submission_and_send_one_receipt()
            throws Exception {
        LocalSystem.SessionUnit school = nextSchool();
        running.switchFaults("{\"s3Events\":\"held\"}");
        String id = running.upload(school.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("race"));
        assertThat(running.obligation(school.token(), QCDC).get("submissions")).as("its event is held").isEmpty();

        CompletableFuture<HttpResponse<String>> lateEvent =
                CompletableFuture.supplyAsync(() -> running.switchFaults("{\"s3Events\":\"up\"}"));
        CompletableFuture<HttpResponse<String>> sweep = CompletableFuture.supplyAsync(() -> running.runSchedule(RECONCILE, null));
        assertThat(lateEvent.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(sweep.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        assertThat(running.awaitSubmissions(school.token(), QCDC, 1).get("submissions")).hasSize(1);
        assertExactlyOneReceipt(id);
        assertThat(running.obligation(school.token(), QCDC).get("submissions")).hasSize(1);
    }

    @Test
    void a_receipt_ses_took_but_did_not_confirm_in_time_is_not_sent_again_by_the_retries_or_the_sweep() throws Exception {
        LocalSystem.SessionUnit school = nextSchool();
        running.switchFaults("{\"ses\":\"slow\"}");

        String id = running.upload(school.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("ses slow"));

        running.awaitSubmissions(school.token(), QCDC, 1);
        assertThat(running.awaitEmailsMentioning(id, 1)).as("SES sent it after the client gave up").hasSize(1);
        running.switchFaults("{\"ses\":\"up\"}");
        reconcile();
        running.awaitQuiet();
        assertThat(running.emailsMentioning(id)).as("duplicates of an unconfirmed receipt").hasSize(1);
    }

    /**
     * Moves business time in a second of real time of its own: S3 keeps {@code LastModified} in whole
     * seconds, so a file stored in the same second as a move could not be told to be before or after it.
     */
    private void moveClockTo(Instant now) {
        Running.untilTheNextSecond();
        running.system.moveClockTo(now);
        Running.untilTheNextSecond();
    }

    private LocalSystem.SessionUnit nextSchool() {
        return schools.get(nextSchool++);
    }

    private JsonNode grant(LocalSystem.SessionUnit school, byte[] file) {
        HttpResponse<String> granted = running.requestUpload(school.token(), QCDC, "bao-cao.pdf", "application/pdf", file);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        return Running.read(granted.body());
    }

    private JsonNode statusRow(String unit) {
        HttpResponse<String> status = running.status(running.system.officeToken(), Map.of("obligation", QCDC, "unit", unit));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        return Running.read(status.body()).at("/obligations/0/units/0");
    }

    private JsonNode reconcile() {
        HttpResponse<String> answer = running.runSchedule(RECONCILE, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Running.read(answer.body());
    }

    /** One receipt now, and still one after another sweep and a pause in which a second could arrive. */
    private void assertExactlyOneReceipt(String submissionId) {
        assertThat(running.awaitEmailsMentioning(submissionId, 1)).hasSize(1);
        JsonNode again = reconcile();
        assertThat(again.get("errors")).isEmpty();
        running.awaitQuiet();
        assertThat(running.emailsMentioning(submissionId)).as("receipts for %s", submissionId).hasSize(1);
    }

    private void leaveClaim(String unit, String submissionId, Instant lapse) {
        try (DynamoDbClient dynamo = running.aws().dynamoDb()) {
            dynamo.updateItem(r -> r.tableName(running.system.physicalName("ReportsTable"))
                    .key(Map.of("PK", AttributeValue.fromS("OBL#" + QCDC.replace(':', '#')),
                            "SK", AttributeValue.fromS("UNIT#" + unit + "#SUB#" + submissionId)))
                    .updateExpression("SET receipt = :inProgress, receiptExpiresAt = :lapse, receiptOwner = :dead")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(receipt)")
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS("IN_PROGRESS"),
                            ":lapse", AttributeValue.fromN(Long.toString(lapse.toEpochMilli())),
                            ":dead", AttributeValue.fromS("killed-invocation"))));
        }
    }
}
