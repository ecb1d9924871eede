package vn.haiphong.gddt.emulators;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ in this JVM: SQS on a loopback port, in memory. It speaks both of SQS's protocols, the
 * AWS JSON one the SDK v2 client uses and the older query one, and accepts any signature.
 */
final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static EmbeddedSqs start(int port, String region, String accountId) {
        // Queue URLs name this address; left alone, ElasticMQ would name localhost:9324.
        SQSRestServer server = SQSRestServerBuilder.withInterface(Ports.HOST)
                .withPort(port)
                .withServerAddress(new NodeAddress("http", Ports.HOST, port, ""))
                .withAWSRegion(region)
                .withAWSAccountId(accountId)
                .start();
        try {
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
        return new EmbeddedSqs(server, URI.create("http://" + Ports.HOST + ":" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }

    @Override
    public String toString() {
        return "ElasticMQ at " + endpoint;
    }
}
