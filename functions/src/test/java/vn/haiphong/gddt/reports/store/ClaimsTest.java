package vn.haiphong.gddt.reports.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.LossyNetwork;

/** The one claim protocol, on dynalite: whoever holds a claim does the work, and nobody else. */
@Tag("emulators")
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsTest {
    private static final Instant T0 = Instant.parse("2025-06-11T01:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(50);
    private static final String UPDATE_ITEM = "DynamoDB_20120810.UpdateItem";

    private Emulators emulators;
    private DynamoDbClient dynamo;
    private String table;
    private Claims claims;

    @BeforeAll
    void createTable(Emulators emulators) {
        this.emulators = emulators;
        dynamo = EmulatorClients.of(emulators).dynamoDb();
        table = EmulatorClients.newTable(dynamo, "claims");
        claims = new Claims(dynamo, table);
    }

    @AfterAll
    void close() {
        dynamo.close();
    }

    @Test
    void a_claim_left_by_a_run_that_died_mid_send_is_taken_over_once_it_lapses_and_exactly_once() throws Exception {
        Map<String, AttributeValue> key = newItem();
        claims.take(key, "receipt", T0, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();
        // The holder dies here: no complete, no release.

        assertThat(claims.take(key, "receipt", T0.plus(LEASE), LEASE, Claims.ITEM_EXISTS, Map.of()))
                .as("at the very instant it lapses it is still held").isEmpty();
        Instant later = T0.plus(LEASE).plusMillis(1);
        List<Optional<Claims.Held>> contenders = race(8, () -> claims.take(key, "receipt", later, LEASE, Claims.ITEM_EXISTS, Map.of()));

        assertThat(contenders).filteredOn(Optional::isPresent).hasSize(1);
        Claims.Held winner = contenders.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        claims.complete(winner, "SENT", Map.of("receiptMessageId", AttributeValue.fromS("m-1")));
        assertThat(claims.take(key, "receipt", later.plus(Duration.ofDays(365)), LEASE, Claims.ITEM_EXISTS, Map.of()))
                .as("a completed claim is never taken over, however late").isEmpty();
        assertThat(status(key, "receipt")).isEqualTo(new Claims.Status(Claims.State.DONE, Optional.empty(), Optional.of("SENT")));
    }

    @Test
    void lapses_compare_as_time_for_a_claim_taken_at_a_whole_second_and_one_taken_at_a_quarter_past() {
        // As ISO text "…01:00:00Z" sorts after "…01:00:00.250Z": the ordering that broke the old reminder claims.
        Instant whole = Instant.parse("2025-06-11T01:00:00Z");
        Instant quarterPast = Instant.parse("2025-06-11T01:00:00.250Z");
        Map<String, AttributeValue> atWhole = newItem();
        Map<String, AttributeValue> atQuarter = newItem();
        claims.take(atWhole, "send", whole, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();
        claims.take(atQuarter, "send", quarterPast, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();

        Instant between = whole.plus(LEASE).plusMillis(100);
        assertThat(claims.take(atWhole, "send", between, LEASE, Claims.ITEM_EXISTS, Map.of())).as("lapsed 100 ms ago").isPresent();
        assertThat(claims.take(atQuarter, "send", between, LEASE, Claims.ITEM_EXISTS, Map.of())).as("lapses in 150 ms").isEmpty();
        assertThat(claims.take(atQuarter, "send", quarterPast.plus(LEASE).plusMillis(1), LEASE, Claims.ITEM_EXISTS, Map.of())).isPresent();
    }

    @Test
    void of_two_contenders_for_a_fresh_claim_exactly_one_wins() throws Exception {
        Map<String, AttributeValue> key = newItem();

        List<Optional<Claims.Held>> both = race(2, () -> claims.take(key, "returnNotice", T0, LEASE, Claims.ITEM_EXISTS, Map.of()));

        assertThat(both).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void a_holder_whose_claim_was_taken_over_can_neither_finish_nor_give_back_the_new_holders_claim() {
        Map<String, AttributeValue> key = newItem();
        Claims.Held slow = claims.take(key, "receipt", T0, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();
        Claims.Held next = claims.take(key, "receipt", T0.plus(LEASE).plusSeconds(1), LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();

        assertThat(claims.release(slow)).isFalse();
        assertThatThrownBy(() -> claims.complete(slow, "SENT", Map.of())).isInstanceOf(IllegalStateException.class);
        assertThat(status(key, "receipt").state()).isEqualTo(Claims.State.IN_PROGRESS);
        assertThat(claims.release(next)).isTrue();
        assertThat(Claims.Status.of(item(key), "receipt")).as("given back: as if never taken").isEmpty();
    }

    @Test
    void a_claim_whose_answer_was_lost_on_the_way_is_still_held_by_the_one_that_took_it() {
        Map<String, AttributeValue> key = newItem();
        try (LossyNetwork<DynamoDbClient> network = LossyNetwork.toDynamoDb(emulators)) {
            Claims overNetwork = new Claims(network.client(), table);
            network.loseNextAnswerTo(UPDATE_ITEM);

            Claims.Held held = overNetwork.take(key, "reminder", T0, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();

            assertThat(network.answersLost()).as("the take's first answer was lost").isEqualTo(1);
            assertThat(claims.take(key, "reminder", T0.plusSeconds(1), LEASE, Claims.ITEM_EXISTS, Map.of())).as("anyone else").isEmpty();
            overNetwork.complete(held, "SENT", Map.of());
        }
        assertThat(status(key, "reminder").state()).isEqualTo(Claims.State.DONE);
    }

    @Test
    void a_claim_finished_but_whose_answer_was_lost_on_the_way_counts_as_finished() {
        Map<String, AttributeValue> key = newItem();
        try (LossyNetwork<DynamoDbClient> network = LossyNetwork.toDynamoDb(emulators)) {
            Claims overNetwork = new Claims(network.client(), table);
            Claims.Held held = overNetwork.take(key, "receipt", T0, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();
            network.loseNextAnswerTo(UPDATE_ITEM);

            overNetwork.complete(held, "SENT", Map.of("receiptMessageId", AttributeValue.fromS("m-2")));

            assertThat(network.answersLost()).as("the completion's first answer was lost").isEqualTo(1);
        }
        assertThat(status(key, "receipt")).isEqualTo(new Claims.Status(Claims.State.DONE, Optional.empty(), Optional.of("SENT")));
        assertThat(item(key).get("receiptMessageId").s()).isEqualTo("m-2");
    }

    @Test
    void a_claim_given_back_after_a_failure_is_taken_again_at_once() {
        Map<String, AttributeValue> key = newItem();
        Claims.Held first = claims.take(key, "receipt", T0, LEASE, Claims.ITEM_EXISTS, Map.of()).orElseThrow();

        claims.release(first);

        assertThat(claims.take(key, "receipt", T0.plusSeconds(1), LEASE, Claims.ITEM_EXISTS, Map.of())).isPresent();
    }

    @Test
    void a_claim_on_an_item_that_must_exist_creates_nothing_and_one_that_may_creates_its_item() {
        Map<String, AttributeValue> missing = Items.key("CLAIMS#" + UUID.randomUUID(), "X");
        assertThat(claims.take(missing, "receipt", T0, LEASE, Claims.ITEM_EXISTS, Map.of())).isEmpty();
        assertThat(item(missing)).isEmpty();

        assertThat(claims.take(missing, "send", T0, LEASE, "", Map.of("type", AttributeValue.fromS("REMINDER")))).isPresent();
        assertThat(item(missing).get("type").s()).isEqualTo("REMINDER");
        assertThat(item(missing).get("sendExpiresAt").n()).isEqualTo(Long.toString(T0.plus(LEASE).toEpochMilli()));
    }

    @Test
    void a_lease_lasts_the_rest_of_the_invocation_and_half_a_minute_for_the_clocks() {
        assertThat(Claims.lease(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(50));
    }

    private Map<String, AttributeValue> newItem() {
        Map<String, AttributeValue> key = Items.key("CLAIMS#" + UUID.randomUUID(), "SUB");
        dynamo.putItem(r -> r.tableName(table).item(key));
        return key;
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    private Claims.Status status(Map<String, AttributeValue> key, String name) {
        return Claims.Status.of(item(key), name).orElseThrow();
    }

    private static <T> List<T> race(int contenders, Callable<T> attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(contenders);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
