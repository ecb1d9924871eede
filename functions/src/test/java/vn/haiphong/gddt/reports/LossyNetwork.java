package vn.haiphong.gddt.reports;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.OutageProxy;

/**
 * The project's client for one emulator, reached through an {@link OutageProxy} that can drop the answer to
 * a named request: for what an adapter does when a write it made comes back unanswered and the SDK tries it
 * again.
 */
public final class LossyNetwork<C extends SdkAutoCloseable> implements AutoCloseable {
    private final OutageProxy proxy;
    private final C client;

    private LossyNetwork(OutageProxy proxy, C client) {
        this.proxy = proxy;
        this.client = client;
    }

    public static LossyNetwork<DynamoDbClient> toDynamoDb(Emulators emulators) {
        OutageProxy proxy = OutageProxy.start(emulators.dynamoDbEndpoint());
        return new LossyNetwork<>(proxy, EmulatorClients.of(emulators, Map.of("DYNAMODB", proxy.endpoint())).dynamoDb());
    }

    public static LossyNetwork<S3Client> toS3(Emulators emulators) {
        OutageProxy proxy = OutageProxy.start(emulators.s3Endpoint());
        return new LossyNetwork<>(proxy, EmulatorClients.of(emulators, Map.of("S3", proxy.endpoint())).s3());
    }

    public C client() {
        return client;
    }

    /** See {@link OutageProxy#loseNextAnswerTo}: an operation ({@code "DynamoDB_20120810.PutItem"}) or {@code "PUT /"}. */
    public void loseNextAnswerTo(String marker) {
        proxy.loseNextAnswerTo(marker);
    }

    public int answersLost() {
        return proxy.answersLost();
    }

    @Override
    public void close() {
        client.close();
        proxy.close();
    }
}
