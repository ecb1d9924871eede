package vn.haiphong.gddt.reports.store;

import vn.haiphong.gddt.reports.OnEmulators;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;

/** A unit's presigned URLs a minute, counted by DynamoDB (dynalite) and by the rule tests' map: the limit holds however many ask at once. */
class UploadGrantQuotaContractTest {
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:05Z");

    abstract static class Contract {
        abstract UploadGrantQuota quota();

        @Test
        void of_thirty_requests_at_once_exactly_the_minutes_twenty_are_granted() throws Exception {
            CyclicBarrier start = new CyclicBarrier(30);
            ExecutorService pool = Executors.newFixedThreadPool(30);
            try {
                List<Future<Boolean>> asks = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    asks.add(pool.submit(() -> {
                        start.await();
                        return quota().tryTake("thpt-race", T0, 20);
                    }));
                }
                int granted = 0;
                for (Future<Boolean> ask : asks) {
                    granted += ask.get() ? 1 : 0;
                }
                assertThat(granted).isEqualTo(20);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void the_next_minute_and_another_unit_count_afresh() {
            for (int i = 0; i < 3; i++) {
                assertThat(quota().tryTake("thpt-a", T0, 3)).isTrue();
            }
            assertThat(quota().tryTake("thpt-a", T0.plusSeconds(54), 3)).as("same minute").isFalse();
            assertThat(quota().tryTake("thpt-b", T0, 3)).as("another unit").isTrue();
            assertThat(quota().tryTake("thpt-a", T0.plusSeconds(55), 3)).as("02:01:00, the next minute").isTrue();
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryUploadGrantQuota quota = new InMemoryUploadGrantQuota();

        @Override
        UploadGrantQuota quota() {
            return quota;
        }
    }

    @Nested
    @OnEmulators
    class OnDynamoDb extends Contract {
        private final DynamoDbUploadGrantQuota quota;

        OnDynamoDb(Emulators emulators) {
            quota = new DynamoDbUploadGrantQuota(EmulatorClients.dynamoDb(emulators), EmulatorClients.newTable(emulators, "grants"));
        }

        @Override
        UploadGrantQuota quota() {
            return quota;
        }
    }
}
