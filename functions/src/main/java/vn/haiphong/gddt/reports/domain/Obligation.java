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
        return !now.isBefore(opensAt) && locksAt.map(now::isBefore).orElse(true);
    }

    public boolean isLocked(Instant now) {
        return locksAt.map(lock -> !now.isBefore(lock)).orElse(false);
    }

    public boolean isOnTime(Instant receivedAt) {
        return receivedAt.isBefore(due);
    }
}
