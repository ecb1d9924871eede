package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proxy tests use to make SES misbehave: scripted faults answered as SES v2 answers them,
 * everything else passed through untouched. The AWS SDK's reading of these answers is checked in
 * infrastructure/local (ReminderSesFaultsTest), where the SES v2 client is on the class path.
 */
@ExtendWith(EmulatorsExtension.class)
class FaultyProxyTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the echo target received. */
    private record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer echo;
    private FaultyProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        echo.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            seen.add(new Seen(exchange.getRequestMethod(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            byte[] answer = ("{\"echo\":" + body.length + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Echo", "yes");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/teapot") ? 418 : 200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        echo.start();
        proxy = FaultyProxy.start(URI.create("http://127.0.0.1:" + echo.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        echo.stop(0);
    }

    @Test
    void without_faults_it_forwards_method_path_query_headers_and_body_unchanged_and_returns_the_answer() throws Exception {
        String body = "{\"Destination\":{\"ToAddresses\":[\"a@example.edu.vn\"]},\"Subject\":\"Nhắc nộp báo cáo\"}";

        HttpResponse<String> answer = send(HttpRequest.newBuilder(proxy.endpoint().resolve("/v2/email/outbound-emails?x=1%2F2&y"))
                .header("Content-Type", "application/json")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20250601/ap-southeast-1/ses/aws4_request")
                .header("X-Amz-Date", "20250601T010000Z")
                .header("X-Custom", "mot; hai=\"ba\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"echo\":" + body.getBytes(StandardCharsets.UTF_8).length + "}");
        assertThat(answer.headers().firstValue("X-Echo")).contains("yes");
        assertThat(seen).hasSize(1);
        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v2/email/outbound-emails?x=1%2F2&y");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.headers().get("Authorization")).containsExactly(
                "AWS4-HMAC-SHA256 Credential=local/20250601/ap-southeast-1/ses/aws4_request");
        assertThat(request.headers().get("X-amz-date")).containsExactly("20250601T010000Z");
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        assertThat(request.headers().get("X-custom")).containsExactly("mot; hai=\"ba\"");
        assertThat(proxy.requests()).isEqualTo(1);
        assertThat(proxy.forwarded()).isEqualTo(1);
        assertThat(proxy.faulted()).isZero();
    }

    @Test
    void other_methods_and_the_targets_own_error_statuses_pass_through() throws Exception {
        assertThat(send(HttpRequest.newBuilder(proxy.endpoint().resolve("/store")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(proxy.endpoint().resolve("/x")).method("DELETE",
                HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(proxy.endpoint().resolve("/teapot")).PUT(
                HttpRequest.BodyPublishers.ofString("tea"))).statusCode()).isEqualTo(418);

        assertThat(seen).extracting(Seen::method).containsExactly("GET", "DELETE", "PUT");
        assertThat(seen.get(2).body()).isEqualTo("tea");
    }

    @Test
    void throttled_requests_get_429_TooManyRequestsException_as_ses_v2_says_it_and_are_not_forwarded() throws Exception {
        proxy.throttleNext(2);

        HttpResponse<String> first = post("/v2/email/outbound-emails", "{}");
        HttpResponse<String> second = post("/v2/email/outbound-emails", "{}");
        HttpResponse<String> third = post("/v2/email/outbound-emails", "{}");

        for (HttpResponse<String> throttled : List.of(first, second)) {
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException");
            assertThat(throttled.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(throttled.headers().firstValue("x-amzn-RequestId")).isPresent();
            assertThat(throttled.body()).contains("\"__type\":\"TooManyRequestsException\"", "\"message\":");
        }
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(seen).hasSize(1);
        assertThat(proxy.requests()).isEqualTo(3);
        assertThat(proxy.faulted()).isEqualTo(2);
        assertThat(proxy.forwarded()).isEqualTo(1);
    }

    @Test
    void failing_requests_get_500_and_faults_are_used_in_the_order_they_were_scripted() throws Exception {
        proxy.failNext(1).throttleNext(1).failNext(1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(post("/v2/email/outbound-emails", "{}").statusCode());
        }

        assertThat(statuses).containsExactly(500, 429, 500, 200);
        HttpResponse<String> failed = send(HttpRequest.newBuilder(proxy.endpoint()).GET());
        assertThat(failed.statusCode()).isEqualTo(200);
        proxy.failNext(1);
        HttpResponse<String> five = post("/", "{}");
        assertThat(five.headers().firstValue("x-amzn-ErrorType")).contains("InternalServiceErrorException");
        assertThat(five.body()).contains("\"__type\":\"InternalServiceErrorException\"");
        assertThat(proxy.pendingFaults()).isZero();
    }

    @Test
    void a_rejected_address_gets_400_MessageRejected_only_for_requests_that_name_it() throws Exception {
        proxy.rejectAddress("Bad@Example.edu.vn");

        HttpResponse<String> named = post("/v2/email/outbound-emails",
                "{\"Destination\":{\"ToAddresses\":[\"ok@example.edu.vn\",\"bad@example.edu.vn\"]}}");
        HttpResponse<String> other = post("/v2/email/outbound-emails",
                "{\"Destination\":{\"ToAddresses\":[\"ok@example.edu.vn\"]}}");
        HttpResponse<String> longerAddress = post("/v2/email/outbound-emails",
                "{\"Destination\":{\"ToAddresses\":[\"notbad@example.edu.vn\"]}}");

        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.headers().firstValue("x-amzn-ErrorType")).contains("MessageRejected");
        assertThat(named.body()).contains("\"__type\":\"MessageRejected\"", "bad@example.edu.vn");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(longerAddress.statusCode()).isEqualTo(200);
        assertThat(seen).hasSize(2);

        proxy.rejectAddress("other@example.edu.vn", FaultyProxy.Rejection.BAD_REQUEST);
        HttpResponse<String> badRequest = post("/", "{\"to\":[\"other@example.edu.vn\"]}");
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(badRequest.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");

        proxy.clearFaults();
        assertThat(post("/", "{\"to\":[\"bad@example.edu.vn\"]}").statusCode()).isEqualTo(200);
    }

    @Test
    void a_delayed_request_outlasts_the_clients_timeout_and_is_forwarded_afterwards() throws Exception {
        proxy.delayNext(1, Duration.ofMillis(1500));
        Instant start = Instant.now();

        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(proxy.endpoint().resolve("/slow"))
                        .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString("late")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(seen).isEmpty();
        HttpResponse<String> next = post("/fast", "now");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1200));

        awaitSeen(2);
        assertThat(seen).extracting(Seen::pathAndQuery).containsExactly("/fast", "/slow");
        assertThat(proxy.requests()).isEqualTo(2);
        assertThat(proxy.forwarded()).isEqualTo(2);
    }

    @Test
    void concurrent_requests_each_take_one_fault() throws Exception {
        proxy.throttleNext(5);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Thread t = new Thread(() -> statuses.add(post("/", "{}").statusCode()));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(statuses).hasSize(12);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(7);
        assertThat(proxy.requests()).isEqualTo(12);
    }

    @Test
    void a_target_that_does_not_answer_is_a_502_counted_neither_as_forwarded_nor_as_a_scripted_fault() throws Exception {
        try (FaultyProxy nowhere = FaultyProxy.start(URI.create("http://127.0.0.1:" + Ports.free()))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(nowhere.endpoint().resolve("/v2/email/outbound-emails"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("InternalFailure");
            assertThat(nowhere.requests()).isEqualTo(1);
            assertThat(nowhere.forwarded()).isZero();
            assertThat(nowhere.faulted()).isZero();
        }
    }

    @Test
    void after_close_nothing_listens_on_its_port() {
        int port = proxy.endpoint().getPort();
        proxy.close();

        assertThat(Ports.accepts(port)).isFalse();
    }

    @Test
    void in_front_of_the_ses_emulator_a_forwarded_send_is_stored_and_a_faulted_one_is_not(Emulators emulators) throws Exception {
        try (FaultyProxy ses = FaultyProxy.start(emulators.sesEndpoint())) {
            String marker = UUID.randomUUID().toString();
            String email = "{\"FromEmailAddress\":\"bao-cao@example.edu.vn\","
                    + "\"Destination\":{\"ToAddresses\":[\"thpt@example.edu.vn\"]},"
                    + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"Nhắc nộp " + marker + "\",\"Charset\":\"UTF-8\"},"
                    + "\"Body\":{\"Text\":{\"Data\":\"Kính gửi\",\"Charset\":\"UTF-8\"}}}}}";
            ses.throttleNext(1);

            HttpResponse<String> throttled = Clients.send(sesRequest(ses, email));
            HttpResponse<String> sent = Clients.send(sesRequest(ses, email));

            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.body()).contains("MessageId");
            String store = Clients.get(ses.endpoint().resolve("/store")).body();
            assertThat(store.split(marker, -1)).hasSize(2);
            assertThat(store).contains("Nhắc nộp " + marker);
        }
    }

    private static HttpRequest sesRequest(FaultyProxy ses, String json) {
        return HttpRequest.newBuilder(ses.endpoint().resolve("/v2/email/outbound-emails"))
                .header("Content-Type", "application/json")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20250601/ap-southeast-1/ses/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private void awaitSeen(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (seen.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(proxy.endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
