package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exactly-once for reminder e-mails: one claim per (obligation, unit, stage) — or per digest — taken
 * before sending and finished after (see {@link Claims}). A claim left by a run that died lapses at
 * the end of that run's time and is then taken over.
 */
public interface ReminderClaims {
    enum State { CLAIMED, SENT, SKIPPED, FAILED }

    /** @param expiresAt when a CLAIMED claim lapses; empty once finished */
    record Claim(String unitId, String stage, State state, Optional<Instant> expiresAt) {
        /** True when a claim taken at {@code now} would succeed. */
        public boolean takeableAt(Instant now) {
            return state == State.CLAIMED && expiresAt.map(at -> at.isBefore(now)).orElse(true);
        }
    }

    /** Every claim of an obligation, by {@code unitId + "#" + stage}: one paged Query. */
    Map<String, Claim> of(String obligationId);

    /** The claim, when this caller now holds it (new, or taken over from a lapsed one). */
    Optional<Claims.Held> claim(String obligationId, String unitId, String stage, Instant now, Duration lease);

    void markSent(Claims.Held claim, String messageId);

    void markSkipped(Claims.Held claim, String why);

    void markFailed(Claims.Held claim, String why);

    /** Gives the claim back (a transient failure), so the next run sends it. */
    void release(Claims.Held claim);

    /** Addresses SES reported as bounced or complained about: never written to again. */
    Set<String> suppressed();

    void suppress(String email, String reason, Instant at);
}
