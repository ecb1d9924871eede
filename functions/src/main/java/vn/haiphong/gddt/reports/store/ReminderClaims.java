package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Exactly-once for reminder e-mails: one claim per (obligation, unit, stage) — or per digest —
 * taken with a conditional write before sending and marked after. A claim left unsent longer than
 * {@code staleAfter} (a run that died between claim and send) may be taken over.
 */
public interface ReminderClaims {
    enum State { CLAIMED, SENT, SKIPPED, FAILED }

    record Claim(String unitId, String stage, State state, Instant claimedAt) {
    }

    /** Every claim of an obligation, by {@code unitId + "#" + stage}: one paged Query. */
    Map<String, Claim> of(String obligationId);

    /** True when this caller now holds the claim (new, or taken over from a stale one). */
    boolean claim(String obligationId, String unitId, String stage, Instant now, Duration staleAfter);

    void markSent(String obligationId, String unitId, String stage, String messageId);

    void markSkipped(String obligationId, String unitId, String stage, String why);

    void markFailed(String obligationId, String unitId, String stage, String why);

    /** Gives the claim back (a transient failure), so the next run sends it. */
    void release(String obligationId, String unitId, String stage);

    /** Addresses SES reported as bounced or complained about: never written to again. */
    Set<String> suppressed();

    void suppress(String email, String reason, Instant at);
}
