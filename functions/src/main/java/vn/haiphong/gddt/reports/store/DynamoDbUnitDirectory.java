package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.key;
import static vn.haiphong.gddt.reports.store.Items.list;
import static vn.haiphong.gddt.reports.store.Items.n;
import static vn.haiphong.gddt.reports.store.Items.num;
import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;
import static vn.haiphong.gddt.reports.store.Items.strings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/** Units live in one partition, {@code PK=UNITS, SK=UNIT#<id>}: a few thousand small items, one Query. */
public final class DynamoDbUnitDirectory implements UnitDirectory {
    static final String PK = "UNITS";
    /** DynamoDB's limit on the requests of one BatchWriteItem. */
    private static final int BATCH_WRITE_LIMIT = 25;
    /** The unit's optional dates: an update removes the one the unit no longer has. */
    private static final List<String> DATES = List.of("activeFrom", "activeUntil");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbUnitDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Unit> find(String unitId) {
        if (!Unit.validId(unitId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(PK, sk(unitId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(unit(item));
    }

    @Override
    public List<Unit> all() {
        return Items.partition(dynamo, table, PK, DynamoDbUnitDirectory::unit);
    }

    @Override
    public void upsert(Unit unit) {
        Map<String, AttributeValue> fields = fields(unit);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":version", n(unit.tokenVersion())));
        List<String> set = new ArrayList<>(List.of("tokenVersion = if_not_exists(tokenVersion, :version)"));
        fields.forEach((attribute, value) -> {
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, value);
            set.add("#" + attribute + " = :" + attribute);
        });
        List<String> remove = DATES.stream().filter(date -> !fields.containsKey(date)).toList();
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(PK, sk(unit.id())))
                .updateExpression("SET " + String.join(", ", set)
                        + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build());
    }

    /**
     * Writes units into a table that holds none of them and that nobody else writes: the one a local system
     * created moments before. Twenty-five to a request, where {@link #upsert} makes one per unit (75 units at
     * each local start, 5,000 in the response-size test); but a BatchWriteItem put takes no condition, so on a
     * table someone else may write it could reset a token version that {@link #upsert} would have kept.
     *
     * @throws IllegalStateException if the table left any of them unwritten (it never does on dynalite)
     */
    public void addToNewTable(List<Unit> units) {
        for (int from = 0; from < units.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> puts = units.subList(from, Math.min(units.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(unit -> WriteRequest.builder().putRequest(put -> put.item(item(unit))).build()).toList();
            Map<String, List<WriteRequest>> unwritten = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, puts)))
                    .unprocessedItems();
            if (!unwritten.isEmpty()) {
                throw new IllegalStateException(unwritten.get(table).size() + " units were not written to " + table);
            }
        }
    }

    /** The item {@link #upsert} leaves for a unit the table did not hold. */
    private static Map<String, AttributeValue> item(Unit unit) {
        Map<String, AttributeValue> item = key(PK, sk(unit.id()));
        item.putAll(fields(unit));
        item.put("tokenVersion", n(unit.tokenVersion()));
        return item;
    }

    /** Every attribute of a unit but its token version (which an update keeps); an open-ended date is absent. */
    private static Map<String, AttributeValue> fields(Unit unit) {
        Map<String, AttributeValue> fields = new LinkedHashMap<>();
        fields.put("unitId", s(unit.id()));
        fields.put("name", s(unit.name()));
        fields.put("category", s(unit.category().name()));
        fields.put("emails", list(unit.emails()));
        if (unit.activeFrom() != null) {
            fields.put("activeFrom", s(unit.activeFrom().toString()));
        }
        if (unit.activeUntil() != null) {
            fields.put("activeUntil", s(unit.activeUntil().toString()));
        }
        return fields;
    }

    private static String sk(String unitId) {
        return "UNIT#" + unitId;
    }

    private static Unit unit(Map<String, AttributeValue> item) {
        return new Unit(str(item, "unitId"), str(item, "name"), UnitCategory.valueOf(str(item, "category")),
                strings(item, "emails"), (int) num(item, "tokenVersion"),
                Items.optStr(item, "activeFrom").map(LocalDate::parse).orElse(null),
                Items.optStr(item, "activeUntil").map(LocalDate::parse).orElse(null));
    }
}
