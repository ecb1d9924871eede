package vn.haiphong.gddt.reports.store;

import vn.haiphong.gddt.reports.OnEmulators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.LossyNetwork;
import vn.haiphong.gddt.reports.store.ExportJobs.Job;
import vn.haiphong.gddt.reports.store.ExportJobs.State;

/**
 * One set of rules for export jobs, held by DynamoDB (dynalite) and by the map the rule tests use:
 * every state change is conditional, so only one run ever builds.
 */
class ExportJobsContractTest {
    private static final Instant T0 = Instant.parse("2025-06-11T01:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(15);

    abstract static class Contract {
        abstract ExportJobs jobs();

        @Test
        void a_job_is_written_once_under_its_own_key_and_read_back() {
            String id = newId();
            assertThat(jobs().create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0))).isTrue();
            assertThat(jobs().create(Job.pending(id, "DVCQ:2025-H1", "someone-else", T0))).as("second create").isFalse();

            Job job = jobs().find(id).orElseThrow();
            assertThat(job).isEqualTo(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));
            assertThat(jobs().find(newId())).isEmpty();
        }

        @Test
        void only_the_first_claim_wins_and_a_finished_job_cannot_be_claimed_again() {
            String id = newId();
            jobs().create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));

            Optional<Claims.Held> build = jobs().claim(id, T0.plusSeconds(1), LEASE);
            assertThat(build).isPresent();
            assertThat(jobs().claim(id, T0.plusSeconds(2), LEASE)).as("a repeated event").isEmpty();
            jobs().ready(build.get(), "exports/QCDC-2025-H1/x.zip", 3, 1234, T0.plusSeconds(9));
            assertThat(jobs().claim(id, T0.plus(LEASE).plusSeconds(60), LEASE)).as("long after, once finished").isEmpty();
            jobs().failedToStart(id, "too late", T0.plusSeconds(11));

            Job job = jobs().find(id).orElseThrow();
            assertThat(job.state()).isEqualTo(State.READY);
            assertThat(job.startedAt()).contains(T0.plusSeconds(1));
            assertThat(job.finishedAt()).contains(T0.plusSeconds(9));
            assertThat(job.objectKey()).contains("exports/QCDC-2025-H1/x.zip");
            assertThat(job.files()).isEqualTo(3);
            assertThat(job.bytes()).isEqualTo(1234);
            assertThat(job.reason()).isEmpty();
        }

        @Test
        void a_build_cut_off_by_the_end_of_its_run_is_taken_over_once_its_claim_lapses() {
            String id = newId();
            jobs().create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));
            Claims.Held dead = jobs().claim(id, T0, LEASE).orElseThrow();

            assertThat(jobs().claim(id, T0.plus(LEASE).minusSeconds(1), LEASE)).as("before the lapse").isEmpty();
            Claims.Held next = jobs().claim(id, T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
            assertThatThrownBy(() -> jobs().ready(dead, "exports/old.zip", 1, 1, T0.plus(LEASE).plusSeconds(2)))
                    .as("the cut-off run cannot finish what it no longer holds").isInstanceOf(IllegalStateException.class);
            jobs().ready(next, "exports/new.zip", 2, 2, T0.plus(LEASE).plusSeconds(3));

            assertThat(jobs().find(id).orElseThrow().objectKey()).contains("exports/new.zip");
        }

        @Test
        void a_failed_job_keeps_its_reason_and_cannot_become_ready() {
            String id = newId();
            jobs().create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));
            Claims.Held build = jobs().claim(id, T0, LEASE).orElseThrow();

            jobs().failed(build, "NoSuchKeyException: gone", T0.plusSeconds(3));

            assertThat(jobs().find(id).orElseThrow().reason()).isEqualTo(Optional.of("NoSuchKeyException: gone"));
            assertThatThrownBy(() -> jobs().ready(build, "exports/x.zip", 1, 1, T0.plusSeconds(4)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(jobs().find(id).orElseThrow().state()).isEqualTo(State.FAILED);
        }

        @Test
        void a_job_whose_request_could_not_be_written_fails_and_is_never_built() {
            String id = newId();
            jobs().create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));

            jobs().failedToStart(id, "S3Exception", T0.plusSeconds(1));

            assertThat(jobs().find(id).orElseThrow().state()).isEqualTo(State.FAILED);
            assertThat(jobs().claim(id, T0.plusSeconds(2), LEASE)).isEmpty();
        }

        @Test
        void nothing_is_created_by_claiming_or_finishing_a_job_that_does_not_exist() {
            String id = newId();
            assertThat(jobs().claim(id, T0, LEASE)).isEmpty();
            jobs().failedToStart(id, "x", T0);
            assertThat(jobs().find(id)).isEmpty();
        }

        static String newId() {
            return UUID.randomUUID().toString().replace("-", "");
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryExportJobs jobs = new InMemoryExportJobs();

        @Override
        ExportJobs jobs() {
            return jobs;
        }
    }

    @Nested
    @OnEmulators
    class OnDynamoDb extends Contract {
        private final DynamoDbClient dynamo;
        private final String table;
        private final DynamoDbExportJobs jobs;

        OnDynamoDb(Emulators emulators) {
            dynamo = EmulatorClients.dynamoDb(emulators);
            table = EmulatorClients.newTable(emulators, "exports");
            jobs = new DynamoDbExportJobs(dynamo, table);
        }

        @Override
        ExportJobs jobs() {
            return jobs;
        }

        @Test
        void a_job_whose_answer_was_lost_on_the_way_is_reported_created(Emulators emulators) {
            String id = newId();
            try (LossyNetwork<DynamoDbClient> network = LossyNetwork.toDynamoDb(emulators)) {
                network.loseNextAnswerTo("DynamoDB_20120810.PutItem");

                assertThat(new DynamoDbExportJobs(network.client(), table).create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0)))
                        .isTrue();

                assertThat(network.answersLost()).as("the create's first answer was lost").isEqualTo(1);
            }
            assertThat(jobs.find(id)).contains(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));
        }

        @Test
        void a_job_is_one_item_keyed_by_its_id_with_its_state() {
            String id = UUID.randomUUID().toString().replace("-", "");
            jobs.create(Job.pending(id, "QCDC:2025-H1", "van-phong", T0));

            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                    .key(Map.of("PK", AttributeValue.fromS("EXPORT#" + id), "SK", AttributeValue.fromS("EXPORT")))).item();
            assertThat(item.get("state").s()).isEqualTo("PENDING");
        }
    }
}
