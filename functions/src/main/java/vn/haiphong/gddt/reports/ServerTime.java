package vn.haiphong.gddt.reports;

import java.time.Instant;

/**
 * Maps a time that a storage service stamped (an S3 event's time, an object's {@code LastModified})
 * onto the business clock the functions are given. In AWS they are one clock, so the mapping is the
 * identity. The local runner's clock may have been moved ({@code POST /_local/clock}); it implements
 * this interface so that a file is on time or late as of the business time at which it was stored,
 * whichever path (the event or the reconciliation sweep) records it.
 */
public interface ServerTime {
    ServerTime SAME_CLOCK = serverTime -> serverTime;

    Instant toBusinessTime(Instant serverTime);

    /** The mapping a clock brings with it: its own when it has one, else the identity. */
    static ServerTime of(java.time.Clock clock) {
        return clock instanceof ServerTime own ? own : SAME_CLOCK;
    }
}
