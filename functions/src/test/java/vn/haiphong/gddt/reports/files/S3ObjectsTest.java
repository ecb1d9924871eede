package vn.haiphong.gddt.reports.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What S3 answers a HEAD without s3:ListBucket, which no function is granted for it: a missing key is a
 * 403. The emulator grants everything and answers 404, so a stand-in server answers as AWS would.
 */
class S3ObjectsTest {
    private final AtomicInteger status = new AtomicInteger();
    private HttpServer server;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        s3 = S3Client.builder().region(Region.AP_SOUTHEAST_1).forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void a_head_answered_403_reads_as_a_missing_key_as_s3_answers_without_list_bucket() {
        status.set(403);
        assertThat(S3Objects.head(s3, "bucket", "submissions/2026/QCDC/2026-Y/u/id/gone.pdf")).isEmpty();
    }

    @Test
    void a_head_answered_404_reads_as_a_missing_key() {
        status.set(404);
        assertThat(S3Objects.head(s3, "bucket", "status/latest.json")).isEmpty();
    }

    @Test
    void a_head_answered_500_is_an_error_not_a_missing_key() {
        status.set(500);
        assertThatThrownBy(() -> S3Objects.head(s3, "bucket", "status/latest.json")).isInstanceOf(S3Exception.class);
    }
}
