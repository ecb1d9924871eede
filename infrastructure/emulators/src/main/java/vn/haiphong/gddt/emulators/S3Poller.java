package vn.haiphong.gddt.emulators;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * S3 events for an external emulator, whose notifications cannot reach this JVM: lists every bucket
 * periodically and announces objects that are new or changed since the previous listing. Slower and
 * coarser than the embedded hook (an overwrite with identical content and timestamp goes unnoticed).
 */
final class S3Poller implements S3Events {

    private static final Logger log = LoggerFactory.getLogger(S3Poller.class);

    private final Supplier<S3Client> clients;
    private final Duration interval;
    private final ObjectCreatedBus bus = new ObjectCreatedBus();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "s3-poller");
        thread.setDaemon(true);
        return thread;
    });
    private S3Client s3;
    private Map<ObjectId, Version> seen;

    /** @param clients called once, on the first subscription: most runs never subscribe, and a client is slow to build */
    S3Poller(Supplier<S3Client> clients, Duration interval) {
        this.clients = clients;
        this.interval = interval;
    }

    @Override
    public synchronized AutoCloseable subscribe(Consumer<ObjectCreated> listener) {
        if (s3 == null) {
            s3 = clients.get();
            seen = list();
            timer.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return bus.subscribe(listener);
    }

    /** Only what a listing has found: an object written since the last listing is not known yet. */
    @Override
    public boolean delivering() {
        return bus.delivering();
    }

    private void poll() {
        try {
            Map<ObjectId, Version> now = list();
            now.forEach((id, version) -> {
                if (!version.equals(seen.get(id))) {
                    bus.publish(new ObjectCreated(id.bucket(), id.key(), version.size(), version.eTag(), version.lastModified()));
                }
            });
            seen = now;
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: keep polling.
            log.warn("Listing S3 for new objects failed; trying again in {} ms", interval.toMillis(), e);
        }
    }

    private Map<ObjectId, Version> list() {
        Map<ObjectId, Version> objects = new HashMap<>();
        for (Bucket bucket : s3.listBuckets().buckets()) {
            s3.listObjectsV2Paginator(request -> request.bucket(bucket.name())).contents().forEach(object ->
                    objects.put(new ObjectId(bucket.name(), object.key()),
                            new Version(object.size(), ObjectCreated.unquote(object.eTag()), object.lastModified())));
        }
        return objects;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The S3 poller did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
        if (s3 != null) {
            s3.close();
        }
    }

    private record ObjectId(String bucket, String key) {
    }

    private record Version(long size, String eTag, Instant lastModified) {
    }
}
