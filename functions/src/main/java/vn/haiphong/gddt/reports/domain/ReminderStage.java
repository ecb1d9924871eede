package vn.haiphong.gddt.reports.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One reminder of a unit's plan (see {@link ReminderPlan}).
 *
 * @param id              stable, for claim keys and e-mail subjects: {@code OPEN}, {@code D-7},
 *                        {@code D-3}, {@code D-1}, {@code D0}, {@code D+1}, {@code D+8}, … — counted
 *                        from the deadline day D before any working-day shift
 * @param sendOn          the (working) day it goes out, after the shift
 * @param beforeDeadline  on {@code sendOn} the unit can still submit on time ({@code sendOn} is on or
 *                        before its last on-time day L)
 * @param daysToDeadline  days from {@code sendOn} to L: positive = days left after today, 0 = today is
 *                        the last on-time day, negative = days past it (the days overdue)
 */
public record ReminderStage(String id, LocalDate sendOn, boolean beforeDeadline, int daysToDeadline) {
    private static final Pattern ID = Pattern.compile("OPEN|D0|D[-+][1-9][0-9]*");

    public ReminderStage {
        Objects.requireNonNull(sendOn, "sendOn");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a reminder stage id: " + id);
        }
        if (beforeDeadline != (daysToDeadline >= 0)) {
            throw new IllegalArgumentException("beforeDeadline must be daysToDeadline >= 0");
        }
    }
}
