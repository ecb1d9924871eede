package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reminder claims and suppressed addresses in maps; checked against DynamoDB by {@code ReminderClaimsContractTest}. */
public final class InMemoryReminderClaims implements ReminderClaims {
    private static final String SEND = "send";

    private final InMemoryClaims claims = new InMemoryClaims();
    /** obligation → unit#stage → (unit, stage), for {@link #of}. */
    private final Map<String, Map<String, String[]>> taken = new HashMap<>();
    private final Set<String> suppressed = new HashSet<>();
    private RuntimeException unreadable;

    @Override
    public synchronized Map<String, Claim> of(String obligationId) {
        Map<String, Claim> out = new HashMap<>();
        taken.getOrDefault(obligationId, Map.of()).forEach((id, us) ->
                claims.slot(SEND, pk(obligationId), sk(us[0], us[1])).ifPresent(slot -> {
                    State state = slot.state() == Claims.State.IN_PROGRESS ? State.CLAIMED
                            : State.valueOf(slot.outcome().orElse(State.SENT.name()));
                    out.put(id, new Claim(us[0], us[1], state, slot.expiresAt()));
                }));
        return out;
    }

    @Override
    public synchronized Optional<Claims.Held> claim(String obligationId, String unitId, String stage, Instant now,
                                                    Duration lease) {
        taken.computeIfAbsent(obligationId, id -> new HashMap<>()).put(unitId + "#" + stage, new String[] {unitId, stage});
        return claims.take(SEND, pk(obligationId), sk(unitId, stage), now, lease);
    }

    @Override
    public void markSent(Claims.Held claim, String messageId) {
        claims.complete(claim, State.SENT.name());
    }

    @Override
    public void markSkipped(Claims.Held claim, String why) {
        claims.complete(claim, State.SKIPPED.name());
    }

    @Override
    public void markFailed(Claims.Held claim, String why) {
        claims.complete(claim, State.FAILED.name());
    }

    @Override
    public void release(Claims.Held claim) {
        claims.release(claim);
    }

    @Override
    public synchronized Set<String> suppressed() {
        if (unreadable != null) {
            throw unreadable;
        }
        return Set.copyOf(suppressed);
    }

    /** The bounced addresses cannot be read (DynamoDB down) until {@link #readable()}. */
    public synchronized void unreadable(RuntimeException failure) {
        unreadable = failure;
    }

    public synchronized void readable() {
        unreadable = null;
    }

    @Override
    public synchronized void suppress(String email, String reason, Instant at) {
        suppressed.add(email.strip().toLowerCase(Locale.ROOT));
    }

    private static String pk(String obligationId) {
        return DynamoDbSubmissionLedger.pk(obligationId);
    }

    private static String sk(String unitId, String stage) {
        return "UNIT#" + unitId + "#REM#" + stage;
    }
}
