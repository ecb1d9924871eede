package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.s;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The one claim protocol for everything done once: receipts and refusals, return notices, reminders
 * and digests, export builds. Whoever holds the claim does the work; nobody else does.
 *
 * <p>A claim named {@code c} is a few attributes of the item it is about: {@code c} is
 * {@code IN_PROGRESS} or {@code DONE}, {@code cExpiresAt} the epoch milliseconds at which an
 * in-progress claim lapses, {@code cOwner} who holds it, {@code cOutcome} how it ended. Taking it is
 * one conditional write that succeeds when nobody holds it, or when the holder's claim has lapsed.
 * The lapse is compared as a number: ISO text of instants differs in length ({@code …00Z} against
 * {@code …00.250Z}) and so does not sort as time does. A {@code DONE} claim is never taken again.
 * Finishing or giving back is conditional on still being the owner, so a holder that comes back
 * after its claim was taken over cannot undo the new holder's work. This is the shape of Powertools'
 * idempotency condition ({@code DynamoDBPersistenceStore.putRecord}), without its library.
 *
 * <p>A claim should lapse only once its holder can no longer be at work: {@link #lease} derives it
 * from the invocation's remaining time, so a claim left by an invocation that was killed is taken
 * over by the first run after that invocation's own end.
 */
public final class Claims {
    public enum State { IN_PROGRESS, DONE }

    /** Added to an invocation's remaining time: clocks of two invocations may differ by this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A claim this caller holds, on the item {@code pk}/{@code sk}; hand it back to finish or to give
     * up the work. Plain values, so that a test's in-memory store can hand out its own.
     */
    public record Held(String name, String pk, String sk, String owner) {
        Map<String, AttributeValue> key() {
            return Items.key(pk, sk);
        }

        @Override
        public String toString() {
            return "claim " + name + " on " + pk + "/" + sk;
        }
    }

    /** What an item says of one of its claims. */
    public record Status(State state, Optional<Instant> expiresAt, Optional<String> outcome) {
        /** True when a claim taken now would succeed: never claimed, given back, or lapsed. */
        public boolean takeableAt(Instant now) {
            return state == State.IN_PROGRESS && expiresAt.map(at -> at.isBefore(now)).orElse(true);
        }

        /** Read from an item; empty when the item has no such claim (never taken, or given back). */
        public static Optional<Status> of(Map<String, AttributeValue> item, String name) {
            AttributeValue state = item.get(name);
            if (state == null || state.s() == null) {
                return Optional.empty();
            }
            if (!state.s().equals(State.IN_PROGRESS.name()) && !state.s().equals(State.DONE.name())) {
                // Written before this protocol ("SENT"): done, whatever it was.
                return Optional.of(new Status(State.DONE, Optional.empty(), Optional.of(state.s())));
            }
            AttributeValue expires = item.get(name + "ExpiresAt");
            AttributeValue outcome = item.get(name + "Outcome");
            return Optional.of(new Status(State.valueOf(state.s()),
                    Optional.ofNullable(expires).map(v -> Instant.ofEpochMilli(Long.parseLong(v.n()))),
                    Optional.ofNullable(outcome).map(AttributeValue::s)));
        }
    }

    /** The condition of a claim on an item that must be there already. */
    public static final String ITEM_EXISTS = "attribute_exists(PK)";

    private final DynamoDbClient dynamo;
    private final String table;

    public Claims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** How long a claim taken now should hold: to the end of this invocation, and a little more for clocks. */
    public static Duration lease(Duration invocationTimeLeft) {
        return invocationTimeLeft.plus(CLOCK_SKEW);
    }

    /**
     * Takes the claim {@code name} on the item at {@code key}. With an {@code itemCondition} the item must
     * also meet it, in the same write (a receipt is claimed on its recorded submission: {@link #ITEM_EXISTS});
     * without one (empty), taking it creates the item. {@code alsoSet} is written in the same write too (a
     * reminder's claim is an item of its own; a return is recorded with its notice's claim).
     *
     * @return the claim, or empty when someone else holds it or it is done, or the item fails the condition
     */
    public Optional<Held> take(Map<String, AttributeValue> key, String name, Instant now, Duration lease,
                               String itemCondition, Map<String, AttributeValue> alsoSet) {
        String owner = HexFormat.of().formatHex(randomBytes());
        Map<String, String> names = names(name);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":inProgress", s(State.IN_PROGRESS.name()));
        values.put(":expiresAt", Items.n(now.plus(lease).toEpochMilli()));
        values.put(":now", Items.n(now.toEpochMilli()));
        values.put(":owner", s(owner));
        String set = "SET #c = :inProgress, #expiresAt = :expiresAt, #owner = :owner" + also(alsoSet, names, values);
        String free = "(attribute_not_exists(#c) OR (#c = :inProgress AND #expiresAt < :now))";
        Held held = new Held(name, key.get("PK").s(), key.get("SK").s(), owner);
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression(set)
                    .conditionExpression(itemCondition.isEmpty() ? free : itemCondition + " AND " + free)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return Optional.of(held);
        } catch (ConditionalCheckFailedException heldOrDone) {
            return ownStatus(held).filter(own -> own.state() == State.IN_PROGRESS).map(own -> held);
        }
    }

    /**
     * Marks the work done, for good, with how it ended and what to keep of it (a message id).
     *
     * @throws IllegalStateException when the claim was no longer this caller's: it lapsed and someone
     *                               else may be doing the same work (the failure makes that visible)
     */
    public void complete(Held held, String outcome, Map<String, AttributeValue> alsoSet) {
        Map<String, String> names = names(held.name());
        names.put("#outcome", held.name() + "Outcome");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":done", s(State.DONE.name()));
        values.put(":inProgress", s(State.IN_PROGRESS.name()));
        values.put(":owner", s(held.owner()));
        values.put(":outcome", s(outcome));
        boolean done = update(held, "SET #c = :done, #outcome = :outcome" + also(alsoSet, names, values)
                + " REMOVE #expiresAt", names, values)
                || ownStatus(held).filter(own -> own.state() == State.DONE && own.outcome().equals(Optional.of(outcome)))
                .isPresent();
        if (!done) {
            throw new IllegalStateException(held + " lapsed before it was marked " + outcome);
        }
    }

    /**
     * Gives the claim back after a failure, so that the next try (a retry, the reconciliation, the
     * next run) does the work at once rather than after the lapse.
     *
     * @return false when the claim was no longer this caller's
     */
    public boolean release(Held held) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":inProgress", s(State.IN_PROGRESS.name()));
        values.put(":owner", s(held.owner()));
        return update(held, "REMOVE #c, #expiresAt, #owner", names(held.name()), values);
    }

    /**
     * The claim as it stands, read back after a refused write, when it is still the caller's. The SDK tries
     * a write again when its answer is lost on the way, and that try finds the first one done: a claim the
     * caller took, or finished, then looks taken or finished by someone else.
     */
    private Optional<Status> ownStatus(Held held) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(held.key()).consistentRead(true)
                .projectionExpression("#c, #owner, #expiresAt, #outcome")
                .expressionAttributeNames(Map.of("#c", held.name(), "#owner", held.name() + "Owner",
                        "#expiresAt", held.name() + "ExpiresAt", "#outcome", held.name() + "Outcome"))).item();
        if (item == null || !held.owner().equals(Items.str(item, held.name() + "Owner"))) {
            return Optional.empty();
        }
        return Status.of(item, held.name());
    }

    private boolean update(Held held, String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(held.key()).updateExpression(expression)
                    .conditionExpression("#c = :inProgress AND #owner = :owner")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notOursAnyMore) {
            return false;
        }
    }

    /** {@code ", #a0 = :a0, …"} for the other attributes a write sets, with their names and values. */
    private static String also(Map<String, AttributeValue> alsoSet, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        StringBuilder set = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : alsoSet.entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            set.append(", #a").append(i).append(" = :a").append(i);
            i++;
        }
        return set.toString();
    }

    private static Map<String, String> names(String name) {
        Map<String, String> names = new HashMap<>();
        names.put("#c", name);
        names.put("#expiresAt", name + "ExpiresAt");
        names.put("#owner", name + "Owner");
        return names;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
