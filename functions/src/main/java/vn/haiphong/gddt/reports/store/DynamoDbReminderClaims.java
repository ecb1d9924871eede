package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Claims live in the obligation's partition ({@code SK=UNIT#<unit>#REM#<stage>}), next to the
 * submissions they are about, each an item with one {@link Claims} claim named {@code send}; suppressed addresses in one partition ({@code PK=SUPPRESSED}).
 */
public final class DynamoDbReminderClaims implements ReminderClaims {
    private static final String SUPPRESSED = "SUPPRESSED";
    private static final String REMINDER = "REMINDER";
    /** The claim's name on the reminder's item. */
    private static final String SEND = "send";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Claims claims;

    public DynamoDbReminderClaims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.claims = new Claims(dynamo, table);
    }

    @Override
    public Map<String, Claim> of(String obligationId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .filterExpression("#type = :reminder")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":pk", s(DynamoDbSubmissionLedger.pk(obligationId)),
                        ":prefix", s("UNIT#"), ":reminder", s(REMINDER)))
                .build();
        Map<String, Claim> claims = new HashMap<>();
        Items.query(dynamo, query, item -> {
            // A claim given back leaves its item without a claim: as if never taken.
            Claims.Status.of(item, SEND).ifPresent(status -> {
                State state = status.state() == Claims.State.IN_PROGRESS ? State.CLAIMED
                        : State.valueOf(status.outcome().orElse(State.SENT.name()));
                Claim claim = new Claim(str(item, "unitId"), str(item, "stage"), state, status.expiresAt());
                claims.put(claim.unitId() + "#" + claim.stage(), claim);
            });
        });
        return claims;
    }

    @Override
    public Optional<Claims.Held> claim(String obligationId, String unitId, String stage, Instant now, Duration lease) {
        return claims.take(key(obligationId, unitId, stage), SEND, now, lease, "",
                Map.of("type", s(REMINDER), "unitId", s(unitId), "stage", s(stage)));
    }

    @Override
    public void markSent(Claims.Held claim, String messageId) {
        finish(claim, State.SENT, Map.of("messageId", s(messageId)));
    }

    @Override
    public void markSkipped(Claims.Held claim, String why) {
        finish(claim, State.SKIPPED, Map.of("reason", s(why)));
    }

    @Override
    public void markFailed(Claims.Held claim, String why) {
        finish(claim, State.FAILED, Map.of("reason", s(why)));
    }

    private void finish(Claims.Held claim, State state, Map<String, AttributeValue> detail) {
        claims.complete(claim, state.name(), detail);
    }

    @Override
    public void release(Claims.Held claim) {
        claims.release(claim);
    }

    @Override
    public Set<String> suppressed() {
        QueryRequest query = QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(SUPPRESSED))).build();
        Set<String> emails = new HashSet<>();
        Items.query(dynamo, query, item -> emails.add(str(item, "email")));
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
