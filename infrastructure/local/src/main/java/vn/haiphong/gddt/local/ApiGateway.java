package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP API (payload format 2.0) in front of the template's HttpApi routes: the same event a
 * deployed function receives, built from a plain HTTP request.
 */
final class ApiGateway {
    /** API Gateway's own payload limit. */
    private static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    /** A synchronous invocation's response, as the Lambda runtime serialises the proxy response: 6 MiB. */
    static final int MAX_LAMBDA_RESPONSE = 6 * 1024 * 1024;
    private static final ObjectMapper RESPONSE_JSON = new ObjectMapper();

    record Route(SamTemplate.HttpRoute route, Pattern pattern, List<String> params, String functionName,
                 RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    /** The {@code $default} route, when the template has one: it takes what no other route matches, any method. */
    private Route fallback;
    private final Clock clock;

    ApiGateway(Clock clock) {
        this.clock = clock;
    }

    void add(SamTemplate.HttpRoute route, String functionName,
             RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        if (route.isDefault()) {
            fallback = new Route(route, Pattern.compile(".*"), List.of(), functionName, handler);
            return;
        }
        List<String> params = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}").matcher(route.path());
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(route.path().substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            params.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(route.path().substring(last)));
        routes.add(new Route(route, Pattern.compile(regex.toString()), params, functionName, handler));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** A plain HTTP request as the API receives it; what {@link #invoke} turns into the function's event. */
    record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
                   String sourceIp) {
    }

    /** Answers the exchange when one of the routes matches its method and path; false otherwise. */
    boolean handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        if (fallback == null
                && routes.stream().noneMatch(r -> r.route().method().equals(method) && r.pattern().matcher(path).matches())) {
            return false;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            send(exchange, 413, Map.of("content-type", "application/json"), "{\"message\":\"Request Entity Too Large\"}");
            return true;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        APIGatewayV2HTTPResponse response = invoke(new Request(method, path,
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress())).orElseThrow();
        long payload = RESPONSE_JSON.writeValueAsBytes(response).length;
        if (payload > MAX_LAMBDA_RESPONSE) {
            // Lambda fails the invocation (Function.ResponseSizeTooLarge) and the HTTP API answers a bare 500.
            System.err.printf("%s %s: the function's response is %,d bytes, over Lambda's %,d; AWS answers 500%n",
                    method, path, payload, MAX_LAMBDA_RESPONSE);
            send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
            return true;
        }
        byte[] out = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        send(exchange, response.getStatusCode(), Optional.ofNullable(response.getHeaders()).orElse(Map.of()), out);
        return true;
    }

    /**
     * The matching route's function called in this JVM with the event a deployed API would send it;
     * empty when no route matches. Tests call it directly to skip the socket.
     */
    Optional<APIGatewayV2HTTPResponse> invoke(Request request) {
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.rawPath());
            if (route.route().method().equals(request.method()) && m.matches()) {
                Map<String, String> pathParams = new LinkedHashMap<>();
                for (int i = 0; i < route.params().size(); i++) {
                    pathParams.put(route.params().get(i), decode(m.group(i + 1)));
                }
                return Optional.of(route.handler().handleRequest(event(request, route, pathParams),
                        LocalContext.of(route.functionName())));
            }
        }
        return Optional.ofNullable(fallback).map(route -> route.handler().handleRequest(event(request, route, Map.of()),
                LocalContext.of(route.functionName())));
    }

    private APIGatewayV2HTTPEvent event(Request request, Route route, Map<String, String> pathParams) {
        Map<String, String> headers = request.headers();
        String rawQuery = request.rawQuery();
        byte[] body = request.body();
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                query.merge(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "", (a, b) -> a + "," + b);
            }
        }
        boolean text = isText(headers.get("content-type"));
        Instant now = clock.instant();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.route().routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParams.isEmpty() ? null : pathParams)
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(route.route().routeKey())
                        .withRequestId(UUID.randomUUID().toString())
                        .withStage("$default")
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(route.route().method())
                                .withPath(request.rawPath())
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(request.sourceIp())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    /**
     * Percent-decoded; a broken escape ({@code %zz}, a lone {@code %}) is passed on as written, so the
     * function decides about it instead of the runner failing with a 500 API Gateway would not give.
     */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** API Gateway passes JSON and text bodies as text and everything else base64-encoded. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml") || ct.contains("x-www-form-urlencoded");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_PAYLOAD + 1);
            return body.length > MAX_PAYLOAD ? null : body;
        }
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        send(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
