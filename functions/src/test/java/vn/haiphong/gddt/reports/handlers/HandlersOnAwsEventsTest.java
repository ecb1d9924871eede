package vn.haiphong.gddt.reports.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.InMemoryPorts;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Uploads;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.store.ExportJobs;

/**
 * Every handler fed an event in AWS's own shape (the JSON files in src/test/resources/events: API
 * Gateway HTTP API payload 2.0, S3 ObjectCreated:Put, an EventBridge "Scheduled Event", SNS carrying
 * an SES bounce), turned into the handler's input type by AWS's {@code aws-lambda-java-tests}, which
 * reads them as the Lambda runtime does. The handlers run on the in-memory ports at 30/11/2026 09:00.
 */
@DisplayName("Each handler, fed the events AWS sends, in AWS's shape")
class HandlersOnAwsEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final String SUBMISSION = "0123456789abcdef0123456789abcdef";
    private static final Unit TRAN_PHU = new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
            List.of("van-thu@thpt-tran-phu.example.edu.vn"), 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryPorts ports = new InMemoryPorts();
    private final Wiring wiring = new Wiring(new Env(Map.of("PUBLIC_BASE_URL", "https://baocao.example.edu.vn",
            "RECEIVER_EMAILS", "TCCB=tccb@example.edu.vn;VP=van-phong@example.edu.vn", "STACK_NAME", "hp-reports",
            "STORAGE_ORIGIN", "https://hp-reports-submissions.s3.ap-southeast-1.amazonaws.com")),
            java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), ports);

    @BeforeEach
    void theOfficeClerkAndTranPhu() {
        // The office token in the events was minted for this record, with the tests' all-zero key.
        ports.officeTokens().record(new OfficeToken("aaaaaaaaaaaaaaa2", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", "*",
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-31T17:00:00Z"), Optional.empty()));
        ports.units().upsert(TRAN_PHU);
    }

    private static APIGatewayV2HTTPEvent http(String file) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + file);
    }

    private Submission recorded() {
        Submission s = new Submission(SUBMISSION, TRAN_PHU.id(), "QCDC:2026-Y",
                "submissions/2026/QCDC/2026-Y/thpt-tran-phu/" + SUBMISSION + "/bao-cao.pdf", "etag", null, 1234,
                "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "application/pdf", "Báo cáo.pdf", NOW, true, Optional.empty());
        ports.ledger().recordIfAbsent(s);
        return s;
    }

    @Test
    void get_me_answers_the_units_obligations() {
        APIGatewayV2HTTPResponse answer = new GetMeHandler(wiring).handleRequest(http("apigw-get-me.json"), null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(body(answer).at("/unit/id").asText()).isEqualTo("thpt-tran-phu");
        assertThat(body(answer).get("obligations").findValuesAsText("obligation")).contains("QCDC:2026-Y");
    }

    @Test
    void create_upload_grants_a_url_for_exactly_the_file_described() {
        APIGatewayV2HTTPResponse answer = new CreateUploadHandler(wiring).handleRequest(http("apigw-create-upload.json"), null);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(201);
        assertThat(body(answer).get("uploadUrl").asText()).startsWith("memory:PUT/submissions/2026/QCDC/2026-Y/thpt-tran-phu/");
        assertThat(body(answer).at("/headers/x-amz-meta-" + Uploads.META_FILE_NAME).asText())
                .isEqualTo("B%C3%A1o%20c%C3%A1o%20QCDC%20n%C4%83m%202026.pdf");
    }

    @Test
    void get_status_answers_gzip_to_a_browser_that_accepts_it() {
        APIGatewayV2HTTPResponse answer = new GetStatusHandler(wiring).handleRequest(http("apigw-get-status.json"), null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getHeaders()).containsEntry("content-encoding", "gzip");
        assertThat(answer.getIsBase64Encoded()).isTrue();
        assertThat(body(answer).get("obligations").findValuesAsText("obligation")).contains("QCDC:2026-Y");
        assertThat(body(answer).get("states")).hasSize(6);
    }

    @Test
    void an_extension_is_granted_to_the_end_of_the_day_named_then_revoked() {
        APIGatewayV2HTTPResponse granted = new GrantExtensionHandler(wiring).handleRequest(http("apigw-grant-extension.json"), null);
        assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(200);
        assertThat(body(granted).get("until").asText()).isEqualTo("2026-12-21T00:00:00+07:00");

        APIGatewayV2HTTPResponse revoked = new RevokeExtensionHandler(wiring).handleRequest(http("apigw-revoke-extension.json"), null);
        assertThat(revoked.getStatusCode()).as(revoked.getBody()).isEqualTo(200);
        assertThat(body(revoked).get("revokedAt").asText()).isEqualTo("2026-11-30T09:00:00+07:00");
    }

    @Test
    void a_submission_is_returned_with_its_reason_and_its_file_can_be_downloaded() {
        recorded();

        APIGatewayV2HTTPResponse file = new GetSubmissionFileHandler(wiring).handleRequest(http("apigw-get-submission-file.json"), null);
        assertThat(file.getStatusCode()).as(file.getBody()).isEqualTo(200);
        assertThat(body(file).get("url").asText()).startsWith("memory:GET/submissions/2026/QCDC/2026-Y/thpt-tran-phu/");

        APIGatewayV2HTTPResponse returned = new ReturnSubmissionHandler(wiring).handleRequest(http("apigw-return-submission.json"), null);
        assertThat(returned.getStatusCode()).as(returned.getBody()).isEqualTo(200);
        assertThat(body(returned).at("/returned/reason").asText()).isEqualTo("Thiếu chữ ký của Hiệu trưởng");
        assertThat(ports.mailer().sent()).singleElement().satisfies(e -> assertThat(e.subject()).startsWith("Sở trả lại"));
    }

    @Test
    void starting_an_export_records_a_pending_job_and_stores_its_request() {
        APIGatewayV2HTTPResponse answer = new StartExportHandler(wiring).handleRequest(http("apigw-start-export.json"), null);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(202);
        String exportId = body(answer).get("exportId").asText();
        assertThat(ports.exportJobs().find(exportId)).hasValueSatisfying(job ->
                assertThat(job.state()).isEqualTo(ExportJobs.State.PENDING));
        assertThat(ports.files().object("export-requests/" + exportId + ".json")).isPresent();
    }

    @Test
    void a_ready_export_answers_its_download_link() {
        ports.exportJobs().create(ExportJobs.Job.pending(SUBMISSION, "QCDC:2026-Y", "hoa.nt", NOW));
        ports.exportJobs().ready(ports.exportJobs().claim(SUBMISSION, NOW, Duration.ofMinutes(15)).orElseThrow(),
                "exports/QCDC-2026-Y/x.zip", 1, 10, NOW);

        APIGatewayV2HTTPResponse answer = new GetExportHandler(wiring).handleRequest(http("apigw-get-export.json"), null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(body(answer).get("state").asText()).isEqualTo("READY");
        assertThat(body(answer).get("url").asText()).contains("/exports/QCDC-2026-Y/x.zip");
    }

    @Test
    void the_pages_function_serves_the_dashboard_and_a_vietnamese_page_on_the_default_route() {
        ServePageHandler pages = new ServePageHandler(wiring);

        APIGatewayV2HTTPResponse office = pages.handleRequest(http("apigw-get-office-page.json"), null);
        assertThat(office.getStatusCode()).isEqualTo(200);
        assertThat(office.getHeaders().get("content-type")).startsWith("text/html");

        APIGatewayV2HTTPResponse lost = pages.handleRequest(http("apigw-default-route.json"), null);
        assertThat(lost.getStatusCode()).isEqualTo(404);
        assertThat(lost.getHeaders().get("content-type")).startsWith("text/html");
    }

    @Test
    void a_stored_file_is_recorded_once_from_its_s3_event_and_a_repeated_event_changes_nothing() {
        String key = "submissions/2026/QCDC/2026-Y/thpt-tran-phu/" + SUBMISSION + "/Bao-cao-QCDC-nam-2026.pdf";
        ports.files().put(key, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "application/pdf",
                Map.of(Uploads.META_FILE_NAME, "B%C3%A1o%20c%C3%A1o.pdf", Uploads.META_SHA256, "x"), NOW);
        RecordSubmissionHandler handler = new RecordSubmissionHandler(wiring);

        handler.handleRequest(json("events/s3-object-created-submission.json"), null);
        handler.handleRequest(json("events/s3-object-created-submission.json"), null);

        assertThat(ports.ledger().records("QCDC:2026-Y", TRAN_PHU.id()).submissions()).singleElement()
                .satisfies(s -> assertThat(s.fileName()).isEqualTo("Báo cáo.pdf"));
        assertThat(ports.mailer().sent()).hasSize(1);
    }

    @Test
    void an_export_request_for_a_job_that_does_not_exist_is_ignored() {
        String answer = new BuildExportHandler(wiring)
                .handleRequest(json("events/s3-object-created-export-request.json"), null);

        assertThat(answer).isEqualTo("OK");
        assertThat(ports.exportJobs().all()).isEmpty();
    }

    @Test
    void the_scheduled_sweeps_run_on_an_eventbridge_scheduled_event() {
        var scheduled = json("events/eventbridge-scheduled-event.json");

        assertThat(new SendRemindersHandler(wiring).handleRequest(scheduled, null)).contains("\"day\":\"2026-11-30\"");
        assertThat(new ReconcileSubmissionsHandler(wiring).handleRequest(scheduled, null)).isNotBlank();
        new WriteStatusSnapshotsHandler(wiring).handleRequest(scheduled, null);
        assertThat(ports.statusArchive().keys()).isNotEmpty();
    }

    @Test
    void an_ses_bounce_through_sns_suppresses_the_address() {
        String answer = new RecordSesFeedbackHandler(wiring).handleRequest(json("events/sns-ses-bounce.json"), null);

        assertThat(answer).isEqualTo("suppressed 1");
        assertThat(ports.reminderClaims().suppressed()).containsExactly("van-thu@thpt-tran-phu.example.edu.vn");
    }

    @Test
    void an_event_that_is_not_an_sns_delivery_fails_the_invocation_and_suppresses_nothing() {
        RecordSesFeedbackHandler feedback = new RecordSesFeedbackHandler(wiring);

        assertThatThrownBy(() -> feedback.handleRequest(json("events/eventbridge-scheduled-event.json"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ports.reminderClaims().suppressed()).isEmpty();
    }

    /** An event for a handler declared on {@code Map}, read as the Lambda runtime reads it for that type. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String file) {
        return EventLoader.loadEvent(file, Map.class);
    }

    /** The answer's JSON, unzipped when it was sent gzipped (the events accept gzip, as browsers do). */
    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            if (!"gzip".equals(response.getHeaders().get("content-encoding"))) {
                return JSON.readTree(response.getBody());
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(response.getBody())))) {
                return JSON.readTree(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
