package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.joda.time.DateTime;
import vn.haiphong.gddt.emulators.ObjectCreated;

/**
 * An event a function is invoked with asynchronously, twice over: {@code input}, the object the handler
 * receives, and {@code payload}, the JSON AWS would have sent, which an OnFailure record carries as its
 * {@code requestPayload}. Each factory builds both from the same values.
 */
record AsyncEvent(Object input, Map<String, Object> payload) {

    /** What S3 sends when an object is stored; {@code at} is the business time it was stored at. */
    static AsyncEvent s3(ObjectCreated created, Instant at, String region) {
        // S3 sends the key URL-encoded (a space as +), slashes kept.
        String key = URLEncoder.encode(created.key(), StandardCharsets.UTF_8).replace("%2F", "/");
        String sequencer = EventBridgeObjectCreated.sequencer(at);
        String bucketArn = "arn:aws:s3:::" + created.bucket();

        var identity = new S3EventNotification.UserIdentityEntity("local");
        var bucket = new S3EventNotification.S3BucketEntity(created.bucket(), identity, bucketArn);
        var object = new S3EventNotification.S3ObjectEntity(key, created.size(), created.eTag(), null, sequencer);
        var record = new S3EventNotification.S3EventNotificationRecord(region, "ObjectCreated:Put", "aws:s3",
                at.toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("local", "local"),
                new S3EventNotification.S3Entity("local", bucket, object, "1.0"), identity);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventVersion", "2.1");
        json.put("eventSource", "aws:s3");
        json.put("awsRegion", region);
        json.put("eventTime", at.toString());
        json.put("eventName", "ObjectCreated:Put");
        json.put("userIdentity", Map.of("principalId", "local"));
        json.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        json.put("responseElements", Map.of("x-amz-request-id", "local", "x-amz-id-2", "local"));
        json.put("s3", Map.of("s3SchemaVersion", "1.0", "configurationId", "local",
                "bucket", Map.of("name", created.bucket(), "ownerIdentity", Map.of("principalId", "local"), "arn", bucketArn),
                "object", Map.of("key", key, "size", created.size(), "eTag", Objects.requireNonNullElse(created.eTag(), ""),
                        "sequencer", sequencer)));
        return new AsyncEvent(new S3Event(List.of(record)), Map.of("Records", List.of(json)));
    }

    /** What an EventBridge rule on S3's "Object Created" sends when an object is stored at business time {@code at}. */
    static AsyncEvent objectCreated(ObjectCreated created, Instant at, String region, String account) {
        Map<String, Object> event = EventBridgeObjectCreated.of(created.bucket(), created.key(), created.size(),
                created.eTag(), at, region, account);
        return new AsyncEvent(event, event);
    }

    /** What EventBridge (Scheduler) sends at {@code at}; {@code detail} is what a caller asked for, e.g. a dry run. */
    static AsyncEvent scheduled(Instant at, Map<String, Object> detail, String region, String account) {
        String id = UUID.randomUUID().toString();
        ScheduledEvent input = new ScheduledEvent().withId(id).withTime(new DateTime(at.toEpochMilli()))
                .withDetailType("Scheduled Event").withSource("aws.scheduler").withAccount(account).withRegion(region)
                .withResources(List.of()).withDetail(detail);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "0");
        json.put("id", id);
        json.put("detail-type", "Scheduled Event");
        json.put("source", "aws.scheduler");
        json.put("account", account);
        json.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("region", region);
        json.put("resources", List.of());
        json.put("detail", detail);
        return new AsyncEvent(input, json);
    }

    /** What SNS sends a subscribed function when {@code message} is published to {@code topicArn} at {@code at}. */
    static AsyncEvent sns(String topicArn, String message, Instant at) {
        String id = UUID.randomUUID().toString();
        SNSEvent input = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withEventSource("aws:sns")
                .withEventVersion("1.0").withSns(new SNSEvent.SNS().withType("Notification").withMessageId(id)
                        .withTopicArn(topicArn).withMessage(message).withTimestamp(new DateTime(at.toEpochMilli())))));

        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", id);
        sns.put("TopicArn", topicArn);
        sns.put("Message", message);
        sns.put("Timestamp", at.toString());
        return new AsyncEvent(input, Map.of("Records", List.of(Map.of("EventSource", "aws:sns", "EventVersion", "1.0",
                "Sns", sns))));
    }
}
