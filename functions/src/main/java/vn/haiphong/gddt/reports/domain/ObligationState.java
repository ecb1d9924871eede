package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Where one unit stands with one obligation at one instant (the states of API.md). */
public enum ObligationState {
    NOT_OPEN, OPEN, ON_TIME, LATE, MISSING, EXEMPT;

    /**
     * A unit is on time when its first accepted file arrived before the deadline; a later file
     * does not undo that. Only what had arrived by {@code asOf} counts, so a past instant gives
     * the state as it was then.
     */
    public static ObligationState of(Obligation obligation, UnitCategory category, List<Submission> submissions,
                                     Instant asOf) {
        if (!obligation.owedBy(category)) {
            return EXEMPT;
        }
        return submissions.stream()
                .filter(Submission::accepted)
                .filter(s -> !s.receivedAt().isAfter(asOf))
                .min(Comparator.comparing(Submission::receivedAt))
                .map(first -> obligation.isOnTime(first.receivedAt()) ? ON_TIME : LATE)
                .orElseGet(() -> asOf.isBefore(obligation.opensAt()) ? NOT_OPEN
                        : asOf.isBefore(obligation.due()) ? OPEN : MISSING);
    }
}
