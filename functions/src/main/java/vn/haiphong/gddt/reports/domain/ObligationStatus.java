package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every unit stands with one obligation at one instant: a pure function of the obligation,
 * the units, the submissions and extensions recorded for it, and the instant.
 *
 * <p>Rules: a unit that did not exist on the named day is not listed (so no rate passes 100 %); a
 * unit whose category does not owe the report is listed EXEMPT and counted apart, but a task of
 * the plan lists only its lead units; a refused file
 * never counts; a submission received after {@code asOf} and an extension granted after it do not
 * exist yet; the latest extension in force sets the unit's deadline; a file the Office returned by
 * {@code asOf}, and every file the unit sent before it, no longer count (a return made after
 * {@code asOf} does not exist yet), so only files sent after the latest return count.
 */
public record ObligationStatus(Obligation obligation, Instant asOf, StatusSummary summary,
                               Map<UnitCategory, StatusSummary> byCategory, List<UnitStatus> units) {

    public static ObligationStatus of(Obligation obligation, List<Unit> units, List<Submission> submissions,
                                      List<Extension> extensions, Instant asOf) {
        return of(obligation, SortedUnits.of(units), submissions, extensions, asOf);
    }

    /** Rows come out in the units' order (see {@link SortedUnits}). */
    public static ObligationStatus of(Obligation obligation, SortedUnits units, List<Submission> submissions,
                                      List<Extension> extensions, Instant asOf) {
        // Loops, not streams or forEach lambdas: this runs for every obligation of a status, and each lambda
        // costs a class of its own the first time it runs, on a function's cold start.
        Map<String, List<Submission>> subsByUnit = new HashMap<>();
        for (Submission s : submissions) {
            subsByUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<Extension>> extByUnit = new HashMap<>();
        for (Extension e : extensions) {
            extByUnit.computeIfAbsent(e.unitId(), k -> new ArrayList<>()).add(e);
        }

        List<UnitStatus> rows = new ArrayList<>();
        for (Unit unit : units.units()) {
            boolean listed = obligation.task().isPresent() ? obligation.owedBy(unit) : unit.existedOn(obligation.namedDay());
            if (listed) {
                rows.add(row(obligation, unit, subsByUnit.getOrDefault(unit.id(), List.of()),
                        extByUnit.getOrDefault(unit.id(), List.of()), asOf));
            }
        }
        Map<UnitCategory, List<UnitStatus>> grouped = new EnumMap<>(UnitCategory.class);
        for (UnitStatus r : rows) {
            grouped.computeIfAbsent(r.unit().category(), k -> new ArrayList<>()).add(r);
        }
        Map<UnitCategory, StatusSummary> byCategory = new EnumMap<>(UnitCategory.class);
        for (Map.Entry<UnitCategory, List<UnitStatus>> group : grouped.entrySet()) {
            byCategory.put(group.getKey(), StatusSummary.of(group.getValue()));
        }
        return new ObligationStatus(obligation, asOf, StatusSummary.of(rows), byCategory, List.copyOf(rows));
    }

    /** One unit's row; also what {@code GET /v1/me} shows the unit itself. */
    public static UnitStatus row(Obligation obligation, Unit unit, List<Submission> submissions,
                                 List<Extension> extensions, Instant asOf) {
        Extension inForce = null;
        for (Extension e : extensions) {
            if (e.inForceAt(asOf) && (inForce == null || e.grantedAt().compareTo(inForce.grantedAt()) > 0)) {
                inForce = e;
            }
        }
        Optional<Extension> extension = Optional.ofNullable(inForce);
        Instant due = inForce != null ? inForce.until() : obligation.due();
        List<Submission> counted = ObligationState.counted(submissions, asOf);
        ObligationState state = ObligationState.of(obligation, unit, counted, due, asOf);
        Optional<Submission> latest = counted.isEmpty() ? Optional.empty() : Optional.of(counted.get(counted.size() - 1));
        return new UnitStatus(unit, state, due, extension,
                counted.isEmpty() ? Optional.empty() : Optional.of(counted.get(0).receivedAt()),
                counted.size(), latest, ObligationState.lastReturned(submissions, asOf),
                ObligationState.lastRefused(submissions, latest, asOf));
    }
}
