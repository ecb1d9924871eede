package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The deep inspection through the running system: a file uploaded the real way is inspected by
 * InspectSubmissionFunction (EventBridge's "Object Created"), and what it found shows in {@code /v1/me}
 * and the status; a file that is not what it claims is refused, quarantined, and the unit told once.
 * The signed PDF was made by poppler's pdfsig (functions/inspect's test resources, with its README).
 */
@Order(-20)
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionTest {
    private static final String QCDC = StatusApiTest.QCDC;
    private static final Path PDFSIG = Running.ROOT.resolve(
            "functions/inspect/src/test/resources/vn/haiphong/gddt/reports/inspect/pdfsig");

    private Running running;
    private String office;

    /** After the pdfsig CA's certificates begin (6/12/2026 22:00 UTC): trust is judged at the signing time, on this clock. */
    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-12-07T09:00:00+07:00").toInstant(), Map.of());
        office = running.system.officeToken();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_pdf_signed_with_pdfsig_shows_its_signer_a_valid_whole_signature_and_trust_once_its_root_is_trusted() throws IOException {
        byte[] signed = Files.readAllBytes(PDFSIG.resolve("bao-cao-pdfsig.pdf"));
        List<LocalSystem.SessionUnit> schools = running.units(u -> u.category().equals("THPT"));
        int signedBefore = summary().get("signed").asInt();

        JsonNode untrusted = inspected(schools.get(0), "bao-cao-ky-so.pdf", "application/pdf", signed);

        assertThat(untrusted.at("/accepted").asBoolean()).isTrue();
        assertThat(untrusted.at("/inspection/verdict").asText()).isEqualTo("OK");
        JsonNode signature = untrusted.at("/inspection/signatures/0");
        assertThat(signature.get("signer").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(signature.get("organization").asText()).isEqualTo("Trường THPT Trần Phú");
        assertThat(signature.get("integrity").asText()).isEqualTo("VALID");
        assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(signature.get("trust").asText()).isEqualTo("UNTRUSTED");
        assertThat(signature.get("revocation").asText()).isEqualTo("NOT_CHECKED");
        JsonNode latest = row(schools.get(0)).get("latest");
        assertThat(latest.get("inspection")).isEqualTo(untrusted.get("inspection"));
        assertThat(summary().get("signed").asInt()).as("files signed over the whole file").isEqualTo(signedBefore + 1);

        // The Office adds the root that signed it: the next file counts it.
        try (var s3 = running.aws().s3()) {
            s3.putObject(r -> r.bucket(running.bucket()).key("config/trusted-roots.pem").contentType("application/x-pem-file"),
                    RequestBody.fromBytes(Files.readAllBytes(PDFSIG.resolve("ca-pdfsig.pem"))));
        }
        JsonNode trusted = inspected(schools.get(1), "bao-cao-ky-so.pdf", "application/pdf", signed);
        assertThat(trusted.at("/inspection/signatures/0/trust").asText()).isEqualTo("TRUSTED");
    }

    @Test
    void a_pdf_with_bytes_added_after_signing_does_not_cover_the_whole_document() throws IOException {
        byte[] signed = Files.readAllBytes(PDFSIG.resolve("bao-cao-pdfsig.pdf"));
        byte[] appended = (new String(signed, StandardCharsets.ISO_8859_1)
                + "\n% một dòng thêm sau khi ký\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

        JsonNode submission = inspected(running.units(u -> u.category().equals("THPT")).get(2), "bc.pdf",
                "application/pdf", appended);

        assertThat(submission.at("/inspection/signatures/0/integrity").asText()).isEqualTo("VALID");
        assertThat(submission.at("/inspection/signatures/0/coversWholeDocument").asBoolean()).isFalse();
    }

    @Test
    void an_html_page_behind_a_pdf_header_is_refused_quarantined_and_the_unit_told_once() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("THPT")).get(3);
        byte[] polyglot = "%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n".getBytes(StandardCharsets.US_ASCII);

        JsonNode submission = inspected(unit, "bc.pdf", "application/pdf", polyglot);

        String id = submission.get("submissionId").asText();
        assertThat(submission.get("accepted").asBoolean()).isFalse();
        assertThat(submission.get("refusal").asText()).isEqualTo("tệp không phải là PDF hợp lệ");
        assertThat(submission.at("/inspection/verdict").asText()).isEqualTo("REFUSED");
        assertThat(submission.at("/inspection/problems/0").asText()).isEqualTo("not-a-pdf");
        assertThat(row(unit).get("submissions").asInt()).as("a refused file does not count").isZero();
        assertThat(running.objectKeys("quarantine/")).anyMatch(k -> k.contains(id));
        assertThat(running.objectKeys("submissions/")).noneMatch(k -> k.contains(id));
        // The receipt went out on arrival; the refusal follows it, once, whatever the sweep does later.
        running.awaitQuiet();
        assertThat(running.runSchedule("InspectSubmissionFunction", null).statusCode()).isEqualTo(200);
        assertThat(running.emailsMentioning("tệp không phải là PDF hợp lệ"))
                .filteredOn(e -> e.toString().contains(id)).hasSize(1);
    }

    @Test
    void with_ses_down_a_refused_file_is_still_refused_and_its_refusal_goes_out_once_when_ses_is_back() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("THPT")).get(5);
        byte[] polyglot = "%PDF-1.4\n<html>ses down</html>\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(running.switchFaults("{\"ses\": \"down\"}").statusCode()).isEqualTo(200);
        JsonNode submission;
        String id;
        try {
            submission = inspected(unit, "bc.pdf", "application/pdf", polyglot);
            assertThat(submission.get("accepted").asBoolean()).as("the verdict does not wait for SES").isFalse();
            id = submission.get("submissionId").asText();
            // Checked while SES is still down: once it is back, a retry of the inspection may send it at any moment.
            assertThat(running.emailsMentioning("tệp không phải là PDF hợp lệ")).noneMatch(e -> e.toString().contains(id));
        } finally {
            running.switchFaults("{\"ses\": \"up\"}");
        }

        assertThat(running.runSchedule("InspectSubmissionFunction", null).statusCode()).isEqualTo(200);
        assertThat(running.runSchedule("InspectSubmissionFunction", null).statusCode()).isEqualTo(200);

        assertThat(refusalsOf(id, 1)).as("one refusal, however many sweeps").hasSize(1);
        assertThat(running.objectKeys("quarantine/")).anyMatch(k -> k.contains(id));
    }

    @Test
    void a_docx_holding_an_entry_that_climbs_out_of_its_folder_is_refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("../../evil.exe"));
            zip.write(new byte[] {'M', 'Z'});
        }

        JsonNode submission = inspected(running.units(u -> u.category().equals("THPT")).get(4), "bc.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes.toByteArray());

        assertThat(submission.get("accepted").asBoolean()).isFalse();
        assertThat(submission.at("/inspection/problems").toString()).contains("zip-unsafe-name");
    }

    /** Uploads the file the real way and waits until the inspection has looked at it. */
    private JsonNode inspected(LocalSystem.SessionUnit unit, String name, String type, byte[] file) {
        return running.awaitInspected(unit.token(), QCDC, running.upload(unit.token(), QCDC, name, type, file));
    }

    /** The refusal e-mails of one file, once at least {@code count} arrived (or 30 s passed). */
    private List<JsonNode> refusalsOf(String submissionId, int count) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<JsonNode> refusals;
        do {
            refusals = running.emailsMentioning(submissionId).stream()
                    .filter(e -> e.toString().contains("tệp không phải là PDF hợp lệ")).toList();
        } while (refusals.size() < count && System.currentTimeMillis() < deadline && pause());
        return refusals;
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode summary() {
        return Running.read(running.status(office, Map.of("obligation", QCDC)).body()).at("/obligations/0/summary");
    }

    private JsonNode row(LocalSystem.SessionUnit unit) {
        return Running.read(running.status(office, Map.of("obligation", QCDC, "unit", unit.unit())).body())
                .at("/obligations/0/units/0");
    }
}
