package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * A write that DynamoDB or S3 did, whose answer never reached its caller ({@code "lose-next-write"} at
 * {@code /_local/faults}): a function's SDK tries it again, the conditional write then fails against itself,
 * and the function must still see its own write, not someone else's; a school's browser sees its upload
 * fail, though the file arrived.
 */
@ExtendWith(EmulatorsExtension.class)
class LostAnswersTest {
    /** QCDC:2025-H1's first reminder ("OPEN") goes out this morning to every unit that owes it. */
    private static final Instant REMINDER_MORNING = OffsetDateTime.parse("2025-05-12T08:00:00+07:00").toInstant();
    private static final String LOSE_NEXT_WRITE = "{\"dynamodb\":\"lose-next-write\"}";
    /** Four days before QCDC:2026-Y is due (trước ngày 5/12/2026). */
    private static final Instant UPLOAD_DAY = OffsetDateTime.parse("2026-12-01T09:00:00+07:00").toInstant();

    @Test
    void a_reminder_whose_claim_lost_its_answer_still_goes_out_that_morning_and_only_once(Emulators emulators)
            throws Exception {
        try (Running running = Running.start(emulators, REMINDER_MORNING, Map.of("ReminderSendRate", "1000"))) {
            assertThat(running.switchFaults(LOSE_NEXT_WRITE).statusCode()).isEqualTo(200);
            Instant since = Instant.now().minusSeconds(1);

            JsonNode first = running.sweep(false);

            assertThat(running.faults().get("dynamodb").asText()).as("the write came and its answer was lost").isEqualTo("up");
            assertThat(first.get("errors")).isEmpty();
            assertThat(first.get("failed").asInt()).isZero();
            assertThat(first.get("alreadyDone").asInt()).as("no claim of this morning's read as someone else's").isZero();
            List<JsonNode> emails = running.reminderEmailsSince(since);
            assertThat(first.get("sent").asInt()).isPositive().isEqualTo(emails.size());
            Set<String> letters = new HashSet<>();
            emails.forEach(e -> assertThat(letters.add(e.get("destination") + " " + e.get("subject").asText()))
                    .as("sent once: %s", e.get("destination")).isTrue());

            JsonNode again = running.sweep(false);
            assertThat(again.get("sent").asInt()).isZero();
            assertThat(again.get("alreadyDone").asInt()).isEqualTo(first.get("sent").asInt());
        }
    }

    @Test
    void an_extension_whose_write_lost_its_answer_is_answered_as_granted_and_is_in_force(Emulators emulators)
            throws Exception {
        try (Running running = Running.start(emulators, REMINDER_MORNING, Map.of())) {
            String office = running.system.officeToken("*", "nguyen-thi-lan");
            String unit = running.unit("THPT").unit();
            running.switchFaults(LOSE_NEXT_WRITE);

            HttpResponse<String> granted = Running.send(running.officeRequest("PUT", "/v1/extensions/QCDC:2025-H1/" + unit,
                    office, ExtensionsApiTest.body("2025-06-20", "Bão số 1: mất điện ba ngày")));

            assertThat(running.faults().get("dynamodb").asText()).as("the write came and its answer was lost").isEqualTo("up");
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
            JsonNode row = running.obligation(running.unit("THPT").token(), "QCDC:2025-H1");
            assertThat(row.at("/extension/until").asText()).isEqualTo("2025-06-21T00:00:00+07:00");
            assertThat(row.at("/extension/reason").asText()).isEqualTo("Bão số 1: mất điện ba ngày");
        }
    }

    @Test
    void a_file_whose_upload_lost_its_answer_is_recorded_with_one_receipt_and_the_schools_second_try_changes_nothing(
            Emulators emulators) throws Exception {
        try (Running running = Running.start(emulators, UPLOAD_DAY, Map.of())) {
            LocalSystem.SessionUnit school = running.unit("THPT");
            byte[] file = Running.pdf("câu trả lời bị mất");
            JsonNode grant = Running.read(running.requestUpload(school.token(), "QCDC:2026-Y", "bao-cao.pdf",
                    "application/pdf", file).body());
            String id = grant.get("submissionId").asText();
            running.switchFaults("{\"s3\":\"lose-next-write\"}");

            assertThatThrownBy(() -> Running.put(grant, file)).as("the browser sees its connection break")
                    .isInstanceOf(UncheckedIOException.class);

            assertThat(running.faults().get("s3").asText()).as("the PUT came and its answer was lost").isEqualTo("up");
            assertThat(running.awaitSubmissions(school.token(), "QCDC:2026-Y", 1).get("submissions")).singleElement()
                    .satisfies(s -> assertThat(s.get("submissionId").asText()).isEqualTo(id));
            assertThat(running.awaitEmailsMentioning(id, 1)).as("the receipt").hasSize(1);
            // The school's page offers to send the file again; the school does, with the same link.
            assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
            running.awaitQuiet();
            assertThat(running.obligation(school.token(), "QCDC:2026-Y").get("submissions")).hasSize(1);
            assertThat(running.emailsMentioning(id)).as("receipts").hasSize(1);
        }
    }
}
