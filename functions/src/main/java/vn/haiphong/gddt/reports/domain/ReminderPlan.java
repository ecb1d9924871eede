package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a unit is reminded of an obligation: a pure function of the obligation, the unit's deadline,
 * the report's {@link ReminderSchedule} and the {@link WorkingDays} calendar. No clock: the caller
 * passes "today" to {@link #dueOn}.
 *
 * <h2>Days</h2>
 * <ul>
 *   <li>The unit's deadline is {@code dueForUnit}: the obligation's {@link Obligation#due()}, or the
 *       {@code until} of the extension in force for the unit.</li>
 *   <li>L, the <em>last on-time day</em>: the Vietnam-time date of {@code dueForUnit} minus one
 *       nanosecond, the last day on which a file can still arrive on time.</li>
 *   <li>D, the <em>deadline day</em> that stage ids count from. If {@code dueForUnit} is at 00:00
 *       Vietnam time and the obligation reads its deadline as "trước ngày …" (its own {@code due()}
 *       is 00:00 on its named day: {@link DeadlineRule#BEFORE_NAMED_DAY} without grace), the deadline
 *       is "before that day": D = the date of {@code dueForUnit}, L = D − 1. Otherwise (the end of a
 *       day, {@link DeadlineRule#END_OF_NAMED_DAY}, whose due is 00:00 the day after; or a deadline
 *       not at midnight, e.g. with a grace) the unit can still submit on D: D = L. For the
 *       obligation's own deadline without grace, D is the plan's named day under both rules; an
 *       extension at midnight is read the same way as the obligation.</li>
 *   <li>OPEN's day: the Vietnam date of {@link Obligation#opensAt()}, moved to the next working day.</li>
 * </ul>
 *
 * <h2>Stages, in order</h2>
 * <ul>
 *   <li>{@code OPEN}: on OPEN's day.</li>
 *   <li>{@code D-k}: D − k, moved to the previous working day.</li>
 *   <li>{@code D0}: D, moved to the previous working day; only when the unit can still submit on D
 *       (L = D), so never under the "trước ngày" reading.</li>
 *   <li>{@code D+k}: D + k, moved to the next working day: the schedule's {@code +k} days, then from
 *       the last of them (or from D) every {@code repeatEvery} days. An overdue stage exists only
 *       while its day before the shift is before the lock's date — the lock being the later of
 *       {@link Obligation#locksAt()} and {@code dueForUnit}, as in {@link Obligation#isLocked(Instant, Instant)}
 *       — and it is also dropped when the shift carries it onto or past that date; with no lock, only
 *       up to D + {@code maxOverdueDays} (before the shift).</li>
 *   <li>No stage is sent before OPEN's day: a stage that would be is dropped.</li>
 *   <li>When stages land on the same send day, only the later (more urgent) one is kept, so
 *       {@code sendOn} strictly increases along the plan.</li>
 * </ul>
 * Before-deadline stages ({@code D-k}, {@code D0}) are therefore always sent on or before L; only
 * {@code OPEN} can come after L, when the obligation opens less than a working day before its
 * deadline.
 *
 * <h2>Who gets them</h2>
 * The plan says when, not whether: the caller reminds a unit only while it still owes the report,
 * i.e. while {@link ObligationState} (computed with the unit's {@code dueForUnit}) is {@code OPEN}
 * or {@code MISSING}, and never once the obligation is locked for the unit.
 */
public final class ReminderPlan {
    private ReminderPlan() {
    }

    /** L: the Vietnam date of {@code dueForUnit} minus one nanosecond. */
    public static LocalDate lastOnTimeDay(Instant dueForUnit) {
        return VietnamTime.dateOf(dueForUnit.minusNanos(1));
    }

    /** D, as defined above: L + 1 for a midnight deadline under the "trước ngày" reading, else L. */
    public static LocalDate deadlineDay(Obligation o, Instant dueForUnit) {
        LocalDate last = lastOnTimeDay(dueForUnit);
        return isMidnight(dueForUnit) && readsBeforeNamedDay(o) ? last.plusDays(1) : last;
    }

    /** The obligation's own deadline is 00:00 on its named day ("trước ngày 10/6"). */
    static boolean readsBeforeNamedDay(Obligation o) {
        return isMidnight(o.due()) && VietnamTime.dateOf(o.due()).equals(o.namedDay());
    }

    private static boolean isMidnight(Instant instant) {
        return instant.equals(VietnamTime.startOf(VietnamTime.dateOf(instant)));
    }

    private record Candidate(String id, LocalDate sendOn) {
    }

    /** The unit's stages in send order, as defined above. */
    public static List<ReminderStage> stages(Obligation o, Instant dueForUnit, ReminderSchedule s, WorkingDays days) {
        LocalDate last = lastOnTimeDay(dueForUnit);
        LocalDate d = deadlineDay(o, dueForUnit);
        LocalDate openDay = days.onOrAfter(VietnamTime.dateOf(o.opensAt()));
        Optional<LocalDate> lockDay = o.locksAt()
                .map(lock -> lock.isBefore(dueForUnit) ? dueForUnit : lock)
                .map(VietnamTime::dateOf);

        List<Candidate> candidates = new ArrayList<>();
        if (s.onOpen()) {
            candidates.add(new Candidate("OPEN", openDay));
        }
        for (int k : s.daysBefore()) {
            candidates.add(new Candidate("D-" + k, days.onOrBefore(d.minusDays(k))));
        }
        if (s.onDeadlineDay() && last.equals(d)) {
            candidates.add(new Candidate("D0", days.onOrBefore(d)));
        }
        List<Integer> after = new ArrayList<>(s.daysAfter());
        if (s.repeatEvery() > 0) {
            int k = after.isEmpty() ? 0 : after.get(after.size() - 1);
            while ((k += s.repeatEvery()) <= lastOverdueOffset(d, lockDay, s)) {
                after.add(k);
            }
        }
        for (int k : after) {
            LocalDate day = d.plusDays(k);
            if (k > lastOverdueOffset(d, lockDay, s)) {
                continue;
            }
            LocalDate sendOn = days.onOrAfter(day);
            if (lockDay.map(lock -> !sendOn.isBefore(lock)).orElse(false)) {
                continue;
            }
            candidates.add(new Candidate("D+" + k, sendOn));
        }

        // Generation order is urgency order; on a shared day the later candidate replaces the earlier.
        TreeMap<LocalDate, Candidate> byDay = new TreeMap<>();
        for (Candidate c : candidates) {
            if (!c.sendOn().isBefore(openDay)) {
                byDay.put(c.sendOn(), c);
            }
        }
        List<ReminderStage> stages = new ArrayList<>(byDay.size());
        for (Candidate c : byDay.values()) {
            int toDeadline = Math.toIntExact(ChronoUnit.DAYS.between(c.sendOn(), last));
            stages.add(new ReminderStage(c.id(), c.sendOn(), toDeadline >= 0, toDeadline));
        }
        return List.copyOf(stages);
    }

    /** The largest k for which D + k (before the shift) may carry an overdue stage. */
    private static long lastOverdueOffset(LocalDate d, Optional<LocalDate> lockDay, ReminderSchedule s) {
        return lockDay.map(lock -> ChronoUnit.DAYS.between(d, lock) - 1).orElse((long) s.maxOverdueDays());
    }

    /**
     * The stage to send today: the latest one whose {@code sendOn} is on or before {@code today}, so a
     * run that missed a day (or stopped early) sends the current stage next time, never an older,
     * superseded one. Empty before the first stage (before OPEN's day). After the last stage this
     * keeps answering the last one: the caller sends each stage to a unit at most once (its id is in
     * the claim key), reminds only units that still owe (see the class comment), and stops at the lock.
     */
    public static Optional<ReminderStage> dueOn(List<ReminderStage> stages, LocalDate today) {
        ReminderStage current = null;
        for (ReminderStage stage : stages) {
            if (!stage.sendOn().isAfter(today) && (current == null || stage.sendOn().isAfter(current.sendOn()))) {
                current = stage;
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * The days a receiving department's digest goes out for an obligation: every day a stage of
     * {@code s} (usually {@link ReminderSchedule#defaults()}) is sent for the obligation's own
     * {@code due()} (no extension), plus D — moved to the next working day when D is not one. In
     * order, without repeats.
     */
    public static List<LocalDate> digestDays(Obligation o, ReminderSchedule s, WorkingDays days) {
        TreeSet<LocalDate> result = new TreeSet<>();
        stages(o, o.due(), s, days).forEach(stage -> result.add(stage.sendOn()));
        result.add(days.onOrAfter(deadlineDay(o, o.due())));
        return List.copyOf(result);
    }
}
