package vn.haiphong.gddt.reports.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Small helpers for hand-written item mapping: no reflection, so cold starts stay short. */
final class Items {
    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("PK", s(pk));
        key.put("SK", s(sk));
        return key;
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Optional<String> optStr(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(str(item, name));
    }

    static long num(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        return item.get(name).l().stream().map(AttributeValue::s).toList();
    }

    /** Every item of one small partition (the units, the office tokens), read with {@code read}, in key order. */
    static <T> List<T> partition(DynamoDbClient dynamo, String table, String pk, Function<Map<String, AttributeValue>, T> read) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)))
                .build();
        List<T> all = new ArrayList<>();
        query(dynamo, query, item -> all.add(read.apply(item)));
        return List.copyOf(all);
    }

    /**
     * Every item the query finds, to {@code each}, page after page (one page, at most 1 MB, held at a
     * time). A loop over {@code Query}, not the SDK's paginator: the same requests, without the
     * paginator's iterables and the request override it builds per page, a few dozen classes and
     * lambdas more on a function's cold start.
     */
    static void query(DynamoDbClient dynamo, QueryRequest query, Consumer<Map<String, AttributeValue>> each) {
        QueryRequest page = query;
        while (true) {
            QueryResponse response = dynamo.query(page);
            for (Map<String, AttributeValue> item : response.items()) {
                each.accept(item);
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return;
            }
            page = page.toBuilder().exclusiveStartKey(response.lastEvaluatedKey()).build();
        }
    }
}
