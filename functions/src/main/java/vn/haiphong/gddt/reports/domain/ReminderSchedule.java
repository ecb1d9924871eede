package vn.haiphong.gddt.reports.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which reminder stages exist for a report; {@link ReminderPlan} turns them into send days. Days
 * count from the deadline day D (see {@link ReminderPlan}).
 *
 * <p>Configured per report as a spec such as {@code "open,-7,-3,-1,0,+1,every7"}, comma-separated,
 * each item once, in any order:
 * <ul>
 *   <li>{@code open}: a reminder on the day the obligation opens;</li>
 *   <li>{@code -k} ({@code k} from 1 to {@value #MAX_DAYS}): k days before D;</li>
 *   <li>{@code 0}: on D itself, only when D is still an on-time day (the deadline is the end of D);</li>
 *   <li>{@code +k} ({@code k} from 1 to {@value #MAX_DAYS}): k days after D;</li>
 *   <li>{@code everyN} (N from 1 to {@value #MAX_DAYS}): after the last {@code +k} (or after D when
 *       there is none), again every N days while the unit still owes the report, until the lock;</li>
 *   <li>{@code maxN} (N from 1 to {@value #MAX_OVERDUE}): without a lock, no overdue stage later than
 *       D + N days (default {@value #DEFAULT_MAX_OVERDUE_DAYS}).</li>
 * </ul>
 * or {@code none} alone: no reminders at all. Anything else is refused.
 *
 * @param onOpen          a stage on opening
 * @param daysBefore      the {@code -k} stages as positive k, earliest first (7, 3, 1)
 * @param onDeadlineDay   the {@code 0} stage
 * @param daysAfter       the {@code +k} stages, earliest first (1)
 * @param repeatEvery     the {@code everyN} step in days; 0 = no repeats
 * @param maxOverdueDays  the last overdue day (counted from D) reminded of when there is no lock
 */
public record ReminderSchedule(boolean onOpen, List<Integer> daysBefore, boolean onDeadlineDay,
                               List<Integer> daysAfter, int repeatEvery, int maxOverdueDays) {
    public static final int MAX_DAYS = 366;
    public static final int MAX_OVERDUE = 731;
    public static final int DEFAULT_MAX_OVERDUE_DAYS = 91;

    private static final Pattern BEFORE = Pattern.compile("-([1-9][0-9]{0,2})");
    private static final Pattern AFTER = Pattern.compile("\\+([1-9][0-9]{0,2})");
    private static final Pattern EVERY = Pattern.compile("every([1-9][0-9]{0,2})");
    private static final Pattern MAX = Pattern.compile("max([1-9][0-9]{0,2})");
    private static final String FORMS = "expected a comma-separated list of: open, -k, 0, +k, everyN, maxN"
            + " (k and N whole days from 1), e.g. \"open,-7,-3,-1,0,+1,every7\"; or none";
    private static final String NONE = "none";

    public ReminderSchedule {
        daysBefore = normalized(daysBefore, "daysBefore", Comparator.reverseOrder());
        daysAfter = normalized(daysAfter, "daysAfter", Comparator.naturalOrder());
        if (repeatEvery < 0 || repeatEvery > MAX_DAYS) {
            throw new IllegalArgumentException("repeatEvery must be 0 (none) or 1.." + MAX_DAYS + ": " + repeatEvery);
        }
        if (maxOverdueDays < 1 || maxOverdueDays > MAX_OVERDUE) {
            throw new IllegalArgumentException("maxOverdueDays must be 1.." + MAX_OVERDUE + ": " + maxOverdueDays);
        }
    }

    private static List<Integer> normalized(List<Integer> days, String what, Comparator<Integer> order) {
        List<Integer> sorted = new ArrayList<>(days);
        if (new HashSet<>(sorted).size() != sorted.size()) {
            throw new IllegalArgumentException(what + " repeats a day: " + days);
        }
        for (Integer d : sorted) {
            if (d == null || d < 1 || d > MAX_DAYS) {
                throw new IllegalArgumentException(what + " must be whole days 1.." + MAX_DAYS + ": " + days);
            }
        }
        sorted.sort(order);
        return List.copyOf(sorted);
    }

    /** On opening; 7, 3 and 1 day(s) before; on D (end-of-day deadlines); 1 day after; then weekly, at most 91 days. */
    public static ReminderSchedule defaults() {
        return new ReminderSchedule(true, List.of(7, 3, 1), true, List.of(1), 7, DEFAULT_MAX_OVERDUE_DAYS);
    }

    /** No reminders at all ({@code "none"}). */
    public static ReminderSchedule none() {
        return new ReminderSchedule(false, List.of(), false, List.of(), 0, DEFAULT_MAX_OVERDUE_DAYS);
    }

    /**
     * Reads a spec such as {@code "open,-7,-3,-1,0,+1,every7"} (spaces around items are ignored).
     *
     * @throws IllegalArgumentException saying which item is wrong and what is accepted
     */
    public static ReminderSchedule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty reminder schedule: " + FORMS);
        }
        if (spec.strip().equals(NONE)) {
            return none();
        }
        boolean open = false;
        boolean zero = false;
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        int every = 0;
        int max = DEFAULT_MAX_OVERDUE_DAYS;
        boolean maxSeen = false;
        Set<String> seen = new HashSet<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            Matcher m;
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty item in reminder schedule \"" + spec + "\": " + FORMS);
            }
            if (!seen.add(item)) {
                throw new IllegalArgumentException("\"" + item + "\" appears twice in reminder schedule \"" + spec + "\"");
            }
            if (item.equals("open")) {
                open = true;
            } else if (item.equals("0")) {
                zero = true;
            } else if ((m = BEFORE.matcher(item)).matches()) {
                before.add(days(m.group(1), item, spec, MAX_DAYS));
            } else if ((m = AFTER.matcher(item)).matches()) {
                after.add(days(m.group(1), item, spec, MAX_DAYS));
            } else if ((m = EVERY.matcher(item)).matches()) {
                if (every != 0) {
                    throw new IllegalArgumentException("more than one everyN in reminder schedule \"" + spec + "\"");
                }
                every = days(m.group(1), item, spec, MAX_DAYS);
            } else if ((m = MAX.matcher(item)).matches()) {
                if (maxSeen) {
                    throw new IllegalArgumentException("more than one maxN in reminder schedule \"" + spec + "\"");
                }
                maxSeen = true;
                max = days(m.group(1), item, spec, MAX_OVERDUE);
            } else if (item.equals(NONE)) {
                throw new IllegalArgumentException("\"none\" must stand alone in reminder schedule \"" + spec + "\"");
            } else {
                throw new IllegalArgumentException("\"" + item + "\" is not understood in reminder schedule \""
                        + spec + "\": " + FORMS);
            }
        }
        if (!open && !zero && before.isEmpty() && after.isEmpty() && every == 0) {
            throw new IllegalArgumentException("reminder schedule \"" + spec + "\" has no stage: " + FORMS);
        }
        return new ReminderSchedule(open, before, zero, after, every, max);
    }

    private static int days(String digits, String item, String spec, int limit) {
        int n = Integer.parseInt(digits);
        if (n > limit) {
            throw new IllegalArgumentException("\"" + item + "\" in reminder schedule \"" + spec
                    + "\" is more than " + limit + " days");
        }
        return n;
    }

    /**
     * The canonical spec, {@code maxN} only when not the default: {@code parse(s.spec())} equals
     * {@code s} (for {@code none}, up to maxOverdueDays, which then means nothing).
     */
    public String spec() {
        List<String> items = new ArrayList<>();
        if (onOpen) {
            items.add("open");
        }
        daysBefore.forEach(k -> items.add("-" + k));
        if (onDeadlineDay) {
            items.add("0");
        }
        daysAfter.forEach(k -> items.add("+" + k));
        if (repeatEvery > 0) {
            items.add("every" + repeatEvery);
        }
        if (items.isEmpty()) {
            return NONE;
        }
        if (maxOverdueDays != DEFAULT_MAX_OVERDUE_DAYS) {
            items.add("max" + maxOverdueDays);
        }
        return String.join(",", items);
    }
}
