package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The runner builds the events AWS would send (API Gateway's, S3's, EventBridge's, SNS's); here each is
 * held to the same AWS-shaped file the handlers' tests are fed (functions' src/test/resources/events):
 * the runner sends no field AWS does not, and every field AWS sends that a handler reads.
 */
@DisplayName("The runner's events have AWS's shapes")
class RunnerEventsHaveAwsShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-30T02:00:03Z");

    @Test
    void an_http_api_event_carries_the_fields_of_payload_format_2_0() throws IOException {
        AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();
        ApiGateway api = new ApiGateway(Clock.fixed(AT, ZoneOffset.UTC));
        api.add(new SamTemplate.HttpRoute("GET", "/v1/status"), "GetStatusFunction", (event, context) -> {
            seen.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        });
        api.invoke(new ApiGateway.Request("GET", "/v1/status", "year=2026&format=json",
                Map.of("authorization", "Bearer x", "accept-encoding", "gzip", "user-agent", "Mozilla/5.0"), new byte[0],
                "203.0.113.7"));

        Set<String> runner = paths(runtimeJson(seen.get(), APIGatewayV2HTTPEvent.class));
        Set<String> aws = paths(file("apigw-get-status.json"));

        assertThat(aws).as("nothing the runner invents").containsAll(runner);
        assertThat(runner).as("what the handlers read").contains("version", "routeKey", "rawPath", "rawQueryString",
                "headers.authorization", "headers.accept-encoding", "queryStringParameters.year",
                "requestContext.http.method", "requestContext.http.path", "requestContext.http.sourceIp",
                "requestContext.routeKey", "requestContext.requestId", "isBase64Encoded");
    }

    @Test
    void an_s3_notification_carries_the_fields_of_an_object_created_put() {
        Map<String, Object> event = AwsEventJson.s3Notification("hp-reports-submissions",
                "submissions/2026/QCDC/2026-Y/thpt-tran-phu/0123456789abcdef0123456789abcdef/Bao-cao.pdf", 1234, "etag",
                AT, "ap-southeast-1");

        Set<String> runner = paths(JSON.valueToTree(event));
        Set<String> aws = paths(file("s3-object-created-submission.json"));

        assertThat(aws).containsAll(runner);
        assertThat(runner).contains("Records[].eventName", "Records[].eventTime", "Records[].s3.bucket.name",
                "Records[].s3.object.key", "Records[].s3.object.size", "Records[].s3.object.eTag");
    }

    @Test
    void an_eventbridge_object_created_event_and_a_scheduled_event_carry_the_fields_aws_sends() {
        Set<String> objectCreated = paths(JSON.valueToTree(AwsEventJson.objectCreated("hp-reports-submissions",
                "submissions/x.pdf", 10, "etag", AT, "ap-southeast-1", "123456789012")));
        assertThat(paths(file("eventbridge-s3-object-created.json"))).containsAll(objectCreated);
        assertThat(objectCreated).contains("detail-type", "source", "time", "detail.bucket.name", "detail.object.key");

        Set<String> scheduled = paths(JSON.valueToTree(AwsEventJson.scheduled(AT, Map.of(), "ap-southeast-1", "123456789012")));
        assertThat(paths(file("eventbridge-scheduled-event.json"))).containsAll(scheduled);
    }

    @Test
    void an_sns_delivery_carries_the_fields_of_an_sns_record() {
        Set<String> runner = paths(JSON.valueToTree(AwsEventJson.sns("arn:aws:sns:ap-southeast-1:123456789012:feedback",
                "{}", AT)));

        assertThat(paths(file("sns-ses-bounce.json"))).containsAll(runner);
        assertThat(runner).contains("Records[].Sns.Message", "Records[].Sns.MessageId", "Records[].EventSource");
    }

    /** The event as the Lambda runtime writes it (its own Jackson mix-ins), field names as AWS spells them. */
    private static <T> JsonNode runtimeJson(T event, Class<T> type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(type, RunnerEventsHaveAwsShapesTest.class.getClassLoader()).toJson(event, out);
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode file(String name) {
        try (InputStream in = RunnerEventsHaveAwsShapesTest.class.getResourceAsStream("/events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every field's path, arrays as {@code []}; nulls are absent, as AWS leaves them out. */
    private static Set<String> paths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String at, Set<String> paths) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                    paths.add(path);
                    collect(field.getValue(), path, paths);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, at + "[]", paths));
        }
    }
}
