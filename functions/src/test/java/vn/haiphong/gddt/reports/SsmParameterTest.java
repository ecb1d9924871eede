package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one SSM call, against a stand-in that checks what SSM checks: the target, the body, a SigV4 signature for ssm. */
class SsmParameterTest {
    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<int[]> statuses = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    SsmParameterTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Amz-Target") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            int i = Math.min(calls.getAndIncrement(), answers.size() - 1);
            byte[] out = answers.get(i).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(statuses.get(i)[0], out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String json) {
        statuses.add(new int[] {status});
        answers.add(json);
    }

    private String read() {
        AwsClients aws = new AwsClients(new Env(Map.of("AWS_REGION", "ap-southeast-1", "AWS_ACCESS_KEY_ID", "AKIDBENCH",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:" + server.getAddress().getPort())));
        return aws.secureParameter("/hp-reports/token-keys");
    }

    @Test
    void readsTheDecryptedValueWithOneSignedRequest() {
        answer(200, "{\"Parameter\":{\"Name\":\"/hp-reports/token-keys\",\"Type\":\"SecureString\",\"Value\":\"k1:c2VjcmV0\"}}");

        assertThat(read()).isEqualTo("k1:c2VjcmV0");
        assertThat(requests).singleElement().satisfies(r -> assertThat(r)
                .startsWith("POST AmazonSSM.GetParameter application/x-amz-json-1.1 AWS4-HMAC-SHA256 Credential=AKIDBENCH/")
                .contains("/ap-southeast-1/ssm/aws4_request")
                .contains("\"Name\":\"/hp-reports/token-keys\"").contains("\"WithDecryption\":true"));
    }

    @Test
    void triesAgainAfterThrottlingAndServerErrors() {
        answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        answer(500, "{\"__type\":\"InternalServerError\"}");
        answer(200, "{\"Parameter\":{\"Value\":\"k1:c2VjcmV0\"}}");

        assertThat(read()).isEqualTo("k1:c2VjcmV0");
        assertThat(requests).hasSize(3);
    }

    @Test
    void aRefusalStopsInitWithSsmsReason() {
        answer(400, "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}");

        assertThatThrownBy(this::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/hp-reports/token-keys").hasMessageContaining("HTTP 400 ParameterNotFound");
        assertThat(requests).hasSize(1);
    }
}
