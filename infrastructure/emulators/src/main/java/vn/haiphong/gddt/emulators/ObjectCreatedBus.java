package vn.haiphong.gddt.emulators;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link ObjectCreated} events to listeners on one background thread: like real S3
 * notifications they arrive after, and independently of, the request that caused them, and in order.
 */
final class ObjectCreatedBus implements S3Events {

    private static final Logger log = LoggerFactory.getLogger(ObjectCreatedBus.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger undelivered = new AtomicInteger();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-events");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public AutoCloseable subscribe(Consumer<ObjectCreated> listener) {
        Subscription subscription = new Subscription(listener);
        subscriptions.add(subscription);
        return subscription;
    }

    /** Never throws: the caller is S3Proxy's request thread, whose write already succeeded. */
    void publish(ObjectCreated event) {
        undelivered.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    deliver(event);
                } finally {
                    undelivered.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            undelivered.decrementAndGet();
            log.debug("Dropped {}: the emulators are closing", event, e);
        }
    }

    @Override
    public boolean delivering() {
        return undelivered.get() > 0;
    }

    private void deliver(ObjectCreated event) {
        for (Subscription subscription : subscriptions) {
            try {
                subscription.listener.accept(event);
            } catch (RuntimeException e) {
                log.error("An S3 ObjectCreated listener failed on s3://{}/{}", event.bucket(), event.key(), e);
            }
        }
    }

    @Override
    public void close() {
        subscriptions.clear();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("S3 event listeners still running after 5 s; interrupting them");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private final class Subscription implements AutoCloseable {
        private final Consumer<ObjectCreated> listener;

        private Subscription(Consumer<ObjectCreated> listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }
}
