package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up in the middle of a request body (a client timeout, the runner's fault switch
 * cutting a connection) must not take dynalite down with it: it used to, and every later test failed
 * with "Connection refused". DynamoDB drops such a request and goes on serving.
 */
class AbortedRequestTest {
    @Test
    void dynalite_keeps_serving_after_a_client_hangs_up_in_the_middle_of_a_request_body() throws Exception {
        try (Emulators emulators = Emulators.start(EmulatorOptions.inMemory())) {
            URI endpoint = emulators.dynamoDbEndpoint();
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\n"
                            + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"Limit\":").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100);
                }
            }
            Thread.sleep(300);

            assertThat(Clients.dynamoDb(emulators, "ListTables", "{}").statusCode()).isEqualTo(200);
        }
    }
}
