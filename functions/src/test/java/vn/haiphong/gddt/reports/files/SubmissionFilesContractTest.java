package vn.haiphong.gddt.reports.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Digests;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.OnEmulators;

/**
 * One set of rules for the submissions bucket, held by S3 (S3Proxy, the file stored through its
 * presigned PUT as a browser does) and by the map the rule tests use.
 */
class SubmissionFilesContractTest {
    private static final byte[] PDF = "%PDF-1.4\n% báo cáo\n".getBytes(StandardCharsets.UTF_8);

    abstract static class Contract {
        abstract SubmissionFiles files();

        /** What the school's browser does with the grant. */
        abstract void send(SubmissionFiles.PresignedUpload grant, byte[] bytes);

        private final String prefix = "submissions/2026/QCDC/2026-Y/thpt-tran-phu/";

        private String stored(String name, byte[] bytes) {
            String key = prefix + name;
            var grant = files().presignUpload(new SubmissionFiles.UploadSpec(key, "application/pdf", bytes.length,
                    Digests.sha256Base64(bytes), Map.of("unit", "thpt-tran-phu")), Duration.ofMinutes(15));
            assertThat(grant.method()).isEqualTo("PUT");
            send(grant, bytes);
            return key;
        }

        @Test
        void a_file_sent_through_its_grant_is_described_with_its_size_type_and_metadata() {
            String key = stored("bao-cao.pdf", PDF);

            SubmissionFiles.StoredFile file = files().describe(key).orElseThrow();
            assertThat(file.size()).isEqualTo(PDF.length);
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(file.metadata()).containsEntry("unit", "thpt-tran-phu");
            assertThat(file.eTag()).isNotBlank().doesNotContain("\"");
            assertThat(file.servedWith()).isEmpty();
            assertThat(files().describe(prefix + "khong-co.pdf")).isEmpty();
        }

        @Test
        void one_read_describes_a_file_as_describe_does_and_gives_its_first_bytes() {
            String key = stored("bao-cao.pdf", PDF);

            SubmissionFiles.Described described = files().describeWithFirstBytes(key, 5).orElseThrow();
            assertThat(described.file()).isEqualTo(files().describe(key).orElseThrow());
            assertThat(described.firstBytes()).isEqualTo("%PDF-".getBytes(StandardCharsets.US_ASCII));
            assertThat(files().describeWithFirstBytes(prefix + "khong-co.pdf", 5)).isEmpty();
        }

        @Test
        void a_file_shorter_than_the_bytes_asked_gives_all_it_has_and_an_empty_one_none() {
            String shortKey = stored("ngan.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
            String emptyKey = stored("rong.pdf", new byte[0]);

            SubmissionFiles.Described shortFile = files().describeWithFirstBytes(shortKey, 512).orElseThrow();
            assertThat(shortFile.firstBytes()).isEqualTo("%PDF".getBytes(StandardCharsets.US_ASCII));
            assertThat(shortFile.file().size()).isEqualTo(4);
            SubmissionFiles.Described empty = files().describeWithFirstBytes(emptyKey, 512).orElseThrow();
            assertThat(empty.firstBytes()).isEmpty();
            assertThat(empty.file().size()).isZero();
            assertThat(empty.file()).isEqualTo(files().describe(emptyKey).orElseThrow());
        }

        @Test
        void the_listing_and_a_download_give_back_what_was_sent() throws IOException {
            String key = stored("bao-cao.pdf", PDF);
            stored("phu-luc.pdf", PDF);

            assertThat(files().list(prefix)).extracting(SubmissionFiles.Listed::key)
                    .containsExactly(prefix + "bao-cao.pdf", prefix + "phu-luc.pdf");
            Path copy = Files.createTempFile("download", ".pdf");
            try {
                files().download(key, copy);
                assertThat(Files.readAllBytes(copy)).isEqualTo(PDF);
            } finally {
                Files.deleteIfExists(copy);
            }
        }

        @Test
        void a_file_that_is_not_there_cannot_be_downloaded_and_says_not_found() {
            assertThatThrownBy(() -> files().download(prefix + "khong-co.pem", Files.createTempFile("missing", ".pem")))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.s3.model.S3Exception.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404));
        }

        @Test
        void a_moved_file_is_only_at_its_new_key_and_moving_a_gone_one_does_nothing() {
            String key = stored("bao-cao.pdf", PDF);
            String quarantined = "quarantine/" + UUID.randomUUID() + "/bao-cao.pdf";

            files().move(key, quarantined);
            files().move(key, quarantined + ".again");

            assertThat(files().describe(key)).isEmpty();
            assertThat(files().describe(quarantined)).hasValueSatisfying(f -> assertThat(f.size()).isEqualTo(PDF.length));
            assertThat(files().describe(quarantined + ".again")).isEmpty();
        }

        @Test
        void a_download_link_names_the_file_in_utf_8() {
            var link = files().presignDownload(stored("x.pdf", PDF), null, "Báo cáo.pdf", "application/pdf",
                    Duration.ofMinutes(5));

            assertThat(link.url()).contains("B%25C3%25A1o%2520c%25C3%25A1o.pdf").doesNotContain("Báo");
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemorySubmissionFiles files = new InMemorySubmissionFiles();

        @Override
        SubmissionFiles files() {
            return files;
        }

        @Override
        void send(SubmissionFiles.PresignedUpload grant, byte[] bytes) {
            files.send(grant, bytes, Instant.now());
        }
    }

    @Nested
    @OnEmulators
    class OnS3 extends Contract {
        private final S3SubmissionFiles files;
        private final HttpClient http = HttpClient.newHttpClient();

        OnS3(Emulators emulators) {
            AwsClients aws = EmulatorClients.of(emulators);
            String bucket = "files-" + UUID.randomUUID().toString().substring(0, 8);
            S3Client s3 = aws.s3();
            s3.createBucket(r -> r.bucket(bucket));
            files = new S3SubmissionFiles(() -> s3, aws::s3Presigner, bucket);
        }

        @Override
        SubmissionFiles files() {
            return files;
        }

        @Override
        void send(SubmissionFiles.PresignedUpload grant, byte[] bytes) {
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(grant.url()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
            grant.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("content-length")) {
                    put.header(name, value);
                }
            });
            try {
                HttpResponse<String> answer = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
