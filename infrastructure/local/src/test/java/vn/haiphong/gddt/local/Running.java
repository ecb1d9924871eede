package vn.haiphong.gddt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;

/**
 * A local system for a test: the real runner on the shared emulators, driven over HTTP the way
 * the page and a school's browser drive it.
 */
final class Running implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Lambda's retries of an asynchronous invocation, shortened further: the tests are not about the wait. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMillis(100), Duration.ofMillis(200));

    final LocalSystem system;
    final Emulators emulators;
    /**
     * The wall-clock second before this system started: every e-mail it sends is in the SES store from then on
     * (the store's {@code since} is in real time, whatever the business clock says).
     */
    private final Instant startedBefore;

    private Running(LocalSystem system, Emulators emulators, Instant startedBefore) {
        this.system = system;
        this.emulators = emulators;
        this.startedBefore = startedBefore;
    }

    /** A fresh stack (its own bucket and table) whose business clock starts at {@code clock}. */
    static Running start(Emulators emulators, Instant clock, Map<String, String> parameters) throws IOException {
        return start(emulators, options(clock, parameters, null, null));
    }

    /** A system started with these options, e.g. {@link #options} with one more. */
    static Running start(Emulators emulators, LocalSystem.Options options) throws IOException {
        Instant startedBefore = Instant.now().minusSeconds(1);
        return new Running(LocalSystem.startOn(emulators, options), emulators, startedBefore);
    }

    /**
     * A fresh stack's options: the sample units when {@code unitsCsv} is null, the tests' short retry
     * delays, and a system live since {@link #LIVE_SINCE} unless {@code parameters} name another
     * {@code GoLiveDate}: the tests' clocks run from 2025 to 2026 and look back a year.
     */
    static LocalSystem.Options options(Instant clock, Map<String, String> parameters, Path unitsCsv, Path dataDir) {
        Map<String, String> withGoLive = new java.util.HashMap<>(parameters);
        withGoLive.putIfAbsent(LocalSystem.GO_LIVE_PARAMETER, LIVE_SINCE);
        return asTheRunnerStarts(clock, withGoLive, unitsCsv, dataDir);
    }

    /** As {@code java -jar local-runner.jar} starts: go-live, unless given, 1 January of the clock's year. */
    static LocalSystem.Options asTheRunnerStarts(Instant clock, Map<String, String> parameters, Path unitsCsv, Path dataDir) {
        return new LocalSystem.Options(ROOT.resolve("template.yaml"), 0, dataDir, clock,
                unitsCsv == null ? ROOT.resolve("infrastructure/seed/units.csv") : unitsCsv)
                .withStack("t-" + UUID.randomUUID().toString().substring(0, 8), parameters)
                .withAsyncRetryDelays(RETRY_DELAYS);
    }

    /** The day the tests' systems went live, unless a test says otherwise. */
    static final String LIVE_SINCE = "2024-01-01";

    /** SDK clients on the same emulators, to look behind the API (the bucket, the table). */
    AwsClients aws() {
        return new AwsClients(new Env(LocalSystem.awsEnvironment(emulators)));
    }

    String bucket() {
        return system.physicalName("SubmissionsBucket");
    }

    List<String> objectKeys(String prefix) {
        try (var s3 = aws().s3()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket()).prefix(prefix)).contents().stream()
                    .map(o -> o.key()).toList();
        }
    }

    LocalSystem.SessionUnit unit(String category) {
        return system.units().stream().filter(u -> u.category().equals(category)).findFirst().orElseThrow();
    }

    List<LocalSystem.SessionUnit> units(Predicate<LocalSystem.SessionUnit> which) {
        return system.units().stream().filter(which).toList();
    }

    HttpResponse<String> me(String token) {
        return send(HttpRequest.newBuilder(system.baseUrl().resolve("/v1/me")).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> requestUpload(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.baseUrl().resolve("/v1/uploads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    HttpResponse<String> requestUpload(String token, String obligation, String fileName, String contentType, byte[] file) {
        return requestUpload(token, uploadBody(obligation, fileName, contentType, file.length, sha256(file)));
    }

    static String uploadBody(String obligation, String fileName, String contentType, long size, String sha256) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("obligation", obligation);
        body.put("fileName", fileName);
        body.put("contentType", contentType);
        body.put("size", size);
        body.put("sha256", sha256);
        return write(body);
    }

    /** The browser's PUT: exactly the URL and headers the grant names, and this body. */
    static HttpResponse<String> put(JsonNode grant, byte[] body) {
        return put(grant, body, Map.of());
    }

    static HttpResponse<String> put(JsonNode grant, byte[] body, Map<String, String> headerChanges) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(grant.get("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> headers = new LinkedHashMap<>();
        grant.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        headers.putAll(headerChanges);
        // java.net.http sets Content-Length itself, from the body.
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return send(request);
    }

    /** Uploads a file end to end; returns the submission id. */
    String upload(String token, String obligation, String fileName, String contentType, byte[] file) {
        HttpResponse<String> granted = requestUpload(token, obligation, fileName, contentType, file);
        if (granted.statusCode() != 201) {
            throw new AssertionError("upload refused: " + granted.body());
        }
        JsonNode grant = read(granted.body());
        HttpResponse<String> put = put(grant, file);
        if (put.statusCode() != 200) {
            throw new AssertionError("PUT refused: " + put.statusCode() + " " + put.body());
        }
        return grant.get("submissionId").asText();
    }

    /** The unit's submissions for an obligation, once {@code count} of them are recorded. */
    JsonNode awaitSubmissions(String token, String obligation, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode ob = obligation(token, obligation);
            if (ob.get("submissions").size() >= count || Instant.now().isAfter(deadline)) {
                return ob;
            }
            sleep(100);
        }
    }

    /** The submission as {@code /v1/me} shows it once the inspection has looked at it (a minute at most). */
    JsonNode awaitInspected(String token, String obligation, String submissionId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            for (JsonNode s : obligation(token, obligation).get("submissions")) {
                if (s.get("submissionId").asText().equals(submissionId) && s.at("/inspection/state").asText().equals("DONE")) {
                    return s;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not inspected within a minute: " + submissionId);
            }
            sleep(250);
        }
    }

    JsonNode obligation(String token, String obligation) {
        for (JsonNode ob : read(me(token).body()).get("obligations")) {
            if (ob.get("obligation").asText().equals(obligation)) {
                return ob;
            }
        }
        throw new AssertionError("no obligation " + obligation + " in /v1/me");
    }

    /**
     * The e-mails sent since this system started that mention {@code text}. Only those: the shared store
     * holds every class's e-mails, thousands by the end of a run, and reading them all at each poll was a
     * quarter of the tests' CPU.
     */
    List<JsonNode> emailsMentioning(String text) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : sesEmailsSince(startedBefore)) {
            if (email.toString().contains(text)) {
                found.add(email);
            }
        }
        return found;
    }

    List<JsonNode> awaitEmailsMentioning(String text, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        List<JsonNode> found = emailsMentioning(text);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            sleep(100);
            found = emailsMentioning(text);
        }
        return found;
    }

    static String sha256(byte[] bytes) {
        return Base64.getEncoder().encodeToString(digest(bytes));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf(String marker) {
        return SamplePdf.of(marker);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until everything the test set off has run its course ({@link LocalSystem#awaitQuiet}): after
     * it, an e-mail or a record that has not come will not come.
     */
    void awaitQuiet() {
        system.awaitQuiet(Duration.ofSeconds(30));
    }

    /**
     * Waits into the next whole second of real time: S3 keeps {@code LastModified} (a file's receipt
     * time) in whole seconds, so only then is what is stored next later than what was stored before.
     */
    static void untilTheNextSecond() {
        sleep(1_001 - Instant.now().toEpochMilli() % 1_000);
    }

    /**
     * Waits into the next whole second of business time: a status {@code asOf} is written in whole
     * seconds, so only then does an {@code asOf} of now count what was recorded before.
     */
    void untilTheNextBusinessSecond() {
        sleep(1_001 - system.clock().instant().toEpochMilli() % 1_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        system.close();
    }

    // The Office's side of the API (status, extensions, downloads), for StatusApiTest and its neighbours.

    /** {@code GET /v1/status} with these query parameters (each encoded), as the dashboard sends it. */
    HttpResponse<String> status(String token, Map<String, String> query) {
        return send(officeRequest("GET", "/v1/status" + queryString(query), token, null));
    }

    /** The same request, answered as bytes: for the CSV, whose byte order mark a String would hide. */
    HttpResponse<byte[]> statusBytes(String token, Map<String, String> query) {
        return sendForBytes(officeRequest("GET", "/v1/status" + queryString(query), token, null));
    }

    /** Any request to the API, with a bearer token when not null and a JSON body when not null. */
    HttpRequest.Builder officeRequest(String method, String pathAndQuery, String token, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + pathAndQuery))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        query.forEach((name, value) -> q.append(q.length() > 1 ? "&" : "")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return q.toString();
    }

    static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What one run of {@code import-units} printed and returned. */
    record Import(int exit, String out, String err) {
    }

    /** {@code import-units <csv>} on this system's table, on its business clock, with these flags (--apply, …). */
    Import importUnits(Path csv, String... flags) throws IOException {
        List<String> argv = new ArrayList<>(List.of(csv.toString(), "--table", system.physicalName("ReportsTable"),
                "--endpoint", emulators.dynamoDbEndpoint().toString(), "--region", emulators.region()));
        argv.addAll(List.of(flags));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportUnits.run(argv, system.clock(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Import(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    // Reminders (Reminder*Test): the scheduled sweep, SNS feedback, the SES store, and the sweep's
    // environment for building it directly (Wiring) on these emulators, e.g. behind a FaultyProxy.

    /**
     * Like {@link #start(Emulators, Instant, Map)}, with the test's own units CSV (null = the sample
     * units) and a data directory that keeps the token keys, so links minted outside the runner open on it.
     */
    static Running start(Emulators emulators, Instant clock, Map<String, String> parameters, Path unitsCsv, Path dataDir)
            throws IOException {
        return start(emulators, options(clock, parameters, unitsCsv, dataDir));
    }

    /** The token keys a system started with {@code dataDir} signs with. */
    static String tokenKeys(Path dataDir) {
        try {
            return java.nio.file.Files.readString(dataDir.resolve("token-keys")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /_local/schedules/<logicalId>}: runs a scheduled function now; {@code detailJson} may be null. */
    HttpResponse<String> runSchedule(String logicalId, String detailJson) {
        return send(HttpRequest.newBuilder(system.baseUrl().resolve("/_local/schedules/" + logicalId))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(detailJson == null ? "" : detailJson, StandardCharsets.UTF_8)));
    }

    /** Runs SendRemindersFunction as its schedule would (dry run when asked); fails unless it answers 200. */
    JsonNode sweep(boolean dryRun) {
        HttpResponse<String> answer = runSchedule("SendRemindersFunction", dryRun ? "{\"dryRun\":true}" : null);
        if (answer.statusCode() != 200) {
            throw new AssertionError("SendRemindersFunction answered " + answer.statusCode() + ": " + answer.body());
        }
        return read(answer.body());
    }

    /** {@code POST /_local/topics/<logicalId>}: publishes {@code message} to the topic's subscribers. */
    HttpResponse<String> publish(String topicLogicalId, String message) {
        return send(HttpRequest.newBuilder(system.baseUrl().resolve("/_local/topics/" + topicLogicalId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8)));
    }

    /** Every e-mail the SES emulator stored from {@code since} (real time, whole seconds) on, in sending order. */
    List<JsonNode> sesEmailsSince(Instant since) {
        HttpResponse<String> store = send(HttpRequest.newBuilder(
                URI.create(emulators.sesStore() + "?since=" + since.getEpochSecond())).GET());
        List<JsonNode> emails = new ArrayList<>();
        read(store.body()).get("emails").forEach(emails::add);
        return emails;
    }

    /**
     * The reminders and digests this system sent from {@code since} on: they alone carry its base URL
     * (the unit's link, the dashboard), which no other system on the shared emulators has at the same time.
     */
    List<JsonNode> reminderEmailsSince(Instant since) {
        String mine = system.baseUrl() + "/";
        return sesEmailsSince(since).stream()
                .filter(e -> e.at("/body/text").asText().contains(mine + "u/") || e.at("/body/text").asText().contains(mine + "office"))
                .toList();
    }

    /**
     * The environment template.yaml gives SendRemindersFunction, as the runner builds it, with SES at
     * {@code sesEndpoint} (a FaultyProxy, say): for {@code new Wiring(new Env(env), clock).reminders()}.
     */
    Map<String, String> reminderEnvironment(String tokenKeys, URI sesEndpoint, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(LocalSystem.awsEnvironment(emulators));
        env.put("AWS_ENDPOINT_URL_SESV2", sesEndpoint.toString());
        env.put("TOKEN_KEYS", tokenKeys);
        env.put("TABLE_NAME", system.physicalName("ReportsTable"));
        env.put("BUCKET_NAME", bucket());
        env.put("SENDER_ADDRESS", "bao-cao@example.edu.vn");
        env.put("RECEIVER_EMAILS", "TCCB=tccb@example.edu.vn;VP=van-phong@example.edu.vn");
        env.put("PUBLIC_BASE_URL", system.baseUrl().toString());
        env.put("REMINDER_SEND_RATE", "1000");
        env.putAll(overrides);
        return env;
    }

    // Faults (FaultsTest): /_local/faults, and the OnFailure queue the failed events land in.

    /** {@code POST /_local/faults} with this JSON body, e.g. {@code {"dynamodb": "down"}}. */
    HttpResponse<String> switchFaults(String json) {
        return send(HttpRequest.newBuilder(system.baseUrl().resolve("/_local/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** {@code GET /_local/faults}. */
    JsonNode faults() {
        return read(send(HttpRequest.newBuilder(system.baseUrl().resolve("/_local/faults")).GET()).body());
    }

    /**
     * The first invocation record in the template's queue {@code queueLogicalId} that mentions every one of
     * {@code texts} (an object key, a function), waiting up to 30 s; null if none came. Records are left in
     * the queue.
     */
    JsonNode awaitQueued(String queueLogicalId, String... texts) {
        String url = system.queueUrl(queueLogicalId);
        Instant deadline = Instant.now().plusSeconds(30);
        try (SqsClient sqs = LocalSystem.sqsClient(emulators)) {
            while (Instant.now().isBefore(deadline)) {
                // Visibility 0: what this test does not want stays there for the next.
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .visibilityTimeout(0).waitTimeSeconds(1)).messages()) {
                    if (java.util.Arrays.stream(texts).allMatch(message.body()::contains)) {
                        return read(message.body());
                    }
                }
            }
        }
        return null;
    }
}
