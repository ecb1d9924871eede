package vn.haiphong.gddt.reports.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs the Office may turn without a code change.
 *
 * @param grace        added to every deadline; a submission before due + grace is on time
 * @param openBefore   how long before the deadline a period starts accepting uploads
 * @param lockAfter    how long after the deadline late uploads are still accepted; empty = always
 * @param goLive       the day the Office starts collecting through the system: nothing due before it is
 *                     owed by anyone (the system did not exist then); empty = every obligation of the catalog
 */
public record CatalogSettings(DeadlineRule rule, Duration grace, Duration openBefore, Optional<Duration> lockAfter,
                              Optional<LocalDate> goLive) {
    public CatalogSettings {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(goLive, "goLive");
        if (grace.isNegative() || openBefore.isNegative() || lockAfter.map(Duration::isNegative).orElse(false)) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public CatalogSettings(DeadlineRule rule, Duration grace, Duration openBefore, Optional<Duration> lockAfter) {
        this(rule, grace, openBefore, lockAfter, Optional.empty());
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ZERO, Duration.ofDays(30), Optional.empty());
    }

    public CatalogSettings withGoLive(LocalDate day) {
        return new CatalogSettings(rule, grace, openBefore, lockAfter, Optional.of(day));
    }

    /**
     * Whether a deadline falls after go-live: "trước ngày 10/6" (due at the start of 10/6) is owed from a
     * go-live of 9/6, not of 10/6, whose first day is already too late for it.
     */
    public boolean collects(Instant due) {
        return goLive.map(day -> due.isAfter(VietnamTime.startOf(day))).orElse(true);
    }
}
