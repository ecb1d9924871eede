package vn.haiphong.gddt.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP proxy on a free loopback port in front of one emulator (the SES one, say), for tests
 * that must see AWS misbehave: it answers the next requests with the errors a test scripts, and
 * forwards everything else unchanged (method, path and query, headers, body) and returns the
 * emulator's answer.
 *
 * <p>Scripted faults queue up in the order they were asked for and each takes exactly one request,
 * whatever it is: {@code throttleNext(2).failNext(1)} answers the next two requests 429 and the third
 * 500. Rejected addresses stay rejected until {@link #clearFaults()}. The errors are the ones SES v2
 * answers (REST-JSON: the code in {@code x-amzn-ErrorType} and in the body's {@code __type}, the text
 * in {@code message}), so the AWS SDK raises the very exception it would against AWS:
 * <ul>
 *   <li>{@link #throttleNext}: 429 {@code TooManyRequestsException};</li>
 *   <li>{@link #failNext}: 500 {@code InternalServiceErrorException};</li>
 *   <li>{@link #delayNext}: the request is held for the given time, then forwarded (so the e-mail is
 *       sent even though a client with a shorter timeout has given up on it, as with a slow AWS);</li>
 *   <li>{@link #rejectAddress}: 400 {@code MessageRejected} (or {@code BadRequestException}) for every
 *       request whose body names that address, checked after the queued faults.</li>
 * </ul>
 * The {@code Host} header is the proxy's own (HTTP clients set it); dynalite and aws-ses-v2-local do not
 * check signatures, so signed requests still pass. S3Proxy does: put an {@link OutageProxy} in front of it.
 */
public final class FaultyProxy implements AutoCloseable {
    /** The error SES answers for an address it will not send to. */
    public enum Rejection {
        MESSAGE_REJECTED("MessageRejected"), BAD_REQUEST("BadRequestException");

        private final String code;

        Rejection(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaultyProxy.class);
    /** Hop-by-hop, or set by the HTTP client itself: never copied. */
    private static final Set<String> NOT_COPIED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private sealed interface Fault permits Throttle, Fail, Delay {
    }

    private record Throttle() implements Fault {
    }

    private record Fail() implements Fault {
    }

    private record Delay(Duration duration) implements Fault {
    }

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final Map<String, Rejection> rejected = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();

    private FaultyProxy(URI target, HttpServer server, ExecutorService threads) {
        this.target = target;
        this.server = server;
        this.threads = threads;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts a proxy to {@code target} (scheme, host and port; its path is ignored) on a free 127.0.0.1 port. */
    public static FaultyProxy start(URI target) {
        Objects.requireNonNull(target, "target");
        if (target.getScheme() == null || target.getHost() == null) {
            throw new IllegalArgumentException("target must be an absolute http URI: " + target);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(Ports.HOST), 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException("the proxy cannot listen on " + Ports.HOST, e);
        }
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-proxy");
            t.setDaemon(true);
            return t;
        });
        FaultyProxy proxy = new FaultyProxy(target, server, threads);
        server.setExecutor(threads);
        server.createContext("/", proxy::handle);
        server.start();
        return proxy;
    }

    /** Where clients should send their requests instead of the target: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://" + Ports.HOST + ":" + server.getAddress().getPort());
    }

    public URI target() {
        return target;
    }

    /** The next {@code n} requests get 429 TooManyRequestsException. */
    public FaultyProxy throttleNext(int n) {
        return queue(n, new Throttle());
    }

    /** The next {@code n} requests get 500 InternalServiceErrorException. */
    public FaultyProxy failNext(int n) {
        return queue(n, new Fail());
    }

    /** The next {@code n} requests are held for {@code duration}, then forwarded. */
    public FaultyProxy delayNext(int n, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative delay " + duration);
        }
        return queue(n, new Delay(duration));
    }

    /** Every request whose body names {@code email} (any case) gets 400 MessageRejected. */
    public FaultyProxy rejectAddress(String email) {
        return rejectAddress(email, Rejection.MESSAGE_REJECTED);
    }

    public FaultyProxy rejectAddress(String email, Rejection how) {
        Objects.requireNonNull(how, "how");
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("no address to reject");
        }
        rejected.put(email.strip().toLowerCase(Locale.ROOT), how);
        return this;
    }

    /** Forgets the faults not yet used and the rejected addresses: everything is forwarded again. */
    public FaultyProxy clearFaults() {
        faults.clear();
        rejected.clear();
        return this;
    }

    /** Queued faults not yet used. */
    public int pendingFaults() {
        return faults.size();
    }

    /** Every request received so far, faulted or forwarded. */
    public int requests() {
        return requests.get();
    }

    /** Requests passed on to the target and answered by it (delayed ones included, once sent). */
    public int forwarded() {
        return forwarded.get();
    }

    /** Requests answered with an error by the proxy itself (throttled, failed, rejected). */
    public int faulted() {
        return faulted.get();
    }

    private FaultyProxy queue(int n, Fault fault) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        for (int i = 0; i < n; i++) {
            faults.add(fault);
        }
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            Fault fault = faults.poll();
            if (fault instanceof Throttle) {
                error(exchange, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");
                return;
            }
            if (fault instanceof Fail) {
                error(exchange, 500, "InternalServiceErrorException", "The request couldn't be processed (injected by FaultyProxy).");
                return;
            }
            if (fault instanceof Delay delay) {
                try {
                    Thread.sleep(delay.duration().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String text = new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Rejection> r : rejected.entrySet()) {
                if (text.contains("\"" + r.getKey() + "\"")) {
                    error(exchange, 400, r.getValue().code(), "Email address is not verified. The following identities"
                            + " failed the check in region AP-SOUTHEAST-1: " + r.getKey());
                    return;
                }
            }
            forward(exchange, body);
        } catch (IOException clientGone) {
            // A client that timed out closed its connection: nobody is left to answer.
            LOG.debug("could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), clientGone.toString());
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI incoming = exchange.getRequestURI();
        String pathAndQuery = incoming.getRawPath() + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.getScheme() + "://"
                        + target.getRawAuthority() + pathAndQuery))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> {
                    try {
                        request.header(name, v);
                    } catch (IllegalArgumentException restrictedByTheClient) {
                        LOG.debug("header {} not forwarded: {}", name, restrictedByTheClient.getMessage());
                    }
                });
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException unreachable) {
            answerError(exchange, 502, "InternalFailure", "FaultyProxy could not reach " + target + ": " + unreachable);
            return;
        }
        forwarded.incrementAndGet();
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        respond(exchange, answer.statusCode(), answer.body());
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        faulted.incrementAndGet();
        answerError(exchange, status, code, message);
    }

    private static void answerError(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        String json = "{\"__type\":\"" + code + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        respond(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops listening at once; requests still held by a delay are dropped. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultyProxy[" + endpoint() + " -> " + target + "]";
    }
}
