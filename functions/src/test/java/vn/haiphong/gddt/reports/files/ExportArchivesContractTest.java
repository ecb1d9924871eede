package vn.haiphong.gddt.reports.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.OnEmulators;
import vn.haiphong.gddt.reports.Zips;

/**
 * One set of rules for export archives, held by ZipToS3 on S3 (S3Proxy) and by the in-memory bucket:
 * every file byte for byte under its entry, all or nothing.
 */
class ExportArchivesContractTest {
    private static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

    abstract static class Contract {
        abstract ExportArchives archives();

        abstract void store(String key, byte[] bytes);

        /** The object at {@code key}; empty when there is none. */
        abstract Optional<byte[]> read(String key);

        @Test
        void an_archive_holds_each_file_byte_for_byte_under_its_entry_and_the_manifest() throws IOException {
            byte[] a = "%PDF-1.4 Trần Phú".getBytes(StandardCharsets.UTF_8);
            byte[] b = "%PDF-1.4 Ngô Quyền".getBytes(StandardCharsets.UTF_8);
            store("submissions/x/a.pdf", a);
            store("submissions/x/b.pdf", b);

            List<ExportArchives.Written> written;
            try (ExportArchives.Archive archive = archives().create("exports/QCDC-2026-Y/x.zip")) {
                written = archive.addObjects(List.of(
                        new ExportArchives.Source("Trường THPT Trần Phú/báo cáo.pdf", "submissions/x/a.pdf", null, AT),
                        new ExportArchives.Source("Trường THPT Ngô Quyền/báo cáo.pdf", "submissions/x/b.pdf", null, AT)));
                archive.addBytes("manifest.csv", "unit\n".getBytes(StandardCharsets.UTF_8), AT);
                archive.complete();
            }

            assertThat(written).extracting(ExportArchives.Written::size).containsExactly((long) a.length, (long) b.length);
            Map<String, byte[]> entries = Zips.entries(read("exports/QCDC-2026-Y/x.zip").orElseThrow());
            assertThat(entries.keySet()).containsExactly("Trường THPT Trần Phú/báo cáo.pdf", "Trường THPT Ngô Quyền/báo cáo.pdf",
                    "manifest.csv");
            assertThat(entries.get("Trường THPT Trần Phú/báo cáo.pdf")).isEqualTo(a);
        }

        @Test
        void a_missing_file_fails_the_archive_and_nothing_is_kept() {
            assertThatThrownBy(() -> {
                try (ExportArchives.Archive archive = archives().create("exports/QCDC-2026-Y/missing.zip")) {
                    archive.addObjects(List.of(new ExportArchives.Source("a.pdf", "submissions/khong-co.pdf", null, AT)));
                    archive.complete();
                }
            }).isInstanceOf(Exception.class);

            assertThat(read("exports/QCDC-2026-Y/missing.zip")).isEmpty();
        }

        @Test
        void a_request_is_stored_as_json_and_a_link_names_the_download() {
            archives().putJson("export-requests/abc.json", "{\"exportId\":\"abc\"}");

            assertThat(read("export-requests/abc.json")).hasValueSatisfying(json ->
                    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"exportId\":\"abc\"}"));
            SubmissionFiles.PresignedDownload link = archives().presignDownload("exports/x.zip", "QCDC-2026-Y.zip",
                    Duration.ofMinutes(5));
            assertThat(link.url()).contains("exports/x.zip", "QCDC-2026-Y.zip");
            assertThat(Duration.between(Instant.now(), link.expiresAt())).as("a link for five minutes, on real time")
                    .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemorySubmissionFiles bucket = new InMemorySubmissionFiles();
        private final InMemoryExportArchives archives = new InMemoryExportArchives(bucket);

        @Override
        ExportArchives archives() {
            return archives;
        }

        @Override
        void store(String key, byte[] bytes) {
            bucket.put(key, bytes, "application/pdf", Map.of(), AT);
        }

        @Override
        Optional<byte[]> read(String key) {
            return bucket.object(key).map(InMemorySubmissionFiles.StoredObject::bytes);
        }
    }

    @Nested
    @OnEmulators
    class OnS3 extends Contract {
        private final S3Client s3;
        private final String bucket = "exports-" + UUID.randomUUID().toString().substring(0, 8);
        private final ZipToS3 archives;

        OnS3(Emulators emulators) {
            AwsClients aws = EmulatorClients.of(emulators);
            s3 = aws.s3();
            s3.createBucket(r -> r.bucket(bucket));
            archives = new ZipToS3(() -> s3, aws::s3Presigner, bucket);
        }

        @Override
        ExportArchives archives() {
            return archives;
        }

        @Override
        void store(String key, byte[] bytes) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        }

        @Override
        Optional<byte[]> read(String key) {
            try {
                return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        }
    }
}
