package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** Lambda's retries of an asynchronous invocation and its OnFailure record, on the SQS emulator. */
@ExtendWith(EmulatorsExtension.class)
class AsyncInvocationsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Map<String, Object> EVENT = AwsEventJson.scheduled(NOW, Map.of("dryRun", true), "ap-southeast-1", "000000000000");
    private static final SamTemplate.EventInvokeConfig TO_QUEUE = new SamTemplate.EventInvokeConfig(2, "FailedEventsQueue");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private SqsClient sqs;
    private String queueUrl;
    private AsyncInvocations async;

    @BeforeEach
    void start(Emulators emulators) {
        sqs = LocalSystem.sqsClient(emulators);
        queueUrl = sqs.createQueue(r -> r.queueName("async-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
        async = new AsyncInvocations(sqs, Map.of("FailedEventsQueue", queueUrl),
                List.of(Duration.ofMillis(10), Duration.ofMillis(20)), Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        async.close();
        sqs.close();
    }

    /** A handler that throws {@code failures} times, then answers "done"; it notes each request id. */
    private RequestHandler<Object, Object> failing(int failures, String message) {
        return (event, context) -> {
            requestIds.add(context.getAwsRequestId());
            if (requestIds.size() <= failures) {
                throw new IllegalStateException(message);
            }
            return "done";
        };
    }

    @Test
    void an_invocation_counts_as_running_until_its_last_retry_has_ended() throws Exception {
        async = new AsyncInvocations(sqs, Map.of("FailedEventsQueue", queueUrl), List.of(Duration.ofMillis(300)),
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(async.running()).as("before any invocation").isFalse();

        var outcome = async.invoke(new AsyncInvocations.Target("SendRemindersFunction", failing(1, "lỗi"), TO_QUEUE), EVENT);
        while (requestIds.isEmpty()) {
            Thread.onSpinWait();
        }
        assertThat(async.running()).as("the first attempt failed, its retry waits 300 ms").isTrue();

        outcome.get(10, TimeUnit.SECONDS);
        assertThat(async.running()).as("after the retry succeeded").isFalse();
    }

    @Test
    void a_function_that_fails_twice_succeeds_on_its_third_attempt_with_the_same_request_id_and_nothing_is_queued()
            throws Exception {
        AsyncInvocations.Outcome outcome = async.invoke(
                new AsyncInvocations.Target("SendRemindersFunction", failing(2, "SES chưa sẵn sàng"), TO_QUEUE), EVENT)
                .get(10, TimeUnit.SECONDS);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.result()).isEqualTo("done");
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(requestIds).hasSize(3).containsOnly(requestIds.get(0));
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "SendRemindersFunction failed (attempt 1 of 3): IllegalStateException: SES chưa sẵn sàng;"
                        + " retrying in 10 ms (about 1 min in AWS)",
                "SendRemindersFunction failed (attempt 2 of 3): IllegalStateException: SES chưa sẵn sàng;"
                        + " retrying in 20 ms (about 2 min in AWS)");
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).isEmpty();
    }

    @Test
    void when_every_attempt_fails_lambdas_invocation_record_goes_to_the_on_failure_queue() throws Exception {
        AsyncInvocations.Outcome outcome = async.invoke(
                new AsyncInvocations.Target("WriteStatusSnapshotsFunction", failing(3, "S3 không trả lời"), TO_QUEUE), EVENT)
                .get(10, TimeUnit.SECONDS);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.sentTo()).isEqualTo("FailedEventsQueue");
        List<Message> queued = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
        assertThat(queued).hasSize(1);
        JsonNode record = Running.read(queued.get(0).body());
        assertThat(record.get("version").asText()).isEqualTo("1.0");
        assertThat(record.get("timestamp").asText()).isEqualTo(NOW.toString());
        assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestIds.get(0));
        assertThat(record.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:local:000000000000:function:WriteStatusSnapshotsFunction:$LATEST");
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.get("requestPayload")).isEqualTo(Running.JSON.valueToTree(EVENT));
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("S3 không trả lời");
        assertThat(record.at("/responsePayload/stackTrace")).isNotEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("WriteStatusSnapshotsFunction failed (attempt 3 of 3):"
                + " IllegalStateException: S3 không trả lời; the event went to FailedEventsQueue");
    }

    @Test
    void without_an_on_failure_destination_the_event_is_lost_as_in_lambda_after_as_many_attempts_as_the_template_allows()
            throws Exception {
        AsyncInvocations.Outcome outcome = async.invoke(new AsyncInvocations.Target("RecordSesFeedbackFunction",
                failing(5, "boom"), new SamTemplate.EventInvokeConfig(0, null)), EVENT).get(10, TimeUnit.SECONDS);

        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.sentTo()).isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("(attempt 1 of 1)", "it is lost, as in Lambda");
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages()).isEmpty();
    }

    @Test
    void a_failure_is_printed_on_one_line_without_the_query_of_any_url_it_quotes() {
        String presigned = "http://127.0.0.1:4567/b/submissions/bc.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123";

        String line = AsyncInvocations.describe(new IllegalStateException("PUT " + presigned + "\nfailed: 403"));

        assertThat(line).isEqualTo("IllegalStateException: PUT http://127.0.0.1:4567/b/submissions/bc.pdf?… failed: 403");
    }

    @Test
    void retry_delays_are_read_as_milliseconds_or_seconds_and_anything_else_is_refused() {
        assertThat(AsyncInvocations.parseDelays("1s,2s")).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(AsyncInvocations.parseDelays("100ms, 200ms")).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThatThrownBy(() -> AsyncInvocations.parseDelays("1m,2m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"1m\"").hasMessageContaining("1s,2s");
    }
}
