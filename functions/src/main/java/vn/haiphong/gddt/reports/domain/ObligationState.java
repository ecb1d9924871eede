package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Where one unit stands with one obligation at one instant (the states of API.md). */
public enum ObligationState {
    NOT_OPEN, OPEN, ON_TIME, LATE, MISSING, EXEMPT;

    /** The state against the obligation's own deadline (no extension). */
    public static ObligationState of(Obligation obligation, Unit unit, List<Submission> submissions,
                                     Instant asOf) {
        return of(obligation, unit, submissions, obligation.due(), asOf);
    }

    /**
     * A unit is on time when its first accepted file arrived before its deadline (the obligation's,
     * or its extension's); a later file does not undo that. Only what had arrived by {@code asOf}
     * counts, so a past instant gives the state as it was then. Refused files never count.
     */
    public static ObligationState of(Obligation obligation, Unit unit, List<Submission> submissions,
                                     Instant dueForUnit, Instant asOf) {
        if (!obligation.owedBy(unit)) {
            return EXEMPT;
        }
        return firstAccepted(submissions, asOf)
                .map(first -> first.receivedAt().isBefore(dueForUnit) ? ON_TIME : LATE)
                .orElseGet(() -> asOf.isBefore(obligation.opensAt()) ? NOT_OPEN
                        : asOf.isBefore(dueForUnit) ? OPEN : MISSING);
    }

    static java.util.Optional<Submission> firstAccepted(List<Submission> submissions, Instant asOf) {
        return submissions.stream()
                .filter(Submission::accepted)
                .filter(s -> !s.receivedAt().isAfter(asOf))
                .min(Comparator.comparing(Submission::receivedAt));
    }
}
