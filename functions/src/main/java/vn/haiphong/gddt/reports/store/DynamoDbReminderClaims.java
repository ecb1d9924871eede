package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Claims live in the obligation's partition ({@code SK=UNIT#<unit>#REM#<stage>}), next to the
 * submissions they are about; suppressed addresses in one partition ({@code PK=SUPPRESSED}).
 */
public final class DynamoDbReminderClaims implements ReminderClaims {
    private static final String SUPPRESSED = "SUPPRESSED";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReminderClaims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Claim> of(String obligationId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .filterExpression("#type = :reminder")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":pk", s(DynamoDbSubmissionLedger.pk(obligationId)),
                        ":prefix", s("UNIT#"), ":reminder", s("REMINDER")))
                .build();
        Map<String, Claim> claims = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            Claim claim = new Claim(str(item, "unitId"), str(item, "stage"), State.valueOf(str(item, "state")),
                    Instant.parse(str(item, "claimedAt")));
            claims.put(claim.unitId() + "#" + claim.stage(), claim);
        }
        return claims;
    }

    @Override
    public boolean claim(String obligationId, String unitId, String stage, Instant now, Duration staleAfter) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(obligationId, unitId, stage))
                    .updateExpression("SET #type = :reminder, unitId = :unit, stage = :stage, #state = :claimed, claimedAt = :now")
                    .conditionExpression("attribute_not_exists(PK) OR (#state = :claimed AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#type", "type", "#state", "state"))
                    .expressionAttributeValues(Map.of(":reminder", s("REMINDER"), ":unit", s(unitId), ":stage", s(stage),
                            ":claimed", s(State.CLAIMED.name()), ":now", s(now.toString()),
                            ":stale", s(now.minus(staleAfter).toString()))));
            return true;
        } catch (ConditionalCheckFailedException heldOrDone) {
            return false;
        }
    }

    @Override
    public void markSent(String obligationId, String unitId, String stage, String messageId) {
        finish(obligationId, unitId, stage, State.SENT, "messageId", messageId);
    }

    @Override
    public void markSkipped(String obligationId, String unitId, String stage, String why) {
        finish(obligationId, unitId, stage, State.SKIPPED, "reason", why);
    }

    @Override
    public void markFailed(String obligationId, String unitId, String stage, String why) {
        finish(obligationId, unitId, stage, State.FAILED, "reason", why);
    }

    private void finish(String obligationId, String unitId, String stage, State state, String attribute, String value) {
        dynamo.updateItem(r -> r.tableName(table).key(key(obligationId, unitId, stage))
                .updateExpression("SET #state = :state, #detail = :value")
                .conditionExpression("#state = :claimed")
                .expressionAttributeNames(Map.of("#state", "state", "#detail", attribute))
                .expressionAttributeValues(Map.of(":state", s(state.name()), ":value", s(value),
                        ":claimed", s(State.CLAIMED.name()))));
    }

    @Override
    public void release(String obligationId, String unitId, String stage) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(obligationId, unitId, stage))
                    .conditionExpression("#state = :claimed")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", s(State.CLAIMED.name()))));
        } catch (ConditionalCheckFailedException finishedMeanwhile) {
            // another run finished it: nothing to give back
        }
    }

    @Override
    public Set<String> suppressed() {
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(SUPPRESSED))).build();
        Set<String> emails = new HashSet<>();
        dynamo.queryPaginator(query).items().forEach(item -> emails.add(str(item, "email")));
        return emails;
    }

    @Override
    public void suppress(String email, String reason, Instant at) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", s(SUPPRESSED), "SK", s("EMAIL#" + normalized),
                "email", s(normalized), "reason", s(reason), "at", s(at.toString()))));
    }

    private static Map<String, AttributeValue> key(String obligationId, String unitId, String stage) {
        return Items.key(DynamoDbSubmissionLedger.pk(obligationId), "UNIT#" + unitId + "#REM#" + stage);
    }
}
