package vn.haiphong.gddt.reports.app;

import java.util.concurrent.TimeUnit;

/**
 * At most {@code perSecond} sends a second, across every thread of a sweep: SES's account limit,
 * which a sweep must never exceed.
 */
public final class SendRate {
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    public SendRate(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("send rate must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next free slot. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
