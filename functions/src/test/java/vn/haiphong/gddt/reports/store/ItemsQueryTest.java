package vn.haiphong.gddt.reports.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.OnEmulators;

/** Items.query reads every page of a query, as the SDK's paginator did: a page here holds two items. */
@OnEmulators
class ItemsQueryTest {
    private final DynamoDbClient dynamo;
    private final String table;

    ItemsQueryTest(Emulators emulators) {
        dynamo = EmulatorClients.dynamoDb(emulators);
        table = EmulatorClients.newTable(emulators, "pages");
    }

    @Test
    void every_item_of_every_page_comes_in_key_order() {
        for (int i = 0; i < 7; i++) {
            String sk = "ITEM#" + (char) ('a' + (i * 3) % 7);
            dynamo.putItem(r -> r.tableName(table).item(Items.key("P", sk)));
        }
        dynamo.putItem(r -> r.tableName(table).item(Items.key("OTHER", "ITEM#z")));

        List<String> seen = new ArrayList<>();
        Items.query(dynamo, QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("P"))).limit(2).build(),
                item -> seen.add(Items.str(item, "SK")));

        assertThat(seen).containsExactly("ITEM#a", "ITEM#b", "ITEM#c", "ITEM#d", "ITEM#e", "ITEM#f", "ITEM#g");
        assertThat(Items.partition(dynamo, table, "P", item -> Items.str(item, "SK"))).isEqualTo(seen);
    }
}
