package vn.haiphong.gddt.reports.handlers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects an S3 event notification names, read from its JSON as the runtime hands it over for a
 * {@code Map} input. Every event handler here takes its event as a map, for one reason: the events
 * library's {@code S3Event}, {@code ScheduledEvent} and {@code SNSEvent} hold their times as Joda-Time,
 * which a cold start then loads for that one date (80-odd classes, about 20 ms on one vCPU), and the
 * runtime reaches them through its event serializers rather than the plain JSON reader it already holds.
 */
final class StoredObjects {
    /**
     * @param key       as stored (S3 sends it form-encoded: "+" for a space)
     * @param versionId null when the bucket is not versioned
     * @param at        when storage received the object (the record's {@code eventTime})
     */
    record Stored(String key, String versionId, Instant at) {
    }

    private StoredObjects() {
    }

    /**
     * Every record's object, in order; none for the {@code s3:TestEvent} S3 sends when the notification is
     * set up.
     *
     * @throws IllegalArgumentException for anything else that is not an S3 notification (an EventBridge
     *                                  event, an empty test event) or a record without its object's key or a
     *                                  readable time: Lambda then retries and alarms, rather than files going
     *                                  unrecorded with the invocation reported a success
     */
    static List<Stored> in(Map<String, Object> event) {
        if (event != null && "s3:TestEvent".equals(event.get("Event"))) {
            return List.of();
        }
        if (event == null || !(event.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("not an S3 event notification: no Records");
        }
        List<Stored> stored = new ArrayList<>();
        for (Object record : records) {
            stored.add(stored(record));
        }
        return stored;
    }

    private static Stored stored(Object record) {
        if (record instanceof Map<?, ?> r && r.get("s3") instanceof Map<?, ?> s3 && s3.get("object") instanceof Map<?, ?> object
                && object.get("key") instanceof String key && r.get("eventTime") instanceof String time) {
            try {
                return new Stored(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        object.get("versionId") instanceof String version ? version : null, Instant.parse(time));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("S3 notification record with an unreadable key or eventTime", e);
            }
        }
        throw new IllegalArgumentException("S3 notification record without s3.object.key or eventTime");
    }
}
