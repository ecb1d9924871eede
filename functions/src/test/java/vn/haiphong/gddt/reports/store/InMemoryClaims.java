package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Claims} in a map, for the rule tests: the same protocol (take when free or lapsed, a done
 * claim never again, finish and give back only as its owner), checked against DynamoDB by the ports'
 * contract tests.
 */
final class InMemoryClaims {
    /** One claim on one item, as {@link Claims.Status} reads it plus who holds it. */
    record Slot(Claims.State state, Optional<Instant> expiresAt, String owner, Optional<String> outcome) {
        Claims.Status status() {
            return new Claims.Status(state, expiresAt, outcome);
        }
    }

    private final Map<String, Slot> slots = new HashMap<>();

    synchronized Optional<Claims.Held> take(String name, String pk, String sk, Instant now, Duration lease) {
        Slot slot = slots.get(key(name, pk, sk));
        boolean free = slot == null
                || slot.state() == Claims.State.IN_PROGRESS && slot.expiresAt().map(at -> at.isBefore(now)).orElse(true);
        if (!free) {
            return Optional.empty();
        }
        String owner = UUID.randomUUID().toString();
        slots.put(key(name, pk, sk), new Slot(Claims.State.IN_PROGRESS, Optional.of(now.plus(lease)), owner, Optional.empty()));
        return Optional.of(new Claims.Held(name, pk, sk, owner));
    }

    /** @throws IllegalStateException when the claim was no longer the caller's, as {@link Claims#complete} */
    synchronized void complete(Claims.Held held, String outcome) {
        if (!holds(held)) {
            throw new IllegalStateException(held + " lapsed before it was marked " + outcome);
        }
        slots.put(key(held), new Slot(Claims.State.DONE, Optional.empty(), held.owner(), Optional.of(outcome)));
    }

    synchronized boolean release(Claims.Held held) {
        if (!holds(held)) {
            return false;
        }
        slots.remove(key(held));
        return true;
    }

    synchronized Optional<Slot> slot(String name, String pk, String sk) {
        return Optional.ofNullable(slots.get(key(name, pk, sk)));
    }

    /** Marks a claim done without anyone having held it (an export that failed before its build). */
    synchronized boolean closeUnclaimed(String name, String pk, String sk, String outcome) {
        if (slots.containsKey(key(name, pk, sk))) {
            return false;
        }
        slots.put(key(name, pk, sk), new Slot(Claims.State.DONE, Optional.empty(), "", Optional.of(outcome)));
        return true;
    }

    private boolean holds(Claims.Held held) {
        Slot slot = slots.get(key(held));
        return slot != null && slot.state() == Claims.State.IN_PROGRESS && slot.owner().equals(held.owner());
    }

    private static String key(Claims.Held held) {
        return key(held.name(), held.pk(), held.sk());
    }

    private static String key(String name, String pk, String sk) {
        return name + "|" + pk + "|" + sk;
    }
}
