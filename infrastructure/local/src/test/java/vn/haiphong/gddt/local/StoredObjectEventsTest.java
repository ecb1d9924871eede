package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.emulators.ObjectCreated;

/**
 * One stored object, two deliveries: the S3 notification to one function and the EventBridge "Object
 * Created" event to another, each once, each in AWS's shape, and both held while S3's events are held.
 */
class StoredObjectEventsTest {
    private static final Instant STORED = Instant.parse("2026-11-30T02:00:00Z");
    /** Stored about when the business clock below starts at STORED, so the event is dated about then. */
    private static final ObjectCreated CREATED = new ObjectCreated("bucket-1", "submissions/2026/QCDC/a b.pdf", 42,
            "abc123", Instant.now());

    private final List<Object> notified = new CopyOnWriteArrayList<>();
    private final List<Object> ruled = new CopyOnWriteArrayList<>();
    private AsyncInvocations async;
    private S3Notifications notifications;

    @BeforeEach
    void start() {
        async = new AsyncInvocations(null, Map.of(), List.of(Duration.ofMillis(10)), new LocalClock(STORED),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        notifications = new S3Notifications(List.of(
                subscription("submissions/", "RecordSubmissionFunction", notified, S3Notifications.Route.S3_NOTIFICATION),
                subscription("submissions/", "InspectSubmissionFunction", ruled, S3Notifications.Route.EVENTBRIDGE),
                subscription("config/", "OtherFunction", ruled, S3Notifications.Route.EVENTBRIDGE)),
                async, new LocalClock(STORED), "ap-southeast-1", "000000000000");
    }

    @AfterEach
    void stop() {
        async.close();
    }

    private static S3Notifications.Subscription subscription(String prefix, String function, List<Object> received,
                                                             S3Notifications.Route route) {
        RequestHandler<Object, Object> handler = (event, context) -> received.add(event);
        return new S3Notifications.Subscription("bucket-1", prefix,
                new AsyncInvocations.Target(function, handler, SamTemplate.EventInvokeConfig.LAMBDA_DEFAULT), route);
    }

    @Test
    void an_object_stored_reaches_the_notified_function_as_an_s3_event_and_the_rule_as_one_eventbridge_event()
            throws InterruptedException {
        notifications.accept(CREATED);

        await(() -> notified.size() == 1 && ruled.size() == 1);
        assertThat(notified).singleElement().isInstanceOf(Map.class);
        assertThat(ruled).singleElement().isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) ruled.get(0);
        assertThat(event).containsEntry("version", "0").containsEntry("detail-type", "Object Created")
                .containsEntry("source", "aws.s3").containsEntry("account", "000000000000")
                .containsEntry("region", "ap-southeast-1").containsEntry("resources", List.of("arn:aws:s3:::bucket-1"))
                .containsKeys("id", "time");
        assertThat(Instant.parse((String) event.get("time"))).isBetween(STORED.minusSeconds(60), STORED.plusSeconds(60));
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        assertThat(detail).containsEntry("version", "0").containsEntry("bucket", Map.of("name", "bucket-1"))
                .containsEntry("reason", "PutObject").containsEntry("requester", "000000000000")
                .containsKey("request-id");
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) detail.get("object");
        assertThat(object).containsEntry("key", "submissions/2026/QCDC/a b.pdf")
                .containsEntry("size", 42L).containsEntry("etag", "abc123").containsKey("sequencer");
    }

    @Test
    void held_events_of_both_kinds_wait_and_are_delivered_once_released() throws InterruptedException {
        notifications.hold();
        notifications.accept(CREATED);
        Thread.sleep(200);
        assertThat(notified).isEmpty();
        assertThat(ruled).isEmpty();

        assertThat(notifications.release()).isEqualTo(1);

        await(() -> notified.size() == 1 && ruled.size() == 1);
        assertThat(ruled).hasSize(1);
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.get() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(condition.get()).as("delivered within 10 s").isTrue();
    }
}
