package vn.haiphong.gddt.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Business time on a laptop: real time shifted by an offset that a demo or a test may move
 * ({@code --clock}, {@code POST /_local/clock}). S3 signatures keep real time.
 */
final class LocalClock extends Clock {
    private final ZoneId zone;
    private volatile Duration offset;

    LocalClock(Instant start) {
        this(ZoneOffset.UTC, start == null ? Duration.ZERO : Duration.between(Instant.now(), start));
    }

    private LocalClock(ZoneId zone, Duration offset) {
        this.zone = zone;
        this.offset = offset;
    }

    void moveTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone; it keeps the offset it had then (nothing here asks for one). */
    @Override
    public Clock withZone(ZoneId other) {
        return new LocalClock(other, offset);
    }
}
