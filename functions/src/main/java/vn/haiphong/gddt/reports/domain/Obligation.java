package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One report for one period ({@code QCDC:2025-H1}), or one task of the plan ({@code NV03:2025-Q1-Q3}).
 * Everything about its calendar is computed once, from the catalog settings, so the page, the
 * e-mails and the status all say the same thing.
 *
 * @param namedDay the day the deadline is named after; a unit is expected only if it existed then
 * @param due      the first instant at which a submission is late (grace included)
 * @param locksAt  from this instant nothing more is accepted; empty = late uploads always accepted
 * @param task     present when this is a task of the plan rather than a periodic report
 */
public record Obligation(Report report, Period period, LocalDate namedDay, String dueWording,
                        Instant opensAt, Instant due, Optional<Instant> locksAt, Optional<Task> task) {

    public Obligation(Report report, Period period, LocalDate namedDay, String dueWording,
                      Instant opensAt, Instant due, Optional<Instant> locksAt) {
        this(report, period, namedDay, dueWording, opensAt, due, locksAt, Optional.empty());
    }

    public String id() {
        return report.id() + ":" + period.id();
    }

    public String title() {
        return task.map(Task::title).orElseGet(() -> report.title(period.kind()));
    }

    /**
     * How an e-mail's subject names it, in words and with its period: "Báo cáo kết quả thực hiện quy chế
     * dân chủ ở cơ sở 6 tháng đầu năm 2026", "Nhiệm vụ 3 của Kế hoạch, quý I–quý III năm 2025".
     */
    public String name() {
        return task.map(t -> "Nhiệm vụ " + t.number() + " của Kế hoạch, " + period.text())
                .orElseGet(() -> "Báo cáo " + report.subject() + " " + period.text());
    }

    /** Only periodic reports count figures over a Decree 09 window; a task's evidence has none. */
    public Optional<DataWindow> dataWindow() {
        return task.isPresent() ? Optional.empty() : Optional.of(period.dataWindow());
    }

    /** A unit owes this when its kind or the unit itself is named, and it existed on the named day. */
    public boolean owedBy(Unit unit) {
        return report.owedBy(unit) && unit.existedOn(namedDay);
    }

    public boolean acceptsUploadsAt(Instant now) {
        return acceptsUploadsAt(now, due);
    }

    public boolean isLocked(Instant now) {
        return isLocked(now, due);
    }

    /** With an extension the unit may upload at least until its own deadline, even past the lock. */
    public boolean acceptsUploadsAt(Instant now, Instant dueForUnit) {
        return !now.isBefore(opensAt) && !isLocked(now, dueForUnit);
    }

    public boolean isLocked(Instant now, Instant dueForUnit) {
        return locksAt.map(lock -> lock.isBefore(dueForUnit) ? dueForUnit : lock)
                .map(lock -> !now.isBefore(lock)).orElse(false);
    }

    public boolean isOnTime(Instant receivedAt) {
        return receivedAt.isBefore(due);
    }
}
