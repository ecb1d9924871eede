package vn.haiphong.gddt.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.haiphong.gddt.emulators.ObjectCreated;

/**
 * What storing an object sets off, as template.yaml declares it: S3 event notifications (a function's
 * {@code Type: S3} events) and "Object Created" events through EventBridge (its {@code Type: EventBridgeRule}
 * events, for a bucket that sends to EventBridge). Each object stored under a subscription's prefix invokes
 * that function asynchronously, with the event in its own shape and the business time it was stored at.
 *
 * <p>They may be held ({@code {"s3Events": "held"}} at {@code /_local/faults}), as when S3 delivers late:
 * the events queue up, and releasing them delivers every one at once, each on its own thread, so that a
 * late event can race whatever runs next (the reconciliation sweep, say).
 */
final class S3Notifications implements Consumer<ObjectCreated> {
    /** How the event reaches the function, which decides its shape. */
    enum Route {
        S3_NOTIFICATION, EVENTBRIDGE
    }

    /** A function subscribed to ObjectCreated in one bucket under one prefix. */
    record Subscription(String bucket, String prefix, AsyncInvocations.Target target, Route route) {
    }

    private final List<Subscription> subscriptions;
    private final AsyncInvocations async;
    private final LocalClock clock;
    private final String region;
    private final String account;
    private final List<ObjectCreated> held = new ArrayList<>();
    private boolean holding;

    S3Notifications(List<Subscription> subscriptions, AsyncInvocations async, LocalClock clock, String region,
                    String account) {
        this.subscriptions = List.copyOf(subscriptions);
        this.async = async;
        this.clock = clock;
        this.region = region;
        this.account = account;
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

    /** Stops holding and delivers what was held; returns how many stored objects that was. */
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
        Instant at = clock.toBusinessTime(created.eventTime());
        for (Subscription s : subscribersOf(created)) {
            async.invoke(s.target(), switch (s.route()) {
                case S3_NOTIFICATION -> AwsEventJson.s3Notification(created.bucket(), created.key(), created.size(),
                        created.eTag(), at, region);
                case EVENTBRIDGE -> AwsEventJson.objectCreated(created.bucket(), created.key(), created.size(),
                        created.eTag(), at, region, account);
            });
        }
    }

    private List<Subscription> subscribersOf(ObjectCreated created) {
        return subscriptions.stream()
                .filter(s -> s.bucket().equals(created.bucket()) && created.key().startsWith(s.prefix()))
                .toList();
    }
}
