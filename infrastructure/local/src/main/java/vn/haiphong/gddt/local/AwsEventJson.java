package vn.haiphong.gddt.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events the functions invoked asynchronously receive, in AWS's documented shapes, as the Lambda Java
 * runtime gives them to a handler declared on {@code Map} (every such handler is: template.yaml's
 * TemplateTest holds them to it): S3's event notification, S3's "Object Created" through EventBridge,
 * EventBridge Scheduler's event, and an SNS delivery. The same map is what an OnFailure record carries as
 * its {@code requestPayload}. One builder for the runner and for bench-cold's child JVMs, whose class
 * path has only the Lambda jar and a few copied classes: hence the JDK alone here. No {@code versionId}:
 * the local buckets are not versioned, and AWS leaves it out then.
 */
public final class AwsEventJson {
    private AwsEventJson() {
    }

    /**
     * An S3 event notification of one object stored ({@code ObjectCreated:Put}), as S3 sends it to a
     * function (S3 user guide, "Event message structure"): the key URL-encoded, a space as "+".
     *
     * @param at when the object was stored
     */
    public static Map<String, Object> s3Notification(String bucket, String key, long size, String eTag, Instant at,
                                                     String region) {
        String bucketArn = "arn:aws:s3:::" + bucket;
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", size);
        object.put("eTag", eTag == null ? "" : eTag);
        object.put("sequencer", sequencer(at));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", at.toString());
        record.put("eventName", "ObjectCreated:Put");
        record.put("userIdentity", Map.of("principalId", "local"));
        record.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        record.put("responseElements", Map.of("x-amz-request-id", "local", "x-amz-id-2", "local"));
        record.put("s3", Map.of("s3SchemaVersion", "1.0", "configurationId", "local",
                "bucket", Map.of("name", bucket, "ownerIdentity", Map.of("principalId", "local"), "arn", bucketArn),
                "object", object));
        return Map.of("Records", List.of(record));
    }

    /**
     * What EventBridge Scheduler sends at {@code at}; {@code detail} is what a caller asked for, e.g. a dry run.
     */
    public static Map<String, Object> scheduled(Instant at, Map<String, Object> detail, String region, String account) {
        return eventBridge("Scheduled Event", "aws.scheduler", at, region, account, List.of(), detail);
    }

    /**
     * S3's "Object Created" event as EventBridge delivers it to a rule's target (S3 user guide,
     * "EventBridge event message structure"): the key as stored, not URL-encoded as in S3 notifications.
     *
     * @param at when the object was stored
     */
    public static Map<String, Object> objectCreated(String bucket, String key, long size, String eTag, Instant at,
                                                    String region, String account) {
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
        return eventBridge("Object Created", "aws.s3", at, region, account, List.of("arn:aws:s3:::" + bucket), detail);
    }

    /** EventBridge's envelope, the same for every event it delivers; its time is to the second. */
    private static Map<String, Object> eventBridge(String detailType, String source, Instant at, String region,
                                                   String account, List<String> resources, Map<String, Object> detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", account);
        event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.put("resources", resources);
        event.put("detail", detail);
        return event;
    }

    /** What SNS sends a subscribed function when {@code message} is published to {@code topicArn} at {@code at}. */
    public static Map<String, Object> sns(String topicArn, String message, Instant at) {
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", UUID.randomUUID().toString());
        sns.put("TopicArn", topicArn);
        sns.put("Message", message);
        sns.put("Timestamp", at.toString());
        return Map.of("Records", List.of(Map.of("EventSource", "aws:sns", "EventVersion", "1.0", "Sns", sns)));
    }

    /** S3's sequencer orders the events of one key; the time it was stored does that here. */
    static String sequencer(Instant at) {
        return Long.toHexString(at.toEpochMilli());
    }
}
