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
 * Office's bundle where the function reads it.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionOnArrivalTest {
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    private static final String ROOTS_KEY = "config/roots-under-test.pem";
    private static final Path ROOTS = Running.ROOT.resolve(
            "functions/inspect/src/test/resources/vn/haiphong/gddt/reports/inspect/pdfsig/ca-pdfsig.pem");
    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, Running.options(OffsetDateTime.parse(BEFORE_DUE).toInstant(),
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
