package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.key;
import static vn.haiphong.gddt.reports.store.Items.optStr;
import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import vn.haiphong.gddt.reports.domain.OfficeToken;

/**
 * Office tokens live in one partition, {@code PK=OFFICE_TOKENS, SK=<tokenId>}: tens of items, listed
 * with one Query, read by GetItem on every office request (behind {@code OfficeAccess}'s short cache).
 */
public final class DynamoDbOfficeTokens implements OfficeTokens {
    static final String PK = "OFFICE_TOKENS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOfficeTokens(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean record(OfficeToken token) {
        Map<String, AttributeValue> item = new HashMap<>(key(PK, token.tokenId()));
        item.put("tokenId", s(token.tokenId()));
        item.put("actor", s(token.actor()));
        item.put("displayName", s(token.displayName()));
        item.put("scope", s(token.scope()));
        item.put("issuedAt", s(token.issuedAt().toString()));
        item.put("expiresAt", s(token.expiresAt().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<OfficeToken> find(String tokenId) {
        if (!OfficeToken.validId(tokenId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(PK, tokenId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(token(item));
    }

    @Override
    public List<OfficeToken> all() {
        return Items.partition(dynamo, table, PK, DynamoDbOfficeTokens::token);
    }

    @Override
    public Optional<OfficeToken> revoke(String tokenId, Instant at) {
        if (!OfficeToken.validId(tokenId)) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> revoked = dynamo.updateItem(r -> r.tableName(table).key(key(PK, tokenId))
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(revokedAt)")
                    .updateExpression("SET revokedAt = :at")
                    .expressionAttributeValues(Map.of(":at", s(at.toString())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(token(revoked));
        } catch (ConditionalCheckFailedException absentOrRevoked) {
            return find(tokenId);
        }
    }

    private static OfficeToken token(Map<String, AttributeValue> item) {
        return new OfficeToken(str(item, "tokenId"), str(item, "actor"), str(item, "displayName"), str(item, "scope"),
                Instant.parse(str(item, "issuedAt")), Instant.parse(str(item, "expiresAt")),
                optStr(item, "revokedAt").map(Instant::parse));
    }
}
