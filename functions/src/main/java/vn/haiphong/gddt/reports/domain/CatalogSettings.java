package vn.haiphong.gddt.reports.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs the Office may turn without a code change.
 *
 * @param grace        added to every deadline; a submission before due + grace is on time
 * @param openBefore   how long before the deadline a period starts accepting uploads
 * @param lockAfter    how long after the deadline late uploads are still accepted; empty = always
 */
public record CatalogSettings(DeadlineRule rule, Duration grace, Duration openBefore, Optional<Duration> lockAfter) {
    public CatalogSettings {
        Objects.requireNonNull(rule, "rule");
        if (grace.isNegative() || openBefore.isNegative() || lockAfter.map(Duration::isNegative).orElse(false)) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ZERO, Duration.ofDays(30), Optional.empty());
    }
}
