package vn.haiphong.gddt.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.haiphong.gddt.reports.ServerTime;

/**
 * Business time on a laptop: real time shifted by an offset that a demo or a test may move
 * ({@code --clock}, {@code POST /_local/clock}). S3 signatures keep real time.
 *
 * <p>Every offset is kept with the real instant from which it held, so a time the storage emulator
 * stamped in real time (an event's time, an object's {@code LastModified}) maps onto the business time
 * it was then, not now: a file stored before the clock moved and recorded after is dated as it was
 * stored, whether its S3 event or the reconciliation sweep records it ({@link ServerTime}).
 */
final class LocalClock extends Clock implements ServerTime {
    /** From {@code realFrom} on (until the next one), business time was real time plus {@code offset}. */
    private record Shift(Instant realFrom, Duration offset) {
    }

    private final InstantSource real;
    private final ZoneId zone;
    /** In real-time order; shared with the views {@link #withZone} gives, so that they move too. */
    private final List<Shift> shifts;

    LocalClock(Instant start) {
        this(Clock.systemUTC(), start);
    }

    /** @param real where real time comes from (a test may step it); {@code start} null = business time is real time */
    LocalClock(InstantSource real, Instant start) {
        this(real, ZoneOffset.UTC, new CopyOnWriteArrayList<>());
        Instant now = real.instant();
        shifts.add(new Shift(now, start == null ? Duration.ZERO : Duration.between(now, start)));
    }

    private LocalClock(InstantSource real, ZoneId zone, List<Shift> shifts) {
        this.real = real;
        this.zone = zone;
        this.shifts = shifts;
    }

    /** Business time is {@code now} from here on, and runs on. */
    void moveTo(Instant now) {
        synchronized (shifts) {
            Instant realNow = real.instant();
            shifts.add(new Shift(realNow, Duration.between(realNow, now)));
        }
    }

    @Override
    public Instant instant() {
        Instant now = real.instant();
        return now.plus(offsetAt(now));
    }

    /** The business time it was at a real instant: that instant plus the offset in force then. */
    @Override
    public Instant toBusinessTime(Instant serverTime) {
        return serverTime.plus(offsetAt(serverTime));
    }

    /**
     * Before the first shift (a file kept in {@code --data} from an earlier run) the starting offset is
     * the best guess there is: that run's offsets are gone.
     */
    private Duration offsetAt(Instant realInstant) {
        List<Shift> all = List.copyOf(shifts);
        for (int i = all.size() - 1; i > 0; i--) {
            if (!all.get(i).realFrom().isAfter(realInstant)) {
                return all.get(i).offset();
            }
        }
        return all.get(0).offset();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone, on the same history: moving either moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new LocalClock(real, other, shifts);
    }
}
