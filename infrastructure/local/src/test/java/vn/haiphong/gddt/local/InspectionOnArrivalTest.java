package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The inspection of a file as it arrives, through the runner: the upload's EventBridge "Object Created"
 * event reaches InspectSubmissionFunction (no schedule runs here), and {@code --trusted-roots} puts the
 * Office's bundle where the function reads it (under an overridden TrustedRootsKey).
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionOnArrivalTest {
    /** After the pdfsig file was signed (its root is valid from then); QCDC:2026-Y is late but open. */
    private static final String AFTER_SIGNING = "2026-12-07T09:00:00+07:00";
    private static final String ROOTS_KEY = "config/roots-under-test.pem";
    /** A PDF signed by poppler's pdfsig and the root of its signer (functions/inspect's test resources). */
    private static final Path PDFSIG = Running.ROOT.resolve(
            "functions/inspect/src/test/resources/vn/haiphong/gddt/reports/inspect/pdfsig");
    private static final Path ROOTS = PDFSIG.resolve("ca-pdfsig.pem");
    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, Running.options(OffsetDateTime.parse(AFTER_SIGNING).toInstant(),
                Map.of("TrustedRootsKey", ROOTS_KEY), null, null).withTrustedRoots(ROOTS));
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void an_uploaded_file_is_inspected_on_arrival_without_the_sweep() throws InterruptedException {
        LocalSystem.SessionUnit school = running.unit("THPT");
        String submissionId = running.upload(school.token(), "QCDC:2026-Y", "bao-cao.pdf", "application/pdf",
                Running.pdf("inspected on arrival"));

        JsonNode inspection = awaitInspection(school.token(), submissionId);

        assertThat(inspection.get("state").asText()).isEqualTo("DONE");
        assertThat(inspection.get("verdict").asText()).isEqualTo("OK");
        assertThat(inspection.get("problems")).isEmpty();
    }

    @Test
    void a_signature_by_a_root_given_with_trusted_roots_is_trusted() throws Exception {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("THPT")).get(1);
        String submissionId = running.upload(school.token(), "QCDC:2026-Y", "bao-cao-ky-so.pdf", "application/pdf",
                Files.readAllBytes(PDFSIG.resolve("bao-cao-pdfsig.pdf")));

        JsonNode inspection = awaitInspection(school.token(), submissionId);

        assertThat(inspection.get("state").asText()).isEqualTo("DONE");
        assertThat(inspection.at("/signatures/0/trust").asText()).isEqualTo("TRUSTED");
    }

    @Test
    void the_trusted_roots_file_is_in_the_submissions_bucket_under_the_parameters_key() throws Exception {
        try (var s3 = running.aws().s3()) {
            var object = s3.getObjectAsBytes(r -> r.bucket(running.bucket()).key(ROOTS_KEY));

            assertThat(object.asByteArray()).isEqualTo(Files.readAllBytes(ROOTS));
            assertThat(object.response().contentType()).isEqualTo("application/x-pem-file");
        }
    }

    /** The submission's {@code inspection} in /v1/me once it is DONE, or as it is after 30 s. */
    private JsonNode awaitInspection(String token, String submissionId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode inspection = null;
            for (JsonNode s : running.awaitSubmissions(token, "QCDC:2026-Y", 1).get("submissions")) {
                if (s.get("submissionId").asText().equals(submissionId)) {
                    inspection = s.get("inspection");
                }
            }
            if (inspection != null && "DONE".equals(inspection.get("state").asText()) || Instant.now().isAfter(deadline)) {
                return inspection;
            }
            Thread.sleep(200);
        }
    }
}
