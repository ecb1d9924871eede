package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.n;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One counter item per unit and minute, {@code PK=UNIT#<unit>#GRANTS, SK=<minute>}, raised by a
 * conditional {@code ADD}: of many requests at once, exactly {@code perMinute} succeed. The item
 * carries {@code deleteAfter} (epoch seconds, an hour on), the table's time-to-live attribute, which
 * no official record carries.
 */
public final class DynamoDbUploadGrantQuota implements UploadGrantQuota {
    private static final Duration KEPT = Duration.ofHours(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbUploadGrantQuota(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryTake(String unitId, Instant now, int perMinute) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Items.key("UNIT#" + unitId + "#GRANTS", minute.toString()))
                    .updateExpression("ADD grants :one SET deleteAfter = :deleteAfter")
                    .conditionExpression("attribute_not_exists(grants) OR grants < :limit")
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(perMinute),
                            ":deleteAfter", n(minute.plus(KEPT).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            return false;
        }
    }
}
