package vn.haiphong.gddt.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The runner's own endpoints, under {@code /_local/}: what AWS does by itself, done on request, and
 * what a demo or a test switches.
 * <ul>
 *   <li>{@code POST schedules/<LogicalId>} runs a scheduled function now (a JSON body becomes the event's
 *       detail) and answers its result, or 502 naming the attempts and where the event went;</li>
 *   <li>{@code POST topics/<LogicalId>} publishes the body to an SNS topic's subscribers, likewise;</li>
 *   <li>{@code GET clock} says what business time it is, {@code {"now": "<instant>"}};</li>
 *   <li>{@code POST clock} moves business time to {@code {"now": "<instant>"}};</li>
 *   <li>{@code GET faults} tells which services are down and whether S3 events are held;
 *       {@code POST faults} switches them (see {@link LocalFaults}).</li>
 * </ul>
 * A body these cannot read gets a 400 problem saying what was expected.
 * Schedules and topics invoke asynchronously, with Lambda's retries ({@link AsyncInvocations}); the
 * answer waits for the outcome, so that a script knows it.
 */
final class LocalControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/_local/";
    private static final Map<String, String> JSON_TYPE = Map.of("content-type", "application/json; charset=utf-8");
    private static final Map<String, String> PROBLEM_TYPE = Map.of("content-type", "application/problem+json; charset=utf-8");

    /** An SNS topic of the template and the functions subscribed to it. */
    record Topic(String arn, List<AsyncInvocations.Target> subscribers) {
    }

    private final Map<String, AsyncInvocations.Target> scheduled;
    private final Map<String, Topic> topics;
    private final AsyncInvocations async;
    private final LocalClock clock;
    private final LocalFaults faults;
    private final String region;
    private final String account;

    LocalControl(Map<String, AsyncInvocations.Target> scheduled, Map<String, Topic> topics, AsyncInvocations async,
                 LocalClock clock, LocalFaults faults, String region, String account) {
        this.scheduled = Map.copyOf(scheduled);
        this.topics = Map.copyOf(topics);
        this.async = async;
        this.clock = clock;
        this.faults = faults;
        this.region = region;
        this.account = account;
    }

    /** Answers a request under {@code /_local/}; false for any other path. */
    boolean handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        String what = path.substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (what.equals("faults") && method.equals("GET")) {
            ApiGateway.send(exchange, 200, JSON_TYPE, JSON.writeValueAsString(faults.state()));
        } else if (what.equals("faults") && method.equals("POST")) {
            switchFaults(exchange, body);
        } else if (what.equals("clock") && method.equals("GET")) {
            ApiGateway.send(exchange, 200, JSON_TYPE, "{\"now\":\"" + clock.instant() + "\"}");
        } else if (what.equals("clock") && method.equals("POST")) {
            moveClock(exchange, body);
        } else if (method.equals("POST") && scheduled.containsKey(after(what, "schedules/"))) {
            runSchedule(exchange, scheduled.get(after(what, "schedules/")), body);
        } else if (method.equals("POST") && topics.containsKey(after(what, "topics/"))) {
            publish(exchange, topics.get(after(what, "topics/")), body);
        } else {
            ApiGateway.send(exchange, 404, JSON_TYPE, "{\"message\":\"nothing local at " + method + " "
                    + what.replaceAll("[^A-Za-z0-9/]", "") + "\"}");
        }
        return true;
    }

    private static String after(String what, String prefix) {
        return what.startsWith(prefix) ? what.substring(prefix.length()) : "";
    }

    private void switchFaults(HttpExchange exchange, String body) throws IOException {
        Optional<Map<String, Object>> changes = object(body);
        if (changes.isEmpty()) {
            badRequest(exchange, "faults", "the body must be a JSON object such as {\"dynamodb\": \"down\"} or {\"s3Events\": \"held\"}");
            return;
        }
        try {
            ApiGateway.send(exchange, 200, JSON_TYPE, JSON.writeValueAsString(faults.apply(changes.get())));
        } catch (IllegalArgumentException e) {
            badRequest(exchange, "faults", e.getMessage());
        }
    }

    private void moveClock(HttpExchange exchange, String body) throws IOException {
        JsonNode now = object(body).map(o -> JSON.<JsonNode>valueToTree(o.get("now"))).orElse(null);
        if (now == null || !now.isTextual()) {
            badRequest(exchange, "clock", "the body must be a JSON object such as {\"now\": \"2025-06-09T08:00:00+07:00\"}");
            return;
        }
        try {
            clock.moveTo(LocalRunner.parseInstant(now.asText()));
        } catch (DateTimeException e) {
            badRequest(exchange, "clock", "\"now\" must be an instant such as 2025-06-09T08:00:00+07:00 (or a date-time, read as"
                    + " Vietnam time), not " + JSON.writeValueAsString(now.asText()));
            return;
        }
        ApiGateway.send(exchange, 200, JSON_TYPE, "{\"now\":\"" + clock.instant() + "\"}");
    }

    /** The body as a JSON object; empty when it is anything else (not JSON, an array, a string, null, nothing). */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> object(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(JSON.convertValue(node, Map.class)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** 400 with what was wrong, as the API's problems say it: a script's mistake, never a 500. */
    private static void badRequest(HttpExchange exchange, String route, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hp-reports:problem:local-" + route + "-invalid");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        problem.put("detail", detail);
        ApiGateway.send(exchange, 400, PROBLEM_TYPE, JSON.writeValueAsString(problem));
    }

    private void runSchedule(HttpExchange exchange, AsyncInvocations.Target function, String body) throws IOException {
        Optional<Map<String, Object>> detail = body.isBlank() ? Optional.of(Map.of()) : object(body);
        if (detail.isEmpty()) {
            badRequest(exchange, "schedule", "the body, when there is one, must be a JSON object: the event's detail,"
                    + " such as {\"dryRun\": true}");
            return;
        }
        AsyncInvocations.Outcome outcome = async.invoke(function,
                AwsEventJson.scheduled(clock.instant(), detail.get(), region, account)).join();
        if (!outcome.succeeded()) {
            failed(exchange, List.of(outcome));
            return;
        }
        String text = String.valueOf(outcome.result());
        ApiGateway.send(exchange, 200, text.startsWith("{") ? JSON_TYPE : Map.of("content-type", "text/plain; charset=utf-8"), text);
    }

    private void publish(HttpExchange exchange, Topic topic, String message) throws IOException {
        if (message.isBlank()) {
            // SNS refuses an empty Publish too (InvalidParameter): no subscriber ever sees one.
            badRequest(exchange, "topic", "the body is the message to publish (an SES notification's JSON, say); it is empty");
            return;
        }
        Map<String, Object> event = AwsEventJson.sns(topic.arn(), message, clock.instant());
        List<CompletableFuture<AsyncInvocations.Outcome>> deliveries = topic.subscribers().stream()
                .map(subscriber -> async.invoke(subscriber, event)).toList();
        List<AsyncInvocations.Outcome> failures = deliveries.stream().map(CompletableFuture::join)
                .filter(outcome -> !outcome.succeeded()).toList();
        if (failures.isEmpty()) {
            ApiGateway.send(exchange, 200, JSON_TYPE, "{\"delivered\":true}");
        } else {
            failed(exchange, failures);
        }
    }

    /** 502, as a gateway answers when what is behind it failed: each function, its attempts, and where its event went. */
    private static void failed(HttpExchange exchange, List<AsyncInvocations.Outcome> failures) throws IOException {
        List<Map<String, Object>> each = failures.stream().map(outcome -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("function", outcome.functionName());
            one.put("attempts", outcome.attempts());
            one.put("error", AsyncInvocations.describe(outcome.error()));
            one.put("sentTo", outcome.sentTo());
            return one;
        }).toList();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hp-reports:problem:local-invocation-failed");
        problem.put("title", "Bad Gateway");
        problem.put("status", 502);
        problem.put("detail", String.join(" ", failures.stream().map(outcome -> outcome.functionName() + " failed "
                + outcome.attempts() + (outcome.attempts() == 1 ? " time" : " times") + "; "
                + (outcome.sentTo() == null ? "the event is lost (no OnFailure destination)."
                : "the event went to " + outcome.sentTo() + ".")).toList()));
        problem.put("failed", each);
        ApiGateway.send(exchange, 502, PROBLEM_TYPE, JSON.writeValueAsString(problem));
    }
}
