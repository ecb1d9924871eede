package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One report for one period: {@code QCDC:2025-H1}. Everything about its calendar is computed once,
 * from the catalog settings, so the page, the e-mails and the status all say the same thing.
 *
 * @param due     the first instant at which a submission is late (grace included)
 * @param locksAt from this instant nothing more is accepted; empty = late uploads always accepted
 */
public record Obligation(Report report, Period period, LocalDate namedDay, String dueWording,
                        Instant opensAt, Instant due, Optional<Instant> locksAt) {

    public String id() {
        return report.id() + ":" + period.id();
    }

    public String title() {
        return report.title(period.kind());
    }

    public boolean owedBy(UnitCategory category) {
        return report.owedBy().contains(category);
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
