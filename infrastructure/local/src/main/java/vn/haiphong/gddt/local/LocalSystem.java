package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.ObjectCreated;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitListChanges;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * The whole system on one machine: the emulators, the table and bucket of template.yaml, every
 * function of template.yaml behind its routes, S3 events and schedules, and the sample units.
 */
public final class LocalSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSystem.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String DEFAULT_STACK_NAME = "hp-reports-local";
    private static final String ACCOUNT_ID = "000000000000";
    private static final Duration UNIT_LINK_VALIDITY = Duration.ofDays(365);
    private static final Duration OFFICE_TOKEN_VALIDITY = Duration.ofDays(30);

    /**
     * @param stackName          names the bucket and table, as a stack would: two systems can share emulators
     * @param parameterOverrides template parameters, as {@code sam deploy --parameter-overrides} gives them
     */
    public record Options(Path template, int port, Path dataDir, Instant clockStart, Path unitsCsv, String stackName,
                          Map<String, String> parameterOverrides) {
        public Options {
            stackName = stackName == null ? DEFAULT_STACK_NAME : stackName;
            parameterOverrides = parameterOverrides == null ? Map.of() : Map.copyOf(parameterOverrides);
        }

        public Options(Path template, int port, Path dataDir, Instant clockStart, Path unitsCsv) {
            this(template, port, dataDir, clockStart, unitsCsv, null, null);
        }

        public Options withClock(Instant start) {
            return new Options(template, port, dataDir, start, unitsCsv, stackName, parameterOverrides);
        }

        public Options withStack(String name, Map<String, String> overrides) {
            return new Options(template, port, dataDir, clockStart, unitsCsv, name, overrides);
        }
    }

    public record SessionUnit(String unit, String name, String category, List<String> emails, String token, String link) {
    }

    private final Emulators emulators;
    private final HttpServer server;
    private final ExecutorService requests;
    private final LocalClock clock;
    private final URI baseUrl;
    private final CapabilityTokens tokens;
    private final List<SessionUnit> units;
    private final AutoCloseable s3Subscription;
    private final boolean ownsEmulators;
    private final Map<String, String> names;
    private final Map<String, Map<String, String>> environments;

    private LocalSystem(Emulators emulators, HttpServer server, ExecutorService requests, LocalClock clock, URI baseUrl,
                        CapabilityTokens tokens, List<SessionUnit> units, AutoCloseable s3Subscription,
                        boolean ownsEmulators, Map<String, String> names, Map<String, Map<String, String>> environments) {
        this.ownsEmulators = ownsEmulators;
        this.names = names;
        this.environments = environments;
        this.emulators = emulators;
        this.server = server;
        this.requests = requests;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.units = units;
        this.s3Subscription = s3Subscription;
    }

    /** Starts the emulators too; they stop with the system. */
    public static LocalSystem start(Options options) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 512);
        Emulators emulators = Emulators.start(EmulatorOptions.builder()
                .dataDir(options.dataDir() == null ? null : options.dataDir().resolve("emulators"))
                .corsOrigins(origins(server))
                .build());
        return start(options, server, emulators, true);
    }

    /** Runs on emulators someone else started and stops (a test's shared stack). */
    public static LocalSystem startOn(Emulators emulators, Options options) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 512);
        return start(options, server, emulators, false);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The page's origins, the only ones S3 CORS lets in (the AllowedOrigin parameter, locally). */
    public static List<String> origins(HttpServer server) {
        int port = server.getAddress().getPort();
        return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
    }

    private static LocalSystem start(Options options, HttpServer server, Emulators emulators, boolean ownsEmulators)
            throws IOException {
        SamTemplate template = SamTemplate.read(options.template());
        options.parameterOverrides().keySet().stream().filter(p -> !template.parameters().containsKey(p)).findFirst()
                .ifPresent(p -> {
                    throw new IllegalArgumentException("template.yaml has no parameter " + p);
                });
        LocalClock clock = new LocalClock(options.clockStart());
        URI baseUrl = URI.create("http://localhost:" + server.getAddress().getPort());
        try {
            String tokenKeys = tokenKeys(options.dataDir());
            Map<String, String> pseudo = pseudoParameters(options.stackName(), emulators.region());
            Map<String, String> names = physicalNames(template, pseudo, options);
            Intrinsics intrinsics = new Intrinsics(template, pseudo, options.parameterOverrides(), names::get);
            Map<String, String> platform = platformEnvironment(emulators, tokenKeys);
            AwsClients aws = new AwsClients(new Env(platform));
            createTables(template, aws.dynamoDb(), names);
            createBuckets(template, aws.s3(), names);

            ApiGateway api = new ApiGateway(clock);
            Map<String, RequestHandler<Object, Object>> scheduled = new HashMap<>();
            Map<String, List<Map.Entry<String, RequestHandler<Object, Object>>>> topics = new HashMap<>();
            Map<String, Map<String, String>> environments = new HashMap<>();
            List<S3Subscriber> s3Subscribers = new ArrayList<>();
            for (SamTemplate.Function fn : template.functions()) {
                Map<String, String> env = new LinkedHashMap<>(platform);
                fn.environment().forEach((name, value) -> env.put(name, intrinsics.resolve(value)));
                if (env.containsKey("PUBLIC_BASE_URL")) {
                    // In AWS it is the API's own URL; here the API is the runner.
                    env.put("PUBLIC_BASE_URL", baseUrl.toString());
                }
                if (env.containsKey("STORAGE_ORIGIN")) {
                    // In AWS it is the bucket's S3 origin; here the emulator's.
                    env.put("STORAGE_ORIGIN", origin(emulators.s3Endpoint()));
                }
                environments.put(fn.logicalId(), Map.copyOf(env));
                RequestHandler<Object, Object> handler = instantiate(fn.handlerClass(), env, clock);
                LocalContext.timeout(fn.logicalId(), fn.timeoutSeconds());
                fn.routes().forEach(route -> api.add(route, fn.logicalId(), cast(handler)));
                fn.s3Triggers().forEach(t -> s3Subscribers.add(new S3Subscriber(fn.logicalId(), names.get(t.bucketLogicalId()),
                        t.prefix(), handler)));
                if (fn.scheduled()) {
                    scheduled.put(fn.logicalId(), handler);
                }
                fn.topics().forEach(t -> topics.computeIfAbsent(t, k -> new ArrayList<>()).add(Map.entry(fn.logicalId(), handler)));
            }
            AutoCloseable subscription = emulators.onObjectCreated(created -> deliver(created, s3Subscribers, clock, emulators.region()));

            CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse(tokenKeys));
            List<SessionUnit> seeded = seed(options.unitsCsv(), aws.dynamoDb(), names.get(tableOf(template)), tokens, clock, baseUrl);

            ExecutorService requests = Executors.newFixedThreadPool(64);
            server.setExecutor(requests);
            server.createContext("/", exchange -> serve(exchange, api, scheduled, topics, clock));
            server.start();
            return new LocalSystem(emulators, server, requests, clock, baseUrl, tokens, seeded, subscription,
                    ownsEmulators, names, environments);
        } catch (RuntimeException | IOException e) {
            if (ownsEmulators) {
                emulators.close();
            }
            server.stop(0);
            throw e;
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Emulators emulators() {
        return emulators;
    }

    public Clock clock() {
        return clock;
    }

    /** Moves business time (it runs on from there), as {@code POST /_local/clock} does. */
    public void moveClockTo(Instant now) {
        clock.moveTo(now);
    }

    public List<SessionUnit> units() {
        return units;
    }

    public String officeToken() {
        return tokens.mint(Capability.office(Capability.ALL_REPORTS, "van-phong-local", clock.instant().plus(OFFICE_TOKEN_VALIDITY)));
    }

    /** What the session file holds: enough for a script or a test to drive the running system. */
    public Map<String, Object> session() {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("baseUrl", baseUrl.toString());
        session.put("officeToken", officeToken());
        session.put("units", units);
        session.put("emulators", Map.of("s3", emulators.s3Endpoint().toString(),
                "dynamodb", emulators.dynamoDbEndpoint().toString(),
                "ses", emulators.sesEndpoint().toString(),
                "sesStore", emulators.sesStore().toString()));
        return session;
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        try {
            s3Subscription.close();
        } catch (Exception e) {
            LOG.warn("closing the S3 event subscription failed", e);
        }
        if (ownsEmulators) {
            emulators.close();
        }
    }

    /** The environment a function runs with here: its template variables resolved, plus the emulators'. */
    public Map<String, String> environmentOf(String functionLogicalId) {
        return environments.get(functionLogicalId);
    }

    /** The local name of a template resource: its BucketName or TableName, or stack-logicalId. */
    public String physicalName(String logicalId) {
        return names.get(logicalId);
    }

    /** An office token for one receiving department (or {@code *}), as issued to {@code actor}. */
    public String officeToken(String scope, String actor) {
        return tokens.mint(Capability.office(scope, actor, clock.instant().plus(OFFICE_TOKEN_VALIDITY)));
    }

    /** A unit link as the Office would send it, with any expiry and version (for tests of old links). */
    public String unitToken(String unitId, int version, Instant expiresAt) {
        return tokens.mint(Capability.unit(unitId, version, expiresAt));
    }

    private record S3Subscriber(String functionName, String bucket, String prefix, RequestHandler<Object, Object> handler) {
    }

    /** Like Lambda's asynchronous invocation: on failure, two more tries. */
    private static void deliver(ObjectCreated created, List<S3Subscriber> subscribers, LocalClock clock, String region) {
        // The business time when S3 stored it, not now: delivery may come after a move of the clock.
        Instant businessTime = clock.toBusinessTime(created.eventTime());
        for (S3Subscriber s : subscribers) {
            if (!s.bucket().equals(created.bucket()) || !created.key().startsWith(s.prefix())) {
                continue;
            }
            S3Event event = s3Event(created, businessTime, region);
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    s.handler().handleRequest(event, LocalContext.of(s.functionName()));
                    break;
                } catch (RuntimeException e) {
                    LOG.warn("{} failed on attempt {} of 3: {}", s.functionName(), attempt, e.toString());
                    sleep(Duration.ofMillis(200L * attempt));
                }
            }
        }
    }

    private static S3Event s3Event(ObjectCreated created, Instant at, String region) {
        var identity = new S3EventNotification.UserIdentityEntity("local");
        var bucket = new S3EventNotification.S3BucketEntity(created.bucket(), identity, "arn:aws:s3:::" + created.bucket());
        var object = new S3EventNotification.S3ObjectEntity(
                java.net.URLEncoder.encode(created.key(), StandardCharsets.UTF_8).replace("%2F", "/"),
                created.size(), created.eTag(), null, Long.toHexString(at.toEpochMilli()));
        var record = new S3EventNotification.S3EventNotificationRecord(region, "ObjectCreated:Put", "aws:s3",
                at.toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("local", "local"),
                new S3EventNotification.S3Entity("local", bucket, object, "1.0"), identity);
        return new S3Event(List.of(record));
    }

    private static void serve(HttpExchange exchange, ApiGateway api, Map<String, RequestHandler<Object, Object>> scheduled,
                              Map<String, List<Map.Entry<String, RequestHandler<Object, Object>>>> topics,
                              LocalClock clock) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            if (post && path.startsWith("/_local/")) {
                local(exchange, path.substring("/_local/".length()), scheduled, topics, clock);
            } else if (!api.handle(exchange)) {
                ApiGateway.send(exchange, 404, Map.of("content-type", "application/problem+json; charset=utf-8"),
                        "{\"type\":\"urn:hp-reports:problem:not-found\",\"title\":\"NOT_FOUND\",\"status\":404,"
                                + "\"code\":\"not-found\",\"detail\":\"Không tìm thấy địa chỉ này.\"}");
            }
        } catch (RuntimeException e) {
            // A handler that throws is a 500 from API Gateway too; the runner keeps serving.
            LOG.error("request failed", e);
            ApiGateway.send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    /**
     * What AWS does on its own, on request: {@code schedules/<LogicalId>} runs a scheduled function now
     * (a JSON body becomes the event's detail), {@code topics/<LogicalId>} publishes the body to an SNS
     * topic's subscribers, {@code clock} moves business time to {@code {"now": "<instant>"}}.
     */
    @SuppressWarnings("unchecked")
    private static void local(HttpExchange exchange, String what, Map<String, RequestHandler<Object, Object>> scheduled,
                              Map<String, List<Map.Entry<String, RequestHandler<Object, Object>>>> topics,
                              LocalClock clock) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> json = Map.of("content-type", "application/json; charset=utf-8");
        if (what.equals("clock")) {
            clock.moveTo(LocalRunner.parseInstant(String.valueOf(JSON.readValue(body, Map.class).get("now"))));
            ApiGateway.send(exchange, 200, json, "{\"now\":\"" + clock.instant() + "\"}");
        } else if (what.startsWith("schedules/") && scheduled.containsKey(what.substring("schedules/".length()))) {
            String id = what.substring("schedules/".length());
            Map<String, Object> detail = body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
            Object result = scheduled.get(id).handleRequest(new ScheduledEvent().withTime(new DateTime(clock.millis()))
                    .withDetailType("Scheduled Event").withSource("aws.scheduler").withDetail(detail), LocalContext.of(id));
            String text = String.valueOf(result);
            ApiGateway.send(exchange, 200, text.startsWith("{") ? json : Map.of("content-type", "text/plain; charset=utf-8"), text);
        } else if (what.startsWith("topics/") && topics.containsKey(what.substring("topics/".length()))) {
            SNSEvent event = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withEventSource("aws:sns")
                    .withSns(new SNSEvent.SNS().withMessage(body).withMessageId(java.util.UUID.randomUUID().toString())
                            .withTimestamp(new DateTime(clock.millis())))));
            for (Map.Entry<String, RequestHandler<Object, Object>> subscriber : topics.get(what.substring("topics/".length()))) {
                subscriber.getValue().handleRequest(event, LocalContext.of(subscriber.getKey()));
            }
            ApiGateway.send(exchange, 200, json, "{\"delivered\":true}");
        } else {
            ApiGateway.send(exchange, 404, json, "{\"message\":\"nothing local at " + what.replaceAll("[^A-Za-z0-9/]", "") + "\"}");
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> instantiate(String className, Map<String, String> env, Clock clock) {
        try {
            return (RequestHandler<Object, Object>) Class.forName(className).getConstructor(Map.class, Clock.class)
                    .newInstance(env, clock);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template.yaml names handler " + className
                    + ", which needs a public (Map<String,String> env, Clock clock) constructor", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> cast(RequestHandler<Object, Object> h) {
        return (RequestHandler) h;
    }

    /** What Lambda's environment says about AWS itself: region, credentials, and here the emulators' endpoints. */
    static Map<String, String> awsEnvironment(Emulators emulators) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", emulators.region());
        env.put("AWS_ACCESS_KEY_ID", emulators.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", emulators.secretAccessKey());
        env.put("AWS_ENDPOINT_URL_S3", emulators.s3Endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SESV2", emulators.sesEndpoint().toString());
        return env;
    }

    private static Map<String, String> platformEnvironment(Emulators emulators, String tokenKeys) {
        Map<String, String> env = awsEnvironment(emulators);
        // In AWS the keys come from SSM Parameter Store; there is no SSM emulator, so locally they come in directly.
        env.put("TOKEN_KEYS", tokenKeys);
        return env;
    }

    private static Map<String, String> pseudoParameters(String stackName, String region) {
        return Map.of("AWS::StackName", stackName, "AWS::AccountId", ACCOUNT_ID, "AWS::Region", region,
                "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com");
    }

    /** A resource's name: its explicit TableName/BucketName when the template sets one, else stack-logicalId. */
    private static Map<String, String> physicalNames(SamTemplate template, Map<String, String> pseudo, Options options) {
        Intrinsics bare = new Intrinsics(template, pseudo, options.parameterOverrides(), id -> id);
        Map<String, String> names = new HashMap<>();
        for (String id : template.resources().keySet()) {
            Map<String, Object> props = template.properties(id);
            Object explicit = props.containsKey("TableName") ? props.get("TableName") : props.get("BucketName");
            names.put(id, explicit == null ? options.stackName() + "-" + id : bare.resolve(explicit));
        }
        return names;
    }

    private static String tableOf(SamTemplate template) {
        List<String> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        if (tables.size() != 1) {
            throw new IllegalStateException("template.yaml should declare exactly one table, found " + tables);
        }
        return tables.get(0);
    }

    private static void createTables(SamTemplate template, DynamoDbClient dynamo, Map<String, String> names) {
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            try {
                dynamo.createTable(TableDefinition.from(template.properties(id), names.get(id)));
            } catch (ResourceInUseException existsFromEarlierRun) {
                LOG.info("table {} kept from the data directory", names.get(id));
            }
        }
    }

    private static void createBuckets(SamTemplate template, S3Client s3, Map<String, String> names) {
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            try {
                s3.createBucket(r -> r.bucket(names.get(id)));
            } catch (BucketAlreadyOwnedByYouException existsFromEarlierRun) {
                LOG.info("bucket {} kept from the data directory", names.get(id));
            }
        }
    }

    private static List<SessionUnit> seed(Path unitsCsv, DynamoDbClient dynamo, String table, CapabilityTokens tokens,
                                          Clock clock, URI baseUrl) throws IOException {
        UnitCsv.Result parsed = UnitCsv.parse(Files.readAllBytes(unitsCsv));
        if (!parsed.valid()) {
            throw new IllegalStateException(unitsCsv + ":\n" + String.join("\n", parsed.errors()));
        }
        DynamoDbUnitDirectory directory = new DynamoDbUnitDirectory(dynamo, table);
        // The same plan as import-units without --close-missing: a table kept in --data keeps its closed units.
        UnitListChanges changes = UnitListChanges.between(directory.all(), parsed.units(), parsed.fields(),
                VietnamTime.dateOf(clock.instant()), false);
        if (!changes.valid()) {
            throw new IllegalStateException(unitsCsv + ":\n" + String.join("\n", changes.errors()));
        }
        changes.toWrite().forEach(directory::upsert);
        Instant expires = clock.instant().plus(UNIT_LINK_VALIDITY);
        List<SessionUnit> units = new ArrayList<>();
        for (Unit unit : directory.all()) {
            String token = tokens.mint(Capability.unit(unit.id(), unit.tokenVersion(), expires));
            units.add(new SessionUnit(unit.id(), unit.name(), unit.category().name(), unit.emails(), token,
                    baseUrl + "/u/" + token));
        }
        return List.copyOf(units);
    }

    /** Random keys per run; with --data they are kept, so links printed earlier still open after a restart. */
    private static String tokenKeys(Path dataDir) throws IOException {
        if (dataDir != null) {
            Path file = dataDir.resolve("token-keys");
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            String keys = newTokenKeys();
            Files.writeString(file, keys);
            return keys;
        }
        return newTokenKeys();
    }

    private static String newTokenKeys() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "local1:" + Base64.getEncoder().encodeToString(secret);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
