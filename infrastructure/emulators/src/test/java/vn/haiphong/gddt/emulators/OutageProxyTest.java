package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The proxy that switches a service off: S3 behind it, because S3Proxy checks every signature. */
@ExtendWith(EmulatorsExtension.class)
class OutageProxyTest {
    private final Emulators emulators;
    private final String bucket = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    private OutageProxy proxy;
    private S3Client viaProxy;

    OutageProxyTest(Emulators emulators) {
        this.emulators = emulators;
    }

    @BeforeEach
    void start() {
        proxy = OutageProxy.start(emulators.s3Endpoint());
        viaProxy = Clients.s3(emulators, proxy.endpoint());
        viaProxy.createBucket(r -> r.bucket(bucket));
    }

    @AfterEach
    void stop() {
        viaProxy.close();
        proxy.close();
    }

    @Test
    void a_url_presigned_for_the_proxy_is_accepted_by_the_emulator_behind_it() {
        byte[] file = "%PDF-1.4 qua proxy".getBytes(StandardCharsets.UTF_8);
        String url;
        try (S3Presigner presigner = Clients.s3Presigner(emulators, proxy.endpoint())) {
            url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key("submissions/bc.pdf").contentType("application/pdf")))
                    .url().toString();
        }

        HttpResponse<String> put = Clients.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build());

        assertThat(url).startsWith(proxy.endpoint().toString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        try (S3Client direct = Clients.s3(emulators)) {
            assertThat(direct.getObjectAsBytes(r -> r.bucket(bucket).key("submissions/bc.pdf")).asByteArray()).isEqualTo(file);
        }
    }

    @Test
    void while_down_every_call_fails_and_once_up_the_data_written_before_is_still_there() {
        viaProxy.putObject(r -> r.bucket(bucket).key("before.txt"), RequestBody.fromString("trước sự cố"));

        proxy.down();

        assertThatThrownBy(() -> viaProxy.getObjectAsBytes(r -> r.bucket(bucket).key("before.txt")))
                .isInstanceOf(SdkClientException.class);
        assertThat(proxy.refused()).isPositive();
        proxy.up();
        assertThat(viaProxy.getObjectAsBytes(r -> r.bucket(bucket).key("before.txt")).asUtf8String())
                .isEqualTo("trước sự cố");
    }

    @Test
    void a_conditional_write_whose_answer_was_lost_fails_against_itself_when_the_sdk_tries_it_again() {
        proxy.loseNextAnswerTo("PUT /");
        viaProxy.listObjectsV2(r -> r.bucket(bucket));
        assertThat(proxy.losingAnAnswer()).as("a GET is not the PUT waited for").isTrue();

        assertThatThrownBy(() -> viaProxy.putObject(r -> r.bucket(bucket).key("once.json").ifNoneMatch("*"),
                RequestBody.fromString("{\"lần\":1}")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(proxy.answersLost()).isEqualTo(1);
        assertThat(proxy.losingAnAnswer()).isFalse();
        try (S3Client direct = Clients.s3(emulators)) {
            assertThat(direct.getObjectAsBytes(r -> r.bucket(bucket).key("once.json")).asUtf8String()).isEqualTo("{\"lần\":1}");
        }
        viaProxy.putObject(r -> r.bucket(bucket).key("after.json"), RequestBody.fromString("{}"));
        assertThat(proxy.answersLost()).as("only the answer asked for is lost").isEqualTo(1);
    }

    @Test
    void a_request_on_a_connection_opened_before_the_outage_is_reset() throws IOException {
        try (Socket socket = keptAlive()) {
            assertThat(head(socket)).startsWith("HTTP/1.1 ");

            proxy.down();

            assertThatThrownBy(() -> head(socket)).isInstanceOf(IOException.class);
            assertThat(proxy.refused()).isPositive();
        }
    }

    @Test
    void a_connection_left_idle_through_the_outage_serves_again_once_up() throws IOException {
        try (Socket socket = keptAlive()) {
            assertThat(head(socket)).startsWith("HTTP/1.1 ");

            proxy.down();
            proxy.up();

            assertThat(head(socket)).as("a client's pooled connection after the outage").startsWith("HTTP/1.1 ");
        }
    }

    /** A connection through the proxy, as an HTTP client keeps one in its pool. */
    private Socket keptAlive() throws IOException {
        Socket socket = new Socket(proxy.endpoint().getHost(), proxy.endpoint().getPort());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** A HEAD request on {@code socket} and the head of the answer (a HEAD answer has no body). */
    private String head(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("HEAD / HTTP/1.1\r\nHost: " + proxy.endpoint().getAuthority() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void a_slow_proxy_says_it_is_holding_a_request_until_it_has_passed_it_on() throws Exception {
        proxy.slow(Duration.ofMillis(500));
        assertThat(proxy.holding()).as("nothing sent yet").isFalse();

        var put = CompletableFuture.runAsync(() -> viaProxy.putObject(
                r -> r.bucket(bucket).key("cham.txt"), RequestBody.fromString("chậm", StandardCharsets.UTF_8)));
        Instant deadline = Instant.now().plusSeconds(5);
        while (!proxy.holding() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(proxy.holding()).as("while the request is held").isTrue();

        put.get(10, TimeUnit.SECONDS);
        assertThat(proxy.holding()).as("once the service has answered").isFalse();
    }

    @Test
    void one_proxy_down_leaves_another_in_front_of_the_same_emulator_up() {
        try (OutageProxy other = OutageProxy.start(emulators.s3Endpoint());
             S3Client viaOther = Clients.s3(emulators, other.endpoint())) {
            proxy.down();

            viaOther.putObject(r -> r.bucket(bucket).key("other.txt"), RequestBody.fromString("vẫn chạy"));

            assertThat(other.isDown()).isFalse();
            assertThat(viaOther.getObjectAsBytes(r -> r.bucket(bucket).key("other.txt")).asUtf8String()).isEqualTo("vẫn chạy");
        }
    }
}
