package vn.haiphong.gddt.local.cold;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import vn.haiphong.gddt.local.AwsEventJson;

/**
 * The event a function receives, from a flat description ({@code kind=http|s3|objectCreated|scheduled|sns} and its
 * fields), so that the bench's parent can describe it and a child JVM can build it without a JSON
 * library of its own. Shaped as {@code ApiGateway} and {@code LocalSystem} shape them for the runner.
 */
public final class ColdEvents {
    private ColdEvents() {
    }

    public static Object build(Properties spec) {
        return switch (spec.getProperty("kind")) {
            case "http" -> http(spec);
            case "s3" -> AwsEventJson.s3Notification(spec.getProperty("bucket"), spec.getProperty("key"),
                    Long.parseLong(spec.getProperty("size")), spec.getProperty("eTag", ""), Instant.now(),
                    spec.getProperty("region"));
            case "objectCreated" -> AwsEventJson.objectCreated(spec.getProperty("bucket"), spec.getProperty("key"),
                    Long.parseLong(spec.getProperty("size")), spec.getProperty("eTag", ""), Instant.now(),
                    spec.getProperty("region"), spec.getProperty("account"));
            case "scheduled" -> AwsEventJson.scheduled(Instant.now(), Map.of(), spec.getProperty("region"),
                    spec.getProperty("account"));
            case "sns" -> AwsEventJson.sns(spec.getProperty("topicArn"), spec.getProperty("message"), Instant.now());
            case "none" -> null;
            default -> throw new IllegalArgumentException("unknown event kind " + spec.getProperty("kind"));
        };
    }

    /** An HTTP response's status code; "ok" for any other result. */
    public static String status(Object result) {
        return result instanceof APIGatewayV2HTTPResponse response ? Integer.toString(response.getStatusCode()) : "ok";
    }

    private static APIGatewayV2HTTPEvent http(Properties spec) {
        String method = spec.getProperty("method");
        String routeKey = method + " " + spec.getProperty("route");
        String body = spec.getProperty("body");
        String rawQuery = spec.getProperty("query", "");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(spec.getProperty("path"))
                .withRawQueryString(rawQuery)
                .withHeaders(prefixed(spec, "header."))
                .withQueryStringParameters(nullIfEmpty(prefixed(spec, "queryParameter.")))
                .withPathParameters(nullIfEmpty(prefixed(spec, "pathParameter.")))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withRequestId(UUID.randomUUID().toString())
                        .withStage("$default")
                        .withTimeEpoch(System.currentTimeMillis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(spec.getProperty("path"))
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("bench-cold")
                                .build())
                        .build())
                .build();
    }

    private static Map<String, String> prefixed(Properties spec, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : spec.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                values.put(name.substring(prefix.length()), spec.getProperty(name));
            }
        }
        return values;
    }

    private static Map<String, String> nullIfEmpty(Map<String, String> values) {
        return values.isEmpty() ? null : values;
    }
}
