package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;

/**
 * Generated requests thrown at every HttpApi route of template.yaml (read with {@link SamTemplate}, so a
 * new route is covered without touching this test), with an office token, a school's link, a bad token
 * or none: random JSON shaped like the route's body with fields swapped for odd values, random bytes,
 * random query strings and path parameters. Each answer is a 2xx/3xx, or a 4xx problem+json with a code
 * and a detail; never a 5xx. The functions are called in this JVM with the event the local runner
 * builds ({@link ApiGateway#invoke}), on a real local system over the emulators.
 */
class NoRouteAnswers5xxTest {
    private static final Instant NOW = OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant();
    private static final String OBLIGATION = "QCDC:2026-Y";
    /** Three properties of this many tries take about 20 s on the shared machine (2 cores, 3 builds). */
    private static final int TRIES = 200;
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)\\+?}");
    private static final List<String> FIELDS = List.of("obligation", "fileName", "contentType", "size", "sha256",
            "until", "reason", "format", "asOf", "year", "unit", "report", "period", "category", "quarantined");

    private static Emulators emulators;
    private static Running running;
    private static List<SamTemplate.HttpRoute> routes;
    private static Map<String, String> tokens;
    private static List<String> knownValues;
    /** Path parameters by name that lead past "not found", so some tries reach the code behind. */
    private static Map<String, List<String>> likelyParameters;
    /** Request bodies by a word of the route's path, whose fields the generator then spoils one by one. */
    private static Map<String, Map<String, String>> likelyBodies;
    /** For each route, the token kind it takes ("office" or "unit"), found by asking it at the start. */
    private static Map<SamTemplate.HttpRoute, String> tokenKinds;

    /** One generated request: the route, its path parameters (before encoding), a token, a query and a body. */
    record Call(SamTemplate.HttpRoute route, Map<String, String> parameters, String token, String rawQuery,
                String contentType, byte[] body) {
        String path() {
            Matcher m = PARAMETER.matcher(route.path());
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = parameters.get(m.group(1));
                m.appendReplacement(path, Matcher.quoteReplacement(
                        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
            }
            m.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return route.method() + " " + path() + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " token="
                    + tokens.entrySet().stream().filter(e -> java.util.Objects.equals(e.getValue(), token))
                    .map(Map.Entry::getKey).findFirst().orElse("?")
                    + " " + contentType + " body=" + new String(body, StandardCharsets.UTF_8);
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        emulators = Emulators.start(EmulatorOptions.inMemory());
        running = Running.start(emulators, NOW, Map.of());
        // Not $default: what it answers a person is a page, not a problem (PeoplePagesTest); its API paths are problems.
        routes = SamTemplate.read(Running.ROOT.resolve("template.yaml")).functions().stream()
                .flatMap(f -> f.routes().stream()).filter(r -> !r.isDefault()).toList();
        LocalSystem.SessionUnit school = running.unit("THPT");
        // One real submission, so the submission routes reach past "not found" for some tries.
        String submissionId = running.upload(school.token(), OBLIGATION, "bc.pdf", "application/pdf", Running.pdf("p"));
        running.awaitSubmissions(school.token(), OBLIGATION, 1);
        tokens = new LinkedHashMap<>();
        tokens.put("office", running.system.officeToken());
        tokens.put("unit", school.token());
        tokens.put("expired-unit", running.system.unitToken(school.unit(), 1, NOW.minusSeconds(1)));
        tokens.put("garbage", "a.b.c");
        tokens.put("none", null);
        knownValues = List.of(OBLIGATION, "DVCQ:2026-Y", school.unit(), "thpt-cat-ba", submissionId, school.token(),
                "bc.pdf", "application/pdf", Running.sha256(Running.pdf("p")), "2026-12-08", "9999-12-31",
                "+999999999-12-31", "2027-12-31T23:59:59+07:00", "-999999999-01-01T00:00:00+18:00",
                "1999-12-31T23:59:59+07:00", "2026-11-01T00:00:00+07:00", "csv", "json", "true", "THPT", "2026",
                "2026-H1", "2026-Q1-Q3", "upload.js", "", " ", ".", "..", "%", "\u0000");
        likelyParameters = Map.of("obligation", List.of(OBLIGATION, "DVCQ:2026-Y"), "unit", List.of("thpt-cat-ba", school.unit()),
                "submissionId", List.of(submissionId), "id", List.of(OBLIGATION), "token", List.of(school.token()),
                "name", List.of("upload.js", "office.html"));
        likelyBodies = Map.of(
                "uploads", Map.of("obligation", quoted(OBLIGATION), "fileName", quoted("Báo cáo.pdf"),
                        "contentType", quoted("application/pdf"), "size", "1000", "sha256", quoted(Running.sha256(Running.pdf("x")))),
                "extensions", Map.of("until", quoted("2026-12-20"), "reason", quoted("Trường đang sửa mạng")),
                "return", Map.of("reason", quoted("Thiếu chữ ký")));
        tokenKinds = new LinkedHashMap<>();
        for (SamTemplate.HttpRoute route : routes) {
            APIGatewayV2HTTPResponse answer = invoke(new Call(route, usualParameters(route), tokens.get("office"), "",
                    "application/json", new byte[0]));
            tokenKinds.put(route, answer != null && answer.getStatusCode() == 403
                    && answer.getBody().contains("wrong-token-kind") ? "unit" : "office");
        }
    }

    @AfterContainer
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (emulators != null) {
            emulators.close();
        }
    }

    @Example
    void every_route_of_the_template_is_called_by_this_test() {
        assertThat(routes).as("routes read from template.yaml").hasSizeGreaterThanOrEqualTo(12);
        for (SamTemplate.HttpRoute route : routes) {
            Call call = new Call(route, usualParameters(route), tokens.get("office"), "", "application/json", new byte[0]);
            assertThat(invoke(call)).as(route.routeKey() + " is served by the runner's ApiGateway").isNotNull();
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void random_json_bodies_get_an_answer_or_a_problem_never_a_5xx(@ForAll("jsonCalls") Call call) {
        assertNoServerError(call);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void random_bytes_as_bodies_get_an_answer_or_a_problem_never_a_5xx(@ForAll("byteCalls") Call call) {
        assertNoServerError(call);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void random_query_strings_get_an_answer_or_a_problem_never_a_5xx(@ForAll("queryCalls") Call call) {
        assertNoServerError(call);
    }

    private static void assertNoServerError(Call call) {
        APIGatewayV2HTTPResponse response = invoke(call);
        assertThat(response).as("a route answers " + call).isNotNull();
        int status = response.getStatusCode();
        assertThat(status).as(call + " -> " + response.getBody()).isBetween(200, 499);
        if (status >= 400) {
            assertThat(response.getHeaders().get("content-type")).as(call.toString()).startsWith("application/problem+json");
            JsonNode problem = Running.read(response.getBody());
            assertThat(problem.path("code").asText()).as(call.toString()).isNotBlank();
            assertThat(problem.path("detail").asText()).as(call.toString()).isNotBlank();
            assertThat(problem.path("status").asInt()).as(call.toString()).isEqualTo(status);
        }
    }

    private static Map<String, String> usualParameters(SamTemplate.HttpRoute route) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(route.path());
        while (m.find()) {
            parameters.put(m.group(1), likelyParameters.getOrDefault(m.group(1), List.of(OBLIGATION)).get(0));
        }
        return parameters;
    }

    private static APIGatewayV2HTTPResponse invoke(Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", call.contentType());
        if (call.token() != null) {
            headers.put("authorization", "Bearer " + call.token());
        }
        return running.system.api().invoke(new ApiGateway.Request(call.route().method(), call.path(), call.rawQuery(),
                headers, call.body(), "127.0.0.1")).orElse(null);
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Call> jsonCalls() {
        return calls(Arbitraries.just(""), Arbitraries.just("application/json"), null);
    }

    @Provide
    Arbitrary<Call> byteCalls() {
        // JSON is passed to the function as text (invalid UTF-8 replaced by the API), anything else base64.
        return calls(Arbitraries.just(""), Arbitraries.of("application/json", "application/octet-stream"),
                Arbitraries.oneOf(
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                        jsonBody().map(b -> withInvalidUtf8(b.getBytes(StandardCharsets.UTF_8)))));
    }

    @Provide
    Arbitrary<Call> queryCalls() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), text()), value())
                .as((k, v) -> encode(k) + "=" + encode(v));
        Arbitrary<String> query = Arbitraries.oneOf(
                pair.list().ofMaxSize(5).map(l -> String.join("&", l)),
                Arbitraries.strings().withChars("=&%+;?abc0é").ofMaxLength(20),
                Arbitraries.of("asOf=%zz", "year=%", "format=csv&format=json"));
        return calls(query, Arbitraries.just("application/json"), Arbitraries.just(new byte[0]));
    }

    private static Arbitrary<Call> calls(Arbitrary<String> queries, Arbitrary<String> contentTypes, Arbitrary<byte[]> bodies) {
        return Arbitraries.of(routes).flatMap(route -> calls(route, queries, contentTypes, bodies));
    }

    private static Arbitrary<Call> calls(SamTemplate.HttpRoute route, Arbitrary<String> queries,
                                         Arbitrary<String> contentTypes, Arbitrary<byte[]> bodies) {
        Arbitrary<Map<String, String>> parameters = Arbitraries.just(Map.<String, String>of());
        Matcher m = PARAMETER.matcher(route.path());
        while (m.find()) {
            String name = m.group(1);
            // An empty path parameter would match no route (API Gateway's own 404), so none is generated.
            Arbitrary<String> value = Arbitraries.frequencyOf(
                    Tuple.of(2, Arbitraries.of(likelyParameters.getOrDefault(name, knownValues))),
                    Tuple.of(1, value())).filter(v -> !v.isEmpty());
            parameters = Combinators.combine(parameters, value).as((map, v) -> {
                Map<String, String> more = new LinkedHashMap<>(map);
                more.put(name, v);
                return more;
            });
        }
        // Most tries carry a token that passes, so they reach the body and the query.
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(tokenKinds.get(route))),
                Tuple.of(1, Arbitraries.of(new ArrayList<>(tokens.keySet()))));
        Arbitrary<byte[]> body = bodies == null ? likelyBody(route).map(b -> b.getBytes(StandardCharsets.UTF_8)) : bodies;
        return Combinators.combine(parameters, token, queries, contentTypes, body)
                .as((params, t, query, type, b) -> new Call(route, params, tokens.get(t), query, type, b));
    }

    /** The route's usual body with each field kept, dropped or given a generated JSON value; or any JSON. */
    private static Arbitrary<String> likelyBody(SamTemplate.HttpRoute route) {
        Map<String, String> usual = likelyBodies.entrySet().stream().filter(e -> route.path().contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(Map.of());
        Arbitrary<List<String>> members = Arbitraries.just(List.of());
        for (Map.Entry<String, String> field : usual.entrySet()) {
            Arbitrary<String> member = Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just(quoted(field.getKey()) + ":" + field.getValue())),
                    Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(1, jsonValue(1).map(v -> quoted(field.getKey()) + ":" + v)));
            members = Combinators.combine(members, member).as((l, one) -> {
                List<String> more = new ArrayList<>(l);
                if (!one.isEmpty()) {
                    more.add(one);
                }
                return more;
            });
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, members.map(l -> "{" + String.join(",", l) + "}")),
                Tuple.of(1, jsonBody()));
    }

    /** A known good value (an id, a date, a token), a boundary, or any text at all. */
    private static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(knownValues)),
                Tuple.of(1, text()),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(1200)));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(30);
    }

    /** JSON text: mostly an object with the fields the routes read, some fields given odd values. */
    private static Arbitrary<String> jsonBody() {
        Arbitrary<String> member = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(FIELDS).map(NoRouteAnswers5xxTest::quoted), jsonString()),
                jsonValue(2)).as((k, v) -> k + ":" + v);
        return Arbitraries.frequencyOf(
                Tuple.of(6, member.list().ofMaxSize(6).map(l -> "{" + String.join(",", l) + "}")),
                Tuple.of(1, jsonValue(3)),
                Tuple.of(1, Arbitraries.strings().withChars("{}[]\":,0-1e.\\tnul ").ofMaxLength(40)));
    }

    private static Arbitrary<String> jsonValue(int depth) {
        List<Arbitrary<String>> scalars = List.of(jsonString(), number(), Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return Arbitraries.oneOf(scalars);
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.oneOf(scalars)),
                Tuple.of(1, inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(1, Combinators.combine(jsonString(), inner).as((k, v) -> k + ":" + v)
                        .list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}")),
                Tuple.of(1, Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n))));
    }

    private static Arbitrary<String> jsonString() {
        return Arbitraries.oneOf(
                value().map(NoRouteAnswers5xxTest::quoted),
                Arbitraries.of("\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"" + "ă".repeat(600) + "\""));
    }

    private static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(0, 6000).map(n -> "1" + "0".repeat(n)),
                Arbitraries.of("-0", "0.5", "1e400", "-1e-400", "1E+2147483648", "9223372036854775808",
                        "-9223372036854775809", "1" + "0".repeat(5000), "1e" + "9".repeat(5000), "0." + "1".repeat(3000)));
    }

    private static byte[] withInvalidUtf8(byte[] body) {
        byte[] out = new byte[body.length + 3];
        int at = body.length / 2;
        System.arraycopy(body, 0, out, 0, at);
        out[at] = (byte) 0xED;
        out[at + 1] = (byte) 0xA0;
        out[at + 2] = (byte) 0x80;
        System.arraycopy(body, at, out, at + 3, body.length - at);
        return out;
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                // Surrogates escaped too, so a lone one reaches the parser as \\uD800 rather than '?'.
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
