package vn.haiphong.gddt.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A running set of AWS emulators: S3, DynamoDB, SES v2 and SQS.
 *
 * <p>By default everything runs on this machine without Docker: S3Proxy and ElasticMQ inside this JVM, dynalite and
 * aws-ses-v2-local as node child processes that exit with the JVM, each on a free loopback port. Two
 * system properties switch to one external emulator serving all four APIs on a single endpoint
 * (credentials {@code test}/{@code test}):
 * <ul>
 *   <li>{@code -Demulators.endpoint=http://localhost:4566} uses one that is already running;</li>
 *   <li>{@code -Demulators=localstack} or {@code -Demulators=floci} starts one with Testcontainers, which
 *       must then be on the class path, and Docker. LocalStack reads {@code LOCALSTACK_AUTH_TOKEN} from the
 *       environment; Floci needs no token. Without Docker, {@link #unavailable} says why and
 *       {@link EmulatorsExtension} skips the tests that need the emulators.</li>
 * </ul>
 *
 * <p>Clients must use path-style S3 access, the {@link #region()} and the credentials given here.
 * Closing stops everything this object started; a JVM shutdown hook does it otherwise.
 */
public final class Emulators implements AutoCloseable {

    static final String REGION = "ap-southeast-1";

    private static final Logger log = LoggerFactory.getLogger(Emulators.class);
    private static final String EXTERNAL_CREDENTIAL = "test";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final boolean embedded;
    private final URI s3Endpoint;
    private final URI dynamoDbEndpoint;
    private final URI sesEndpoint;
    private final URI sesStore;
    private final URI sqsEndpoint;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final S3Events s3Events;
    /** In start order; closed in reverse. */
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "emulators-shutdown");

    Emulators(boolean embedded, URI s3Endpoint, URI dynamoDbEndpoint, URI sesEndpoint, URI sesStore, URI sqsEndpoint,
              String accessKeyId, String secretAccessKey, S3Events s3Events, List<AutoCloseable> resources) {
        this.embedded = embedded;
        this.s3Endpoint = s3Endpoint;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.sesEndpoint = sesEndpoint;
        this.sesStore = sesStore;
        this.sqsEndpoint = sqsEndpoint;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.s3Events = s3Events;
        this.resources = List.copyOf(resources);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the emulators chosen by the system properties described on this class. */
    public static Emulators start(EmulatorOptions options) {
        return start(options, System::getProperty);
    }

    static Emulators start(EmulatorOptions options, UnaryOperator<String> systemProperty) {
        Objects.requireNonNull(options, "options");
        String endpoint = systemProperty.apply("emulators.endpoint");
        if (endpoint != null && !endpoint.isBlank()) {
            return external(URI.create(endpoint.strip()), List.of());
        }
        String kind = Objects.requireNonNullElse(systemProperty.apply("emulators"), "").strip();
        switch (kind) {
            case "", "embedded" -> {
                return EmbeddedStack.start(options, NodeModules.locate(
                        options.nodeModules(), systemProperty.apply(NodeModules.PROPERTY)));
            }
            case "localstack", "floci" -> {
                Optional<String> unavailable = unavailable(systemProperty);
                if (unavailable.isPresent()) {
                    throw new IllegalStateException(unavailable.get());
                }
                ContainerStack container = ContainerStack.start(kind);
                return external(container.endpoint(), List.of(container));
            }
            default -> throw new IllegalArgumentException(
                    "-Demulators=" + kind + " is not one of embedded, localstack, floci");
        }
    }

    /**
     * Why the emulators the system properties ask for cannot start on this machine, or empty when they can
     * (or when the kind is unknown: {@link #start} refuses that loudly). Only containers can be missing:
     * without Docker, or without Testcontainers on the class path.
     */
    public static Optional<String> unavailable(UnaryOperator<String> systemProperty) {
        return unavailable(systemProperty, Emulators::testcontainersPresent, () -> ContainerStack.dockerAvailable());
    }

    static Optional<String> unavailable(UnaryOperator<String> systemProperty, BooleanSupplier testcontainersPresent,
                                        BooleanSupplier dockerAvailable) {
        String endpoint = systemProperty.apply("emulators.endpoint");
        String kind = Objects.requireNonNullElse(systemProperty.apply("emulators"), "").strip();
        if ((endpoint != null && !endpoint.isBlank()) || !(kind.equals("localstack") || kind.equals("floci"))) {
            return Optional.empty();
        }
        if (!testcontainersPresent.getAsBoolean()) {
            return Optional.of("-Demulators=" + kind + " needs Testcontainers on the test class path, and it is not"
                    + " there: give -Demulators=" + kind + " to Maven itself (the emulators module's testcontainers"
                    + " profile adds it). Nothing of the " + kind + " path ran.");
        }
        if (!dockerAvailable.getAsBoolean()) {
            return Optional.of("Docker is not available, so -Demulators=" + kind + " cannot start its container;"
                    + " nothing of the " + kind + " path ran. Start a Docker engine, or use"
                    + " -Demulators.endpoint=URL for an emulator already running, or leave -Demulators out"
                    + " for the embedded emulators.");
        }
        return Optional.empty();
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Emulators.class.getClassLoader());
            Class.forName("org.testcontainers.containers.localstack.LocalStackContainer", false,
                    Emulators.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Emulators external(URI endpoint, List<AutoCloseable> started) {
        S3Poller poller = new S3Poller(() -> S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(EXTERNAL_CREDENTIAL, EXTERNAL_CREDENTIAL)))
                .forcePathStyle(true)
                .build(), POLL_INTERVAL);
        List<AutoCloseable> resources = new ArrayList<>(started);
        resources.add(poller);
        log.info("Using the external AWS emulator at {}", endpoint);
        // LocalStack's list of sent e-mails; its JSON differs from aws-ses-v2-local's /store.
        return new Emulators(false, endpoint, endpoint, endpoint, endpoint.resolve("/_aws/ses"), endpoint,
                EXTERNAL_CREDENTIAL, EXTERNAL_CREDENTIAL, poller, resources);
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI sesEndpoint() {
        return sesEndpoint;
    }

    /**
     * GET returns the JSON of every e-mail sent. Embedded: aws-ses-v2-local's {@code /store}
     * ({@code {"emails": [...]}}). External: LocalStack's {@code /_aws/ses} ({@code {"messages": [...]}}).
     */
    public URI sesStore() {
        return sesStore;
    }

    /** SQS: the queues the template declares (a function's OnFailure destination) live here. */
    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public String region() {
        return REGION;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** True when the emulators run on this machine without Docker; false for an external emulator. */
    public boolean embedded() {
        return embedded;
    }

    /**
     * Calls {@code listener} after each object is written (put, copy, completed multipart upload), on a
     * background thread, like an S3 event notification; exceptions it throws are logged. Embedded, the
     * store itself reports each write. External, S3 is polled every half second, so events come later and
     * an overwrite with identical content in the same second is missed. Close the result to unsubscribe.
     */
    public AutoCloseable onObjectCreated(Consumer<ObjectCreated> listener) {
        Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            throw new IllegalStateException("The emulators are closed");
        }
        return s3Events.subscribe(listener);
    }

    /**
     * True while an object already written has an event not yet handed to every {@link #onObjectCreated}
     * listener (embedded: the store announces each write before it answers the request).
     */
    public boolean objectCreatedEventsPending() {
        return s3Events.delivering();
    }

    /** Stops everything this object started and waits for it; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
        closeInReverse(resources);
        log.info("Emulators stopped");
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            log.debug("The JVM is already shutting down; the hook will find the emulators closed", shuttingDown);
        }
    }

    static void closeInReverse(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            AutoCloseable resource = resources.get(i);
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not stop {}", resource, e);
            }
        }
    }

    @Override
    public String toString() {
        return "Emulators[S3 " + s3Endpoint + ", DynamoDB " + dynamoDbEndpoint + ", SES " + sesEndpoint
                + ", SQS " + sqsEndpoint + "]";
    }
}
