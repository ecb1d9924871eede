package vn.haiphong.gddt.emulators;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack or Floci in Docker, for developers who have it ({@code -Demulators=localstack|floci}).
 * Testcontainers is a {@code provided} dependency: only this class touches it, and it is loaded only then.
 */
final class ContainerStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContainerStack.class);
    static final String LOCALSTACK_IMAGE = "localstack/localstack:latest";
    /** Floci's own image (MIT licence, no auth token), a drop-in for LocalStack on the same edge port. */
    static final String FLOCI_IMAGE = "floci/floci:latest";
    /** The single edge port both images serve every AWS API on. */
    private static final int EDGE_PORT = 4566;

    private final GenericContainer<?> container;
    private final URI endpoint;

    private ContainerStack(GenericContainer<?> container, URI endpoint) {
        this.container = container;
        this.endpoint = endpoint;
    }

    /** Asks Testcontainers, which tries every way it knows to reach a Docker engine and remembers the answer. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerStack start(String kind) {
        return switch (kind) {
            case "localstack" -> {
                LocalStackContainer localStack = localStack();
                localStack.start();
                yield new ContainerStack(localStack, localStack.getEndpoint());
            }
            case "floci" -> {
                GenericContainer<?> floci = new GenericContainer<>(DockerImageName.parse(FLOCI_IMAGE))
                        .withExposedPorts(EDGE_PORT)
                        .waitingFor(Wait.forListeningPort());
                floci.start();
                yield new ContainerStack(floci, URI.create("http://" + floci.getHost() + ":" + floci.getMappedPort(EDGE_PORT)));
            }
            default -> throw new IllegalArgumentException("Unknown container emulator: " + kind);
        };
    }

    /** S3, DynamoDB, SES (v1 and v2) and SQS: what the functions, the runner and the tests use; the region the clients sign for. */
    private static LocalStackContainer localStack() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                .withServices(Service.S3, Service.DYNAMODB, Service.SES, Service.SQS)
                .withEnv("AWS_DEFAULT_REGION", Emulators.REGION);
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        } else {
            log.warn("LOCALSTACK_AUTH_TOKEN is not set: current LocalStack images refuse to start without it."
                    + " -Demulators=floci needs none.");
        }
        return container;
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return container.getDockerImageName();
    }
}
