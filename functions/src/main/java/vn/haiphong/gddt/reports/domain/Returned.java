package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Office sent a file back (trả lại) with a reason: from {@code returnedAt} on, it and every file
 * the unit sent before it stop counting, and the unit must send a new one (see {@link ObligationState}).
 *

 */
public record Returned(Instant returnedAt, Actor returnedBy, String reason) {
    public static final int MAX_REASON = 1000;

    public Returned {
        Objects.requireNonNull(returnedAt, "returnedAt");
        Objects.requireNonNull(returnedBy, "returnedBy");
        reason = Text.nfc(reason).strip();
    }

    /** A return as the Office asks for it; a missing, blank or overlong reason is refused. */
    public static Returned of(Instant at, Actor by, String reason) {
        Returned returned = new Returned(at, by, reason);
        if (returned.reason.isEmpty() || returned.reason.length() > MAX_REASON) {
            throw new RequestRefused(Problem.RETURN_REASON_INVALID);
        }
        return returned;
    }

    /**
     * Only the unit's latest accepted file, not yet returned, may be returned: returning an older one
     * would silently void the newer file the Office has not looked at.
     *
     * @param sentForObligation every file the unit sent for the target's obligation
     */
    public static void requireReturnable(Submission target, List<Submission> sentForObligation) {
        if (!target.accepted()) {
            throw new RequestRefused(Problem.SUBMISSION_NOT_ACCEPTED);
        }
        if (target.returned().isPresent()) {
            throw new RequestRefused(Problem.SUBMISSION_ALREADY_RETURNED);
        }
        boolean latest = sentForObligation.stream().filter(Submission::accepted).max(Submission.ARRIVAL)
                .map(newest -> newest.submissionId().equals(target.submissionId())).orElse(true);
        if (!latest) {
            throw new RequestRefused(Problem.SUBMISSION_NOT_LATEST);
        }
    }
}
