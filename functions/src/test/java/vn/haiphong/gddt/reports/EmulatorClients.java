package vn.haiphong.gddt.reports;

import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import vn.haiphong.gddt.emulators.Emulators;

/** The project's own {@link AwsClients}, pointed at the emulators, for adapter tests. */
public final class EmulatorClients {
    private EmulatorClients() {
    }

    /** A new table keyed as the reports table is (PK, SK), named {@code prefix-<random>}; returns its name. */
    public static String newTable(DynamoDbClient dynamo, String prefix) {
        String table = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH), k -> k.attributeName("SK").keyType(KeyType.RANGE)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        return table;
    }

    public static AwsClients of(Emulators emulators) {
        return new AwsClients(new Env(Map.of("AWS_REGION", emulators.region(),
                "AWS_ACCESS_KEY_ID", emulators.accessKeyId(), "AWS_SECRET_ACCESS_KEY", emulators.secretAccessKey(),
                "AWS_ENDPOINT_URL_S3", emulators.s3Endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_SESV2", emulators.sesEndpoint().toString())));
    }
}
