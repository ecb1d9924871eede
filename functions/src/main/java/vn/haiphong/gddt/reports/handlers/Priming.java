package vn.haiphong.gddt.reports.handlers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.JsonIn;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.StatusCsv;
import vn.haiphong.gddt.reports.app.StatusDocument;
import vn.haiphong.gddt.reports.app.StatusQuery;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * SnapStart priming: before Lambda snapshots an initialised function version, run once what every
 * request runs the first time (class loading, Jackson's serialisers, the SDK's marshallers, signers and
 * endpoint rules, the catalog and status code), so that restored environments start warm.
 *
 * <p>Nothing leaves the JVM: the SDK clients here are built for priming only, on an in-memory HTTP client
 * that answers every request itself, with fixed dummy credentials, so no credentials are resolved, nothing
 * is read from or written to DynamoDB, S3 or SES, and no log line pretends a request was served. The
 * function's own clients are untouched.
 *
 * <p>Registered by each handler's no-arg constructor (Lambda's); the local runner and the tests use the
 * other constructor and never register. Outside SnapStart, registering does nothing.
 */
public final class Priming implements Resource {
    private static final String REGION_FALLBACK = "ap-southeast-1";
    /** CRaC contexts hold resources weakly: this reference keeps the hook alive until the checkpoint. */
    static final Priming INSTANCE = new Priming();
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private Priming() {
    }

    /** Registers the hook once per JVM. */
    public static void register() {
        if (REGISTERED.compareAndSet(false, true)) {
            Core.getGlobalContext().register(INSTANCE);
        }
    }

    /**
     * A failed priming costs latency, not correctness: it is logged and the snapshot is still taken, so a
     * mistake here can never block a deployment.
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime(Region.of(Env.system().optional("AWS_REGION").orElse(REGION_FALLBACK)), new InMemoryHttp());
        } catch (RuntimeException e) {
            Log.error(null, "priming-failed", Map.of(), e);
        }
    }

    /**
     * Nothing to renew. The token keys read from SSM at init stay valid (a rotation publishes new versions,
     * see README, Deploying); the SecureRandom instances that make ids read fresh entropy from the operating
     * system on every call (NativePRNG); credentials come from the default chain, which refreshes the
     * container credentials Lambda gives a restored environment.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // see above
    }

    /** @return the requests the SDK clients sent to {@code http}, which never reach a network */
    static List<String> prime(Region region, InMemoryHttp http) {
        primeDomainAndJson();
        primeSdk(region, http);
        return http.requests();
    }

    /** The catalog, every obligation's status over no units, the status document as JSON and CSV, a token. */
    private static void primeDomainAndJson() {
        Catalog catalog = CatalogFile.bundled(Wiring.catalogSettings(new Env(Map.of())));
        Instant now = Instant.now();
        int year = VietnamTime.dateOf(now).getYear();
        List<ObligationStatus> statuses = new ArrayList<>();
        catalog.obligationsOf(year).forEach(o -> statuses.add(ObligationStatus.of(o, List.of(), List.of(), List.of(), now)));
        StatusDocument document = StatusDocument.of(new StatusQuery.Result(now, now, statuses, Set.of(), Optional.empty(), Optional.empty()));
        String json = Json.write(document);
        StatusCsv.of(document);
        if (JsonIn.object(JsonIn.parse(json)) == null) {
            throw new IllegalStateException("the status document did not read back as an object");
        }
        // A request body, read as the handlers read one.
        Map<String, Object> body = JsonIn.object(JsonIn.parse("{\"until\": \"2025-06-20\", \"reason\": \"Ưu tiên\"}"));
        Json.onlyFields(body, Set.of("until", "reason"));
        Json.text(body, "reason");
        // A throwaway all-zero key: priming warms HMAC, it signs nothing anyone will see.
        CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse("priming:" + Base64.getEncoder().encodeToString(new byte[32])));
        tokens.verify(tokens.mint(Capability.unit("priming", 1, now.plus(Duration.ofMinutes(1)))), now);
    }

    /** The calls the handlers make, marshalled, signed and answered in memory. */
    private static void primeSdk(Region region, InMemoryHttp http) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "priming"));
        String table = "priming";
        String bucket = "priming-bucket";
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http).build();
             S3Client s3 = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(http).build();
             SesV2Client ses = SesV2Client.builder().region(region).credentialsProvider(credentials).httpClient(http).build();
             S3Presigner presigner = S3Presigner.builder().region(region).credentialsProvider(credentials).build()) {
            Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("UNIT#priming"), "SK", AttributeValue.fromS("UNIT"));
            dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true));
            dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("OBL#priming"), ":sk", AttributeValue.fromS("UNIT#"))));
            dynamo.putItem(r -> r.tableName(table).item(key).conditionExpression("attribute_not_exists(PK)"));
            dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression("SET #s = :s")
                    .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS("x"))));

            s3.getObjectAsBytes(r -> r.bucket(bucket).key("submissions/priming").range("bytes=0-7"));
            s3.putObject(r -> r.bucket(bucket).key("status/priming.json").contentType("application/json"),
                    RequestBody.fromString("{}", StandardCharsets.UTF_8));
            presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(15)).putObjectRequest(r -> r
                    .bucket(bucket).key("submissions/priming/bao-cao.pdf").contentType("application/pdf").contentLength(1L)
                    .checksumSHA256(Base64.getEncoder().encodeToString(new byte[32])).metadata(Map.of("unit", "priming"))));
            presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5)).getObjectRequest(r -> r
                    .bucket(bucket).key("submissions/priming/bao-cao.pdf")
                    .responseContentDisposition("attachment; filename*=UTF-8''b%C3%A1o-c%C3%A1o.pdf")));

            ses.sendEmail(r -> r.fromEmailAddress("priming@example.invalid")
                    .destination(d -> d.toAddresses("priming@example.invalid"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("Biên nhận").charset("UTF-8"))
                            .body(b -> b.text(t -> t.data("priming").charset("UTF-8")).html(h -> h.data("<p>priming</p>").charset("UTF-8"))))));
        }
    }

    /**
     * An HTTP client that never opens a connection: it reads each request body (so streaming and checksums
     * run) and answers 200 with a body each service's unmarshaller accepts.
     */
    static final class InMemoryHttp implements SdkHttpClient {
        private final List<String> requests = new ArrayList<>();

        synchronized List<String> requests() {
            return List.copyOf(requests);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    Optional<InputStream> body = request.contentStreamProvider().map(p -> p.newStream());
                    if (body.isPresent()) {
                        try (InputStream in = body.get()) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                    String host = request.httpRequest().host();
                    synchronized (InMemoryHttp.this) {
                        requests.add(request.httpRequest().method() + " " + host);
                    }
                    byte[] answer = (host.startsWith("email.") ? "{\"MessageId\":\"priming\"}" : host.contains(".s3.") || host.startsWith("s3.") ? "" : "{}")
                            .getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Length", Integer.toString(answer.length))
                                    .putHeader("ETag", "\"priming\"")
                                    .putHeader("x-amzn-RequestId", "priming")
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                            .build();
                }

                @Override
                public void abort() {
                    // nothing in flight: call() answers at once
                }
            };
        }

        @Override
        public void close() {
            // no connections to close
        }
    }
}
