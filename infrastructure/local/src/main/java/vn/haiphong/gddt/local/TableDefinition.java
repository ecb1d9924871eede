package vn.haiphong.gddt.local;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/** An {@code AWS::DynamoDB::Table} of the template as the CreateTable call that makes it. */
final class TableDefinition {
    private TableDefinition() {
    }

    static CreateTableRequest from(Map<String, Object> props, String tableName) {
        CreateTableRequest.Builder table = CreateTableRequest.builder().tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(props.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName(str(a, "AttributeName"))
                                .attributeType(str(a, "AttributeType")).build())
                        .toList())
                .keySchema(keys(props.get("KeySchema")));
        List<Map<String, Object>> indexes = list(props.getOrDefault("GlobalSecondaryIndexes", List.of()));
        if (!indexes.isEmpty()) {
            table.globalSecondaryIndexes(indexes.stream().map(i -> GlobalSecondaryIndex.builder()
                    .indexName(str(i, "IndexName"))
                    .keySchema(keys(i.get("KeySchema")))
                    .projection(Projection.builder().projectionType(
                            str(SamTemplate.map(i.get("Projection")), "ProjectionType")).build())
                    .build()).toList());
        }
        return table.build();
    }

    private static List<KeySchemaElement> keys(Object keySchema) {
        return list(keySchema).stream().map(k -> KeySchemaElement.builder().attributeName(str(k, "AttributeName"))
                .keyType(str(k, "KeyType")).build()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static String str(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }
}
