package vn.haiphong.gddt.emulators;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack or Floci in Docker, for developers who have it ({@code -Demulators=localstack|floci}).
 * Testcontainers is a {@code provided} dependency: only this class touches it, and it is loaded only then.
 */
final class ContainerStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContainerStack.class);
    /** The single edge port both images serve every AWS API on. */
    private static final int EDGE_PORT = 4566;

    private final GenericContainer<?> container;

    private ContainerStack(GenericContainer<?> container) {
        this.container = container;
    }

    static ContainerStack start(String kind) {
        GenericContainer<?> container = switch (kind) {
            case "localstack" -> localStack();
            case "floci" -> new GenericContainer<>(DockerImageName.parse("floci/floci:latest"))
                    .withExposedPorts(EDGE_PORT);
            default -> throw new IllegalArgumentException("Unknown container emulator: " + kind);
        };
        container.start();
        return new ContainerStack(container);
    }

    private static GenericContainer<?> localStack() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("localstack/localstack:latest"))
                .withExposedPorts(EDGE_PORT)
                .withEnv("SERVICES", "s3,dynamodb,ses")
                .withEnv("AWS_DEFAULT_REGION", Emulators.REGION)
                // Listening is not ready: LocalStack logs "Ready." once its services are up.
                .waitingFor(Wait.forLogMessage(".*Ready\\.\n", 1));
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
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(EDGE_PORT));
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
