package vn.haiphong.gddt.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * S3's "Object Created" event as EventBridge delivers it to a rule's target, in AWS's documented shape
 * (S3 user guide, "EventBridge event message structure"), as the Lambda Java runtime gives it to a
 * {@code Map} handler. One builder for the runner ({@link AsyncEvent}) and for bench-cold's child JVMs,
 * whose class path has only the Lambda jar and a few copied classes: hence the JDK alone here.
 */
public final class EventBridgeObjectCreated {
    private EventBridgeObjectCreated() {
    }

    /**
     * The key is as stored, not URL-encoded as in S3 notifications. No {@code version-id}: the local
     * buckets are not versioned, and AWS leaves it out for an unversioned bucket.
     *
     * @param at when the object was stored
     */
    public static Map<String, Object> of(String bucket, String key, long size, String eTag, Instant at, String region,
                                         String account) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", key);
        object.put("size", size);
        object.put("etag", eTag == null ? "" : eTag);
        object.put("sequencer", sequencer(at));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", "0");
        detail.put("bucket", Map.of("name", bucket));
        detail.put("object", object);
        detail.put("request-id", UUID.randomUUID().toString());
        detail.put("requester", account);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", "PutObject");

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", account);
        event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.put("resources", List.of("arn:aws:s3:::" + bucket));
        event.put("detail", detail);
        return event;
    }

    /** S3's sequencer orders the events of one key; the time it was stored does that here. */
    static String sequencer(Instant at) {
        return Long.toHexString(at.toEpochMilli());
    }
}
