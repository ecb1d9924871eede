package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One unit's row for one obligation.
 *
 * @param submittedAt the arrival of the first accepted file, the one that decides on time or late
 * @param submissions accepted files received by the instant asked about that still count (not returned)
 * @param latest      the most recent of them: the one the Office reads
 * @param returned    the newest file the Office had returned by then, with why; empty when none was
 * @param refused     the newest file received by then if it was refused (quarantined): what the unit
 *                    sent last did not count; empty when a counted file came after it
 */
public record UnitStatus(Unit unit, ObligationState state, Instant dueForUnit, Optional<Extension> extension,
                         Optional<Instant> submittedAt, int submissions, Optional<Submission> latest,
                         Optional<Submission> returned, Optional<Submission> refused) {
    /** A row with no refused file after its latest. */
    public UnitStatus(Unit unit, ObligationState state, Instant dueForUnit, Optional<Extension> extension,
                      Optional<Instant> submittedAt, int submissions, Optional<Submission> latest,
                      Optional<Submission> returned) {
        this(unit, state, dueForUnit, extension, submittedAt, submissions, latest, returned, Optional.empty());
    }

    /** A row of a unit whose files were never returned. */
    public UnitStatus(Unit unit, ObligationState state, Instant dueForUnit, Optional<Extension> extension,
                      Optional<Instant> submittedAt, int submissions, Optional<Submission> latest) {
        this(unit, state, dueForUnit, extension, submittedAt, submissions, latest, Optional.empty());
    }

    /**
     * The row's state in words: a unit whose file the Office returned, and that has not sent another,
     * reads "Bị trả lại – cần nộp lại" rather than "Chưa nộp", so nobody thinks it never sent one.
     */
    public String stateText() {
        boolean owesAgain = (state == ObligationState.OPEN || state == ObligationState.MISSING)
                && returned.isPresent() && latest.isEmpty();
        return owesAgain ? ObligationState.RETURNED_WORDS : state.words();
    }
}
