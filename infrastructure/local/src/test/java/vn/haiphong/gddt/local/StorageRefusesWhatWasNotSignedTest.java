package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.files.S3SubmissionFiles;
import vn.haiphong.gddt.reports.files.SubmissionFiles;

/**
 * The presigned PUT binds the body's SHA-256, its length and its type: the storage itself refuses
 * anything else, so a browser (or anyone holding the URL) cannot put a different file there.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageRefusesWhatWasNotSignedTest {
    private Running running;
    private LocalSystem.SessionUnit school;
    private final byte[] file = Running.pdf("signed");

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant(), Map.of());
        school = running.unit("THPT");
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @AfterEach
    void nothing_reached_the_bucket() {
        assertThat(running.objectKeys("")).isEmpty();
    }

    private JsonNode grant() {
        HttpResponse<String> response = running.requestUpload(school.token(), "QCDC:2026-Y", "bc.pdf", "application/pdf", file);
        assertThat(response.statusCode()).isEqualTo(201);
        return Running.read(response.body());
    }

    @Test
    void a_different_body_of_the_same_length_is_refused() {
        byte[] other = file.clone();
        other[other.length - 2] ^= 1;

        assertThat(Running.put(grant(), other).statusCode()).isEqualTo(400);
    }

    @Test
    void a_longer_body_is_refused() {
        byte[] longer = Arrays.copyOf(file, file.length + 10);

        assertThat(Running.put(grant(), longer).statusCode()).isBetween(400, 403);
    }

    @Test
    void a_shorter_body_is_refused() {
        byte[] shorter = Arrays.copyOf(file, file.length - 1);

        assertThat(Running.put(grant(), shorter).statusCode()).isBetween(400, 403);
    }

    @Test
    void another_content_type_is_refused() {
        assertThat(Running.put(grant(), file, Map.of("content-type", "text/html")).statusCode()).isEqualTo(403);
    }

    @Test
    void another_original_file_name_is_refused() {
        assertThat(Running.put(grant(), file, Map.of("x-amz-meta-file-name", "khac.pdf")).statusCode()).isEqualTo(403);
    }

    @Test
    void the_grant_lasts_at_most_fifteen_minutes() {
        JsonNode grant = grant();

        assertThat(OffsetDateTime.parse(grant.get("expiresAt").asText()))
                .isBeforeOrEqualTo(OffsetDateTime.now().plusMinutes(15).plusSeconds(5));
        assertThat(grant.get("uploadUrl").asText()).contains("X-Amz-Expires=900");
    }

    @Test
    void an_expired_url_is_refused() throws Exception {
        S3Client s3 = running.aws().s3();
        S3Presigner presigner = running.aws().s3Presigner();
        SubmissionFiles files = new S3SubmissionFiles(() -> s3, () -> presigner, running.bucket());
        String sha = Running.sha256(file);
        SubmissionFiles.PresignedUpload upload = files.presignUpload(new SubmissionFiles.UploadSpec(
                "submissions/2026/QCDC/2026-Y/thpt-het-han/0123456789abcdef/bc.pdf", "application/pdf", file.length, sha,
                Map.of()), Duration.ofSeconds(1));
        Thread.sleep(2100);

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.url()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file));
        upload.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length")) {
                request.header(k, v);
            }
        });
        HttpResponse<String> response = Running.send(request);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body().toLowerCase()).contains("expired");
    }
}
