package vn.haiphong.gddt.local;

import vn.haiphong.gddt.reports.Wiring;
import java.lang.reflect.Constructor;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.OutageProxy;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.app.OfficeCredentials;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitListChanges;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.DynamoDbOfficeTokens;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * The whole system on one machine: the emulators, the table, bucket and queues of template.yaml, every
 * function of template.yaml behind its routes, S3 events, topics and schedules (invoked asynchronously,
 * with Lambda's retries and OnFailure queue), the sample units, and {@code /_local/} to drive it all.
 */
public final class LocalSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSystem.class);
    private static final String DEFAULT_STACK_NAME = "hp-reports-local";
    static final String ACCOUNT_ID = "000000000000";
    private static final Duration UNIT_LINK_VALIDITY = Duration.ofDays(365);
    private static final Duration OFFICE_TOKEN_VALIDITY = Duration.ofDays(30);
    /** The template parameter that says where the trusted roots bundle is kept. */
    private static final String TRUSTED_ROOTS_PARAMETER = "TrustedRootsKey";
    /** The template parameter of the day the system starts collecting; locally 1 January of the clock's year by default. */
    static final String GO_LIVE_PARAMETER = "GoLiveDate";
    private static final String RUNNER_OFFICE_ACTOR = "van-phong-local";
    /** Whom the runner's office token is issued to, as the dashboard and the records show it. */
    private static final String RUNNER_OFFICE_NAME = "Văn phòng Sở — máy chạy thử";

    /**
     * @param stackName          names the bucket and table, as a stack would: two systems can share emulators
     * @param parameterOverrides template parameters, as {@code sam deploy --parameter-overrides} gives them
     * @param asyncRetryDelays   the waits before the retries of a failed asynchronous invocation, for
     *                           Lambda's one and two minutes ({@code --async-retry-delays}; 1 s and 2 s)
     * @param nodeModules        where the Node emulators are installed, for {@link #start(Options)}; null lets
     *                           the emulators look (see {@link EmulatorOptions#nodeModules()})
     * @param trustedRoots       a PEM bundle put, at start, where the TrustedRootsKey parameter says in the
     *                           submissions bucket ({@code --trusted-roots}); null puts nothing
     */
    public record Options(Path template, int port, Path dataDir, Instant clockStart, Path unitsCsv, String stackName,
                          Map<String, String> parameterOverrides, List<Duration> asyncRetryDelays, Path nodeModules,
                          Path trustedRoots) {
        public Options {
            stackName = stackName == null ? DEFAULT_STACK_NAME : stackName;
            parameterOverrides = parameterOverrides == null ? Map.of() : Map.copyOf(parameterOverrides);
            asyncRetryDelays = asyncRetryDelays == null ? AsyncInvocations.DEFAULT_RETRY_DELAYS : List.copyOf(asyncRetryDelays);
        }

        public Options(Path template, int port, Path dataDir, Instant clockStart, Path unitsCsv) {
            this(template, port, dataDir, clockStart, unitsCsv, null, null, null, null, null);
        }

        public Options withClock(Instant start) {
            return new Options(template, port, dataDir, start, unitsCsv, stackName, parameterOverrides, asyncRetryDelays,
                    nodeModules, trustedRoots);
        }

        public Options withStack(String name, Map<String, String> overrides) {
            return new Options(template, port, dataDir, clockStart, unitsCsv, name, overrides, asyncRetryDelays,
                    nodeModules, trustedRoots);
        }

        public Options withAsyncRetryDelays(List<Duration> delays) {
            return new Options(template, port, dataDir, clockStart, unitsCsv, stackName, parameterOverrides, delays,
                    nodeModules, trustedRoots);
        }

        public Options withNodeModules(Path dir) {
            return new Options(template, port, dataDir, clockStart, unitsCsv, stackName, parameterOverrides,
                    asyncRetryDelays, dir, trustedRoots);
        }

        public Options withTrustedRoots(Path pem) {
            return new Options(template, port, dataDir, clockStart, unitsCsv, stackName, parameterOverrides,
                    asyncRetryDelays, nodeModules, pem);
        }

        /** One more template parameter, as {@code --parameter-overrides Name=value} would give it. */
        public Options withParameter(String name, String value) {
            Map<String, String> overrides = new HashMap<>(parameterOverrides);
            overrides.put(name, value);
            return withStack(stackName, overrides);
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
    /** What this system started besides its HTTP server (proxies, clients, threads), in start order. */
    private final List<AutoCloseable> started;
    private final boolean ownsEmulators;
    private final Map<String, String> names;
    private final Map<String, String> queueUrls;
    private final Map<String, Map<String, String>> environments;
    private final ApiGateway api;
    private final OfficeCredentials credentials;
    private final OfficeCredentials.Issued office;
    /** The one table's name here, which the office token commands take as {@code --table}. */
    private final String table;
    private final BooleanSupplier busy;

    private LocalSystem(Emulators emulators, HttpServer server, ExecutorService requests, LocalClock clock, URI baseUrl,
                        CapabilityTokens tokens, List<SessionUnit> units, List<AutoCloseable> started,
                        boolean ownsEmulators, Map<String, String> names, Map<String, String> queueUrls,
                        Map<String, Map<String, String>> environments, ApiGateway api, OfficeCredentials credentials,
                        OfficeCredentials.Issued office, String table, BooleanSupplier busy) {
        this.table = table;
        this.busy = busy;
        this.api = api;
        this.credentials = credentials;
        this.office = office;
        this.ownsEmulators = ownsEmulators;
        this.names = names;
        this.queueUrls = queueUrls;
        this.environments = environments;
        this.emulators = emulators;
        this.server = server;
        this.requests = requests;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.units = units;
        this.started = started;
    }

    /** Starts the emulators too; they stop with the system. */
    public static LocalSystem start(Options options) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 512);
        Emulators emulators;
        try {
            emulators = Emulators.start(EmulatorOptions.builder()
                    .dataDir(options.dataDir() == null ? null : options.dataDir().resolve("emulators"))
                    .corsOrigins(origins(server))
                    .nodeModules(options.nodeModules())
                    .build());
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
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
        LocalClock clock = new LocalClock(options.clockStart());
        URI baseUrl = URI.create("http://localhost:" + server.getAddress().getPort());
        List<AutoCloseable> started = new ArrayList<>();
        // Everything that can fail is inside: the emulators were started for this system and must not outlive it.
        try {
            SamTemplate template = SamTemplate.read(options.template());
            options.parameterOverrides().keySet().stream().filter(p -> !template.parameters().containsKey(p)).findFirst()
                    .ifPresent(p -> {
                        throw new IllegalArgumentException("template.yaml has no parameter " + p);
                    });
            String tokenKeys = tokenKeys(options.dataDir());
            Map<String, String> pseudo = pseudoParameters(options.stackName(), emulators.region());
            Map<String, String> parameters = withGoLive(template, options.parameterOverrides(), clock.instant());
            Map<String, String> names = physicalNames(template, pseudo, parameters, options.stackName());
            Intrinsics intrinsics = new Intrinsics(template, pseudo, parameters, names::get);
            // The runner's own set-up goes straight to the emulators; the functions go through proxies that faults switch.
            AwsClients setUp = new AwsClients(new Env(awsEnvironment(emulators)));
            Set<String> newTables = createTables(template, setUp.dynamoDb(), names);
            createBuckets(template, setUp.s3(), names);
            if (options.trustedRoots() != null) {
                putTrustedRoots(options.trustedRoots(), template, intrinsics, setUp.s3(), names);
            }
            SqsClient sqs = sqsClient(emulators);
            started.add(sqs);
            Map<String, String> queueUrls = createQueues(template, sqs, names);
            Map<String, OutageProxy> proxies = LocalFaults.proxiesFor(emulators);
            started.add(() -> proxies.values().forEach(OutageProxy::close));
            Map<String, String> platform = platformEnvironment(emulators, proxies, tokenKeys);
            AsyncInvocations async = new AsyncInvocations(sqs, queueUrls, options.asyncRetryDelays(), clock, System.out);
            started.add(async);

            ApiGateway api = new ApiGateway(clock);
            Map<String, AsyncInvocations.Target> scheduled = new HashMap<>();
            Map<String, List<AsyncInvocations.Target>> subscribers = new HashMap<>();
            Map<String, Map<String, String>> environments = new HashMap<>();
            List<S3Notifications.Subscription> s3Subscriptions = new ArrayList<>();
            for (SamTemplate.Function fn : template.functions()) {
                Map<String, String> env = new LinkedHashMap<>(platform);
                fn.environment().forEach((name, value) -> env.put(name, intrinsics.resolve(value)));
                // As Lambda sets it (there the deployed name); the function's read threads are named after it.
                env.put("AWS_LAMBDA_FUNCTION_NAME", fn.logicalId());
                if (env.containsKey("PUBLIC_BASE_URL")) {
                    // In AWS it is the API's own URL; here the API is the runner.
                    env.put("PUBLIC_BASE_URL", baseUrl.toString());
                }
                if (env.containsKey("STORAGE_ORIGIN")) {
                    // In AWS it is the bucket's S3 origin; here the origin the functions presign for, the S3 proxy's.
                    env.put("STORAGE_ORIGIN", origin(URI.create(env.get("AWS_ENDPOINT_URL_S3"))));
                }
                environments.put(fn.logicalId(), Map.copyOf(env));
                RequestHandler<Object, Object> handler = instantiate(fn.handlerClass(), env, clock);
                LocalContext.timeout(fn.logicalId(), fn.timeoutSeconds());
                fn.routes().forEach(route -> api.add(route, fn.logicalId(), cast(handler)));
                AsyncInvocations.Target target = new AsyncInvocations.Target(fn.logicalId(), handler, fn.eventInvokeConfig(),
                        fn.reservedConcurrency());
                fn.s3Triggers().forEach(t -> s3Subscriptions.add(new S3Notifications.Subscription(
                        names.get(t.bucketLogicalId()), t.prefix(), target, S3Notifications.Route.S3_NOTIFICATION)));
                for (SamTemplate.ObjectCreatedRule rule : fn.objectCreatedRules()) {
                    String bucket = intrinsics.resolve(rule.bucketName());
                    if (sendsToEventBridge(template, names, bucket)) {
                        s3Subscriptions.add(new S3Notifications.Subscription(bucket, rule.prefix(), target,
                                S3Notifications.Route.EVENTBRIDGE));
                    } else {
                        // As in AWS: the rule is valid, and never matches.
                        LOG.warn("{}: no bucket of template.yaml named {} sends its events to EventBridge;"
                                + " its rule gets no Object Created event", fn.logicalId(), bucket);
                    }
                }
                if (fn.scheduled()) {
                    scheduled.put(fn.logicalId(), target);
                }
                fn.topics().forEach(t -> subscribers.computeIfAbsent(t, k -> new ArrayList<>()).add(target));
            }
            S3Notifications notifications = new S3Notifications(s3Subscriptions, async, clock, emulators.region(),
                    ACCOUNT_ID);
            started.add(emulators.onObjectCreated(notifications));
            Map<String, LocalControl.Topic> topics = new HashMap<>();
            subscribers.forEach((topic, functions) -> topics.put(topic, new LocalControl.Topic(
                    "arn:aws:sns:" + emulators.region() + ":" + ACCOUNT_ID + ":" + names.get(topic), functions)));
            LocalControl control = new LocalControl(scheduled, topics, async, clock,
                    new LocalFaults(proxies, notifications), emulators.region(), ACCOUNT_ID);

            CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse(tokenKeys));
            String table = names.get(tableOf(template));
            List<SessionUnit> seeded = seed(options.unitsCsv(), setUp.dynamoDb(), table, newTables.contains(table), tokens,
                    clock, baseUrl);
            DynamoDbClient register = setUp.dynamoDb();
            started.add(register);
            OfficeCredentials credentials = new OfficeCredentials(tokens, new DynamoDbOfficeTokens(register, table), clock);
            OfficeCredentials.Issued office = credentials.issue(Capability.ALL_REPORTS, RUNNER_OFFICE_ACTOR,
                    RUNNER_OFFICE_NAME, OFFICE_TOKEN_VALIDITY);

            ExecutorService requests = Executors.newFixedThreadPool(64);
            server.setExecutor(requests);
            server.createContext("/", exchange -> serve(exchange, control, api));
            server.start();
            return new LocalSystem(emulators, server, requests, clock, baseUrl, tokens, seeded, started,
                    ownsEmulators, names, queueUrls, environments, api, credentials, office, table,
                    () -> emulators.objectCreatedEventsPending() || async.running()
                            || proxies.values().stream().anyMatch(OutageProxy::holding));
        } catch (RuntimeException | IOException e) {
            closeInReverse(started);
            if (ownsEmulators) {
                emulators.close();
            }
            server.stop(0);
            throw e;
        }
    }

    /** The HttpApi's routes with their functions, to call in this JVM without a socket. */
    ApiGateway api() {
        return api;
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

    /** The office token issued (and recorded) when this system started: the one the session file gives. */
    public String officeToken() {
        return office.token();
    }

    /** What the session file holds: enough for a script or a test to drive the running system. */
    public Map<String, Object> session() {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("baseUrl", baseUrl.toString());
        session.put("officeToken", office.token());
        session.put("officeTokenId", office.record().tokenId());
        session.put("table", table);
        session.put("units", units);
        session.put("emulators", Map.of("s3", emulators.s3Endpoint().toString(),
                "dynamodb", emulators.dynamoDbEndpoint().toString(),
                "ses", emulators.sesEndpoint().toString(),
                "sesStore", emulators.sesStore().toString(),
                "sqs", emulators.sqsEndpoint().toString()));
        session.put("queues", new TreeMap<>(queueUrls));
        return session;
    }

    /**
     * Waits until everything set off so far has run its course: no stored object's event undelivered, no
     * asynchronous invocation running or waiting to retry, no request held by a slow fault. Then nothing
     * more can happen until someone calls the system again (events held by the {@code s3Events} fault
     * excepted: they wait for their release). This is how a test knows that a second e-mail will not come,
     * instead of waiting a while to see.
     *
     * @throws IllegalStateException when the system is still busy after {@code limit}
     */
    public void awaitQuiet(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (busy.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("still busy after " + limit);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the system to be quiet", e);
            }
        }
    }

    /** The URL of a queue of the template (an OnFailure destination) in the SQS emulator. */
    public String queueUrl(String logicalId) {
        return queueUrls.get(logicalId);
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        closeInReverse(started);
        if (ownsEmulators) {
            emulators.close();
        }
    }

    private static void closeInReverse(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resources.get(i), e);
            }
        }
    }

    /** The environment a function runs with here: its template variables resolved, plus the emulators'. */
    public Map<String, String> environmentOf(String functionLogicalId) {
        return environments.get(functionLogicalId);
    }

    /**
     * The same, but calling the emulators themselves rather than this system's outage proxies, which stop
     * with it: for a bench that builds a function's use case and goes on after the runner is closed.
     */
    public Map<String, String> environmentOnTheEmulators(String functionLogicalId) {
        Map<String, String> env = new LinkedHashMap<>(environments.get(functionLogicalId));
        env.putAll(awsEnvironment(emulators));
        return env;
    }

    /** The local name of a template resource: its BucketName, TableName or QueueName, or stack-logicalId. */
    public String physicalName(String logicalId) {
        return names.get(logicalId);
    }

    /** A new office token for one receiving department (or {@code *}), issued to {@code actor} and recorded. */
    public String officeToken(String scope, String actor) {
        return officeToken(scope, actor, actor).token();
    }

    /** The same, under the name people read, with its record (for revoking it). */
    public OfficeCredentials.Issued officeToken(String scope, String actor, String displayName) {
        return credentials.issue(scope, actor, displayName, OFFICE_TOKEN_VALIDITY);
    }

    /** A unit link as the Office would send it, with any expiry and version (for tests of old links). */
    public String unitToken(String unitId, int version, Instant expiresAt) {
        return tokens.mint(Capability.unit(unitId, version, expiresAt));
    }

    private static void serve(HttpExchange exchange, LocalControl control, ApiGateway api) throws IOException {
        try {
            if (!control.handle(exchange) && !api.handle(exchange)) {
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
     * The handler template.yaml names, built as every handler allows: from a Wiring of the function's
     * environment and the runner's clock (in Lambda, its no-argument constructor takes {@code Wiring.live()}).
     *
     * @throws InvocationTargetException's cause, unwrapped, when the handler refuses its environment
     */
    @SuppressWarnings("unchecked")
    static RequestHandler<Object, Object> instantiate(String className, Map<String, String> env, Clock clock) {
        Constructor<?> constructor;
        try {
            constructor = Class.forName(className).getConstructor(Wiring.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("template.yaml names handler " + className
                    + ", which needs a public (Wiring) constructor", e);
        }
        try {
            return (RequestHandler<Object, Object>) constructor.newInstance(new Wiring(new Env(env), clock));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> cast(RequestHandler<Object, Object> h) {
        return (RequestHandler) h;
    }

    /** What Lambda's environment says about AWS itself: region, credentials, and here the emulators' endpoints. */
    static Map<String, String> awsEnvironment(Emulators emulators) {
        return awsEnvironment(emulators, emulators.s3Endpoint(), emulators.dynamoDbEndpoint(), emulators.sesEndpoint());
    }

    private static Map<String, String> awsEnvironment(Emulators emulators, URI s3, URI dynamoDb, URI ses) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", emulators.region());
        env.put("AWS_ACCESS_KEY_ID", emulators.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", emulators.secretAccessKey());
        env.put("AWS_ENDPOINT_URL_S3", s3.toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
        env.put("AWS_ENDPOINT_URL_SESV2", ses.toString());
        return env;
    }

    /** The functions' environment: the services through this system's proxies, so that {@code /_local/faults} reaches them. */
    private static Map<String, String> platformEnvironment(Emulators emulators, Map<String, OutageProxy> proxies,
                                                           String tokenKeys) {
        Map<String, String> env = awsEnvironment(emulators, proxies.get(LocalFaults.S3).endpoint(),
                proxies.get(LocalFaults.DYNAMODB).endpoint(), proxies.get(LocalFaults.SES).endpoint());
        // In AWS the keys come from SSM Parameter Store; there is no SSM emulator, so locally they come in directly.
        env.put("TOKEN_KEYS", tokenKeys);
        return env;
    }

    /** The runner's own SQS client, for the queues (and the tests', to read them); the functions never call SQS. */
    static SqsClient sqsClient(Emulators emulators) {
        return SqsClient.builder()
                .endpointOverride(emulators.sqsEndpoint())
                .region(Region.of(emulators.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulators.accessKeyId(), emulators.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Map<String, String> pseudoParameters(String stackName, String region) {
        return Map.of("AWS::StackName", stackName, "AWS::AccountId", ACCOUNT_ID, "AWS::Region", region,
                "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com");
    }

    /**
     * The parameters the functions run with: go-live, which has no default in the template (only the Office
     * knows it), is 1 January of the business clock's year unless given, so that a fresh system owes
     * nothing from the years before it existed.
     */
    private static Map<String, String> withGoLive(SamTemplate template, Map<String, String> overrides, Instant now) {
        if (!template.parameters().containsKey(GO_LIVE_PARAMETER) || overrides.containsKey(GO_LIVE_PARAMETER)) {
            return overrides;
        }
        Map<String, String> parameters = new HashMap<>(overrides);
        parameters.put(GO_LIVE_PARAMETER, LocalDate.of(VietnamTime.dateOf(now).getYear(), 1, 1).toString());
        return Map.copyOf(parameters);
    }

    /** A resource's name: its explicit TableName/QueueName/BucketName when the template sets one, else stack-logicalId. */
    private static Map<String, String> physicalNames(SamTemplate template, Map<String, String> pseudo,
                                                     Map<String, String> parameters, String stackName) {
        Intrinsics bare = new Intrinsics(template, pseudo, parameters, id -> id);
        Map<String, String> names = new HashMap<>();
        for (String id : template.resources().keySet()) {
            Map<String, Object> props = template.properties(id);
            Object explicit = props.containsKey("TableName") ? props.get("TableName")
                    : props.containsKey("QueueName") ? props.get("QueueName") : props.get("BucketName");
            names.put(id, explicit == null ? stackName + "-" + id : bare.resolve(explicit));
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

    private static String bucketOf(SamTemplate template) {
        List<String> buckets = template.resourcesOfType("AWS::S3::Bucket");
        if (buckets.size() != 1) {
            throw new IllegalStateException("template.yaml should declare exactly one bucket, found " + buckets);
        }
        return buckets.get(0);
    }

    /** @return the names of the tables created now (the others were kept from the data directory) */
    private static Set<String> createTables(SamTemplate template, DynamoDbClient dynamo, Map<String, String> names) {
        Set<String> created = new HashSet<>();
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            try {
                dynamo.createTable(TableDefinition.from(template.properties(id), names.get(id)));
                created.add(names.get(id));
            } catch (ResourceInUseException existsFromEarlierRun) {
                LOG.info("table {} kept from the data directory", names.get(id));
            }
        }
        return created;
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

    private static boolean sendsToEventBridge(SamTemplate template, Map<String, String> names, String bucket) {
        return template.resourcesOfType("AWS::S3::Bucket").stream()
                .anyMatch(id -> names.get(id).equals(bucket) && template.sendsEventsToEventBridge(id));
    }

    /**
     * The Office's PEM bundle of trusted roots, under the TrustedRootsKey parameter's key (overridable like
     * any parameter) in the template's one bucket, where the inspect function reads it.
     */
    private static void putTrustedRoots(Path pem, SamTemplate template, Intrinsics intrinsics, S3Client s3,
                                        Map<String, String> names) throws IOException {
        byte[] bundle;
        try {
            bundle = Files.readAllBytes(pem);
        } catch (IOException e) {
            throw new Repository.Missing("Không đọc được tệp chứng thư gốc (" + pem.toAbsolutePath().normalize()
                    + ") / cannot read the trusted roots file (" + pem.toAbsolutePath().normalize() + "): " + e);
        }
        String key = intrinsics.resolve(Map.of("Ref", TRUSTED_ROOTS_PARAMETER));
        s3.putObject(r -> r.bucket(names.get(bucketOf(template))).key(key).contentType("application/x-pem-file"),
                RequestBody.fromBytes(bundle));
    }

    /**
     * Every queue of the template, each time afresh: the SQS emulator keeps nothing across restarts.
     * Attributes such as retention do not matter on a laptop and are not read.
     */
    private static Map<String, String> createQueues(SamTemplate template, SqsClient sqs, Map<String, String> names) {
        Map<String, String> urls = new HashMap<>();
        for (String id : template.resourcesOfType("AWS::SQS::Queue")) {
            urls.put(id, sqs.createQueue(r -> r.queueName(names.get(id))).queueUrl());
        }
        return Map.copyOf(urls);
    }

    /** @param newTable whether this runner created the table just now: nobody else has written to it */
    private static List<SessionUnit> seed(Path unitsCsv, DynamoDbClient dynamo, String table, boolean newTable,
                                          CapabilityTokens tokens, Clock clock, URI baseUrl) throws IOException {
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
        if (newTable) {
            directory.addToNewTable(changes.toWrite());
        } else {
            changes.toWrite().forEach(directory::upsert);
        }
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
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // Runners before this one wrote the file world-readable; the keys in it are the same secret.
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            String keys = newTokenKeys();
            writeOwnerOnly(file, keys);
            return keys;
        }
        return newTokenKeys();
    }

    /**
     * The keys sign every link and office token: the file is born 0600 (where the file system has POSIX
     * permissions) in a temporary name and moved into place, so it is never readable by others, nor half written.
     */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String newTokenKeys() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "local1:" + Base64.getEncoder().encodeToString(secret);
    }
}
