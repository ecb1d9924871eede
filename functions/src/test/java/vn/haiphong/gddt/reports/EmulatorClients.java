package vn.haiphong.gddt.reports;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;

/** The project's own {@link AwsClients}, pointed at the emulators, for adapter tests. */
public final class EmulatorClients {
    private static DynamoDbClient dynamo;
    private EmulatorClients() {
    }

    /**
     * A new table keyed as the reports table is (PK, SK, and its index BySubmissionId), named
     * {@code prefix-<random>}; returns its name.
     */
    public static String newTable(DynamoDbClient dynamo, String prefix) {
        String table = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("submissionId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH), k -> k.attributeName("SK").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(DynamoDbSubmissionLedger.BY_SUBMISSION_ID)
                        .keySchema(k -> k.attributeName("submissionId").keyType(KeyType.HASH))
                        .projection(pr -> pr.projectionType(ProjectionType.ALL))));
        // The SDK's waiter checks again only after 20 s; dynalite makes a table active in half a second.
        for (int i = 0; i < 200 && dynamo.describeTable(r -> r.tableName(table)).table().tableStatus()
                != software.amazon.awssdk.services.dynamodb.model.TableStatus.ACTIVE; i++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return table;
    }

    /** One client for every test of the run (the emulators are shared too); never closed before the JVM ends. */
    public static synchronized DynamoDbClient dynamoDb(Emulators emulators) {
        if (dynamo == null) {
            dynamo = of(emulators).dynamoDb();
        }
        return dynamo;
    }

    /** A new table on the shared emulators; see {@link #newTable(DynamoDbClient, String)}. */
    public static String newTable(Emulators emulators, String prefix) {
        return newTable(dynamoDb(emulators), prefix);
    }

    public static AwsClients of(Emulators emulators) {
        return of(emulators, Map.of());
    }

    /**
     * As {@link #of(Emulators)}, with some services reached at other endpoints, by their ids in
     * {@code AWS_ENDPOINT_URL_<id>} ({@code "S3"}, {@code "DYNAMODB"}): an {@code OutageProxy} in front of the
     * emulator, say.
     */
    public static AwsClients of(Emulators emulators, Map<String, URI> endpoints) {
        Map<String, URI> reached = new HashMap<>(Map.of("S3", emulators.s3Endpoint(),
                "DYNAMODB", emulators.dynamoDbEndpoint(), "SESV2", emulators.sesEndpoint()));
        reached.putAll(endpoints);
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", emulators.region(),
                "AWS_ACCESS_KEY_ID", emulators.accessKeyId(), "AWS_SECRET_ACCESS_KEY", emulators.secretAccessKey()));
        reached.forEach((service, endpoint) -> env.put("AWS_ENDPOINT_URL_" + service, endpoint.toString()));
        return new AwsClients(new Env(env));
    }
}
