package vn.haiphong.gddt.reports;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The one place SDK clients are built: explicit region, one HTTP client (URLConnection, the
 * lightest at cold start), and, for the emulators, endpoint overrides named as the SDK names them
 * ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_SESV2}).
 * Build it once per JVM, at init.
 */
public final class AwsClients {
    /**
     * How long one call to a service may take, retries and backoff included ({@code callTimeout}: the
     * SDK gives up then, whatever is left), how long each try may take, and whether a try that got no
     * answer in time is tried again. The tests hold every function's Timeout in template.yaml against
     * these ({@code ClientTimeoutsFitTest}): the worst call, then a DynamoDB call to give a claim back,
     * must end before Lambda ends the invocation.
     */
    public record CallLimits(int maxAttempts, Duration attemptTimeout, Duration callTimeout, boolean retriesUnanswered) {
    }

    public static final CallLimits DYNAMODB = new CallLimits(3, Duration.ofSeconds(2), Duration.ofSeconds(5), true);
    /** Multipart parts of an export are 8 MiB: one try gets 10 s. */
    public static final CallLimits S3 = new CallLimits(3, Duration.ofSeconds(10), Duration.ofSeconds(12), true);
    /**
     * Throttling and 5xx are tried again (SES refused, nothing was sent), an unanswered try is not: it
     * may have sent the e-mail, and the SDK would send it again unseen. The callers decide what an
     * unanswered send means (see {@code Mailer.Unconfirmed}).
     */
    public static final CallLimits SES = new CallLimits(3, Duration.ofSeconds(5), Duration.ofSeconds(8), false);
    /** The socket gives up after any try would have: the SDK's own timeouts are the ones that fire. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);

    private final Env env;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(SOCKET_TIMEOUT).build();

    public AwsClients(Env env) {
        this(env, List.of());
    }

    /**
     * @param interceptors added to every client built here; the local benches count the calls a use
     *                     case makes with one, on exactly the clients the functions use
     */
    public AwsClients(Env env, List<ExecutionInterceptor> interceptors) {
        this.env = env;
        this.interceptors = List.copyOf(interceptors);
        this.region = Region.of(env.required("AWS_REGION"));
        this.credentials = overridden()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.required("AWS_ACCESS_KEY_ID"), env.required("AWS_SECRET_ACCESS_KEY")))
                // The default chain, never environment-only credentials: under SnapStart Lambda gives a
                // function container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI), not access keys.
                : DefaultCredentialsProvider.builder().build();
    }

    /** What the clients sign with; the tests check that SnapStart's container credentials can reach it. */
    AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    public DynamoDbClient dynamoDb() {
        var builder = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(limits(DYNAMODB));
        endpoint("DYNAMODB").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public S3Client s3() {
        var builder = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(limits(S3));
        endpoint("S3").ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
        return builder.build();
    }

    public S3Presigner s3Presigner() {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials);
        endpoint("S3").ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    public SesV2Client ses() {
        var builder = SesV2Client.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(limits(SES));
        endpoint("SESV2").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A SecureString from SSM Parameter Store, decrypted (see {@link SsmParameter} for why no SSM client). */
    public String secureParameter(String name) {
        URI endpoint = endpoint("SSM").orElseGet(() -> URI.create("https://ssm." + region.id() + "."
                + region.metadata().partition().dnsSuffix()));
        return SsmParameter.read(http, credentials, region, endpoint, name);
    }

    private ClientOverrideConfiguration limits(CallLimits limits) {
        return ClientOverrideConfiguration.builder()
                .executionInterceptors(interceptors)
                .apiCallAttemptTimeout(limits.attemptTimeout())
                .apiCallTimeout(limits.callTimeout())
                .retryStrategy(limits.retriesUnanswered()
                        ? AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(limits.maxAttempts()).build()
                        // Only what the service answered with a refusal: no timeout, no broken connection.
                        : StandardRetryStrategy.builder().maxAttempts(limits.maxAttempts()).useClientDefaults(false)
                                .retryOnException(AwsClients::refusedForNow)
                                .treatAsThrottling(e -> e instanceof SdkServiceException s && s.isThrottlingException())
                                .build())
                .build();
    }

    private static boolean refusedForNow(Throwable e) {
        return e instanceof SdkServiceException s && (s.isThrottlingException() || s.statusCode() >= 500);
    }

    private boolean overridden() {
        return List.of("S3", "DYNAMODB", "SESV2", "SSM").stream().anyMatch(s -> endpoint(s).isPresent());
    }

    private Optional<URI> endpoint(String serviceId) {
        return env.optional("AWS_ENDPOINT_URL_" + serviceId).or(() -> env.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }
}
