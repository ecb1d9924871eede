package vn.haiphong.gddt.emulators;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects one bucket's events, and the threads they were delivered on, for assertions. */
final class Events implements Consumer<ObjectCreated> {

    private final String bucket;
    private final BlockingQueue<ObjectCreated> received = new LinkedBlockingQueue<>();
    private final List<String> threads = new ArrayList<>();

    Events(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public void accept(ObjectCreated event) {
        if (event.bucket().equals(bucket)) {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            received.add(event);
        }
    }

    ObjectCreated next() {
        try {
            ObjectCreated event = received.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("No ObjectCreated event for bucket " + bucket + " within 10 s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Events delivered so far and not yet taken by {@link #next()}. */
    List<ObjectCreated> pending() {
        List<ObjectCreated> events = new ArrayList<>();
        received.drainTo(events);
        return events;
    }

    List<String> threads() {
        synchronized (threads) {
            return List.copyOf(threads);
        }
    }
}
