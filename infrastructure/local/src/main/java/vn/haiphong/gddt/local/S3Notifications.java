package vn.haiphong.gddt.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.haiphong.gddt.emulators.ObjectCreated;

/**
 * The bucket's event notifications, as template.yaml's S3 events declare them: each object stored under a
 * function's prefix invokes that function asynchronously, with the business time at which it was stored.
 *
 * <p>They may be held ({@code {"s3Events": "held"}} at {@code /_local/faults}), as when S3 delivers late:
 * the events queue up, and releasing them delivers every one at once, each on its own thread, so that a
 * late event can race whatever runs next (the reconciliation sweep, say).
 */
final class S3Notifications implements Consumer<ObjectCreated> {
    /** A function subscribed to ObjectCreated in one bucket under one prefix. */
    record Subscription(String bucket, String prefix, AsyncInvocations.Target target) {
    }

    private final List<Subscription> subscriptions;
    private final AsyncInvocations async;
    private final LocalClock clock;
    private final String region;
    private final List<ObjectCreated> held = new ArrayList<>();
    private boolean holding;

    S3Notifications(List<Subscription> subscriptions, AsyncInvocations async, LocalClock clock, String region) {
        this.subscriptions = List.copyOf(subscriptions);
        this.async = async;
        this.clock = clock;
        this.region = region;
    }

    /** Called for every object stored in the emulator, whichever system's bucket it is in. */
    @Override
    public void accept(ObjectCreated created) {
        if (subscribersOf(created).isEmpty()) {
            return;
        }
        synchronized (this) {
            if (holding) {
                held.add(created);
                return;
            }
        }
        deliver(created);
    }

    synchronized void hold() {
        holding = true;
    }

    /** Stops holding and delivers what was held; returns how many events that was. */
    int release() {
        List<ObjectCreated> due;
        synchronized (this) {
            holding = false;
            due = List.copyOf(held);
            held.clear();
        }
        due.forEach(this::deliver);
        return due.size();
    }

    synchronized boolean holding() {
        return holding;
    }

    private void deliver(ObjectCreated created) {
        // Dated when S3 stored it, not now: the event may come after a move of the business clock.
        AsyncEvent event = AsyncEvent.s3(created, clock.toBusinessTime(created.eventTime()), region);
        subscribersOf(created).forEach(s -> async.invoke(s.target(), event));
    }

    private List<Subscription> subscribersOf(ObjectCreated created) {
        return subscriptions.stream()
                .filter(s -> s.bucket().equals(created.bucket()) && created.key().startsWith(s.prefix()))
                .toList();
    }
}
