package vn.haiphong.gddt.reports.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Priming runs before Lambda's snapshot, where a request to AWS would read or write real data. Every
 * connection the JDK opens (HttpURLConnection, java.net.http, plain sockets) asks the default
 * ProxySelector first; these tests record what it is asked.
 */
class PrimingTest {
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private ProxySelector original;

    @BeforeEach
    void recordConnections() {
        original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                connections.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // recorded in select()
            }
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(original);
    }

    @Test
    void the_recorder_sees_a_connection_attempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + closedPort + "/").toURL().openConnection();
        assertThatCode(connection::getResponseCode).isInstanceOf(IOException.class);

        assertThat(connections).isNotEmpty();
    }

    @Test
    void priming_runs_every_sdk_path_the_handlers_use_and_opens_no_connection() {
        List<String> requests = Priming.prime(Region.AP_SOUTHEAST_1, new Priming.InMemoryHttp());

        assertThat(requests).containsExactly(
                "POST dynamodb.ap-southeast-1.amazonaws.com",
                "POST dynamodb.ap-southeast-1.amazonaws.com",
                "POST dynamodb.ap-southeast-1.amazonaws.com",
                "POST dynamodb.ap-southeast-1.amazonaws.com",
                "GET priming-bucket.s3.ap-southeast-1.amazonaws.com",
                "PUT priming-bucket.s3.ap-southeast-1.amazonaws.com",
                "POST email.ap-southeast-1.amazonaws.com");
        assertThat(connections).as("connections attempted while priming").isEmpty();
    }

    /** Lambda runs the hook with whatever the function's environment holds; here: no credentials at all. */
    @Test
    void the_checkpoint_hook_needs_no_credentials_and_primes_without_failing() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Priming.INSTANCE.beforeCheckpoint(null);
            Priming.INSTANCE.afterRestore(null);
        } finally {
            System.setOut(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).as("what the hook logged").doesNotContain("priming-failed");
        assertThat(connections).as("connections attempted while priming").isEmpty();
    }

    @Test
    void registering_outside_snapstart_does_nothing_and_is_done_once() {
        assertThatCode(() -> {
            Priming.register();
            Priming.register();
        }).doesNotThrowAnyException();
    }
}
