package vn.haiphong.gddt.reports.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.LossyNetwork;
import vn.haiphong.gddt.reports.OnEmulators;
import vn.haiphong.gddt.reports.app.StatusDocument;

/** One set of rules for kept status documents, held by S3 (S3Proxy) and by the map the rule tests use: a snapshot is never replaced. */
class StatusArchiveContractTest {
    private static final String PREFIX = "status/2026/";

    private static StatusDocument document(String generatedAt) {
        return new StatusDocument(generatedAt, generatedAt, List.of(), List.of(), "2025-01-01", null, List.of());
    }

    abstract static class Contract {
        abstract StatusArchive archive();

        /** The document kept under the key, as read back. */
        abstract String generatedAtOf(String key);

        @Test
        void a_snapshot_is_written_once_and_never_replaced() {
            String key = PREFIX + "QCDC-2026-Y.json";
            assertThat(archive().exists(key)).isFalse();

            assertThat(archive().writeOnce(key, document("2026-12-05T00:00:00+07:00"))).isTrue();
            assertThat(archive().writeOnce(key, document("2026-12-05T00:10:00+07:00"))).as("a second run").isFalse();

            assertThat(archive().exists(key)).isTrue();
            assertThat(generatedAtOf(key)).isEqualTo("2026-12-05T00:00:00+07:00");
        }

        @Test
        void the_same_snapshot_found_already_kept_counts_as_written() {
            String key = PREFIX + "QCDC-2026-Y.json";
            assertThat(archive().writeOnce(key, document("2026-12-05T00:00:00+07:00"))).isTrue();

            assertThat(archive().writeOnce(key, document("2026-12-05T00:00:00+07:00"))).isTrue();
            assertThat(generatedAtOf(key)).isEqualTo("2026-12-05T00:00:00+07:00");
        }

        @Test
        void the_latest_is_replaced_each_time() {
            String key = PREFIX + "latest.json";
            archive().write(key, document("2026-12-05T00:00:00+07:00"));
            archive().write(key, document("2026-12-06T00:00:00+07:00"));

            assertThat(generatedAtOf(key)).isEqualTo("2026-12-06T00:00:00+07:00");
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryStatusArchive archive = new InMemoryStatusArchive();

        @Override
        StatusArchive archive() {
            return archive;
        }

        @Override
        String generatedAtOf(String key) {
            return archive.read(key).orElseThrow().generatedAt();
        }
    }

    @Nested
    @OnEmulators
    class OnS3 extends Contract {
        @Test
        void a_snapshot_whose_answer_was_lost_on_the_way_is_reported_written(Emulators emulators) {
            String key = PREFIX + "QCDC-2026-Y.json";
            try (LossyNetwork<S3Client> network = LossyNetwork.toS3(emulators)) {
                S3StatusArchive overNetwork = new S3StatusArchive(network.client(), bucket);
                network.loseNextAnswerTo("PUT /");

                assertThat(overNetwork.writeOnce(key, document("2026-12-05T00:00:00+07:00"))).isTrue();

                assertThat(network.answersLost()).as("the write's first answer was lost").isEqualTo(1);
            }
            assertThat(generatedAtOf(key)).isEqualTo("2026-12-05T00:00:00+07:00");
        }

        private final S3Client s3;
        private final String bucket = "status-" + UUID.randomUUID().toString().substring(0, 8);
        private final S3StatusArchive archive;

        OnS3(Emulators emulators) {
            s3 = EmulatorClients.of(emulators).s3();
            s3.createBucket(r -> r.bucket(bucket));
            archive = new S3StatusArchive(s3, bucket);
        }

        @Override
        StatusArchive archive() {
            return archive;
        }

        @Override
        String generatedAtOf(String key) {
            String json = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
            return json.replaceAll("(?s).*\"generatedAt\":\"([^\"]+)\".*", "$1");
        }
    }
}
