package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.key;
import static vn.haiphong.gddt.reports.store.Items.list;
import static vn.haiphong.gddt.reports.store.Items.n;
import static vn.haiphong.gddt.reports.store.Items.num;
import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;
import static vn.haiphong.gddt.reports.store.Items.strings;

import java.time.LocalDate;
import java.util.HashMap;
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
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":id", s(unit.id()), ":name", s(unit.name()),
                ":category", s(unit.category().name()), ":emails", list(unit.emails()),
                ":version", n(unit.tokenVersion())));
        StringBuilder set = new StringBuilder("SET unitId = :id, #name = :name, category = :category, emails = :emails, "
                + "tokenVersion = if_not_exists(tokenVersion, :version)");
        StringBuilder remove = new StringBuilder();
        dated(unit.activeFrom(), "activeFrom", values, set, remove);
        dated(unit.activeUntil(), "activeUntil", values, set, remove);
        dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(PK, sk(unit.id())))
                .updateExpression(set + (remove.isEmpty() ? "" : " REMOVE " + remove))
                .expressionAttributeNames(Map.of("#name", "name"))
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
        item.put("unitId", s(unit.id()));
        item.put("name", s(unit.name()));
        item.put("category", s(unit.category().name()));
        item.put("emails", list(unit.emails()));
        item.put("tokenVersion", n(unit.tokenVersion()));
        if (unit.activeFrom() != null) {
            item.put("activeFrom", s(unit.activeFrom().toString()));
        }
        if (unit.activeUntil() != null) {
            item.put("activeUntil", s(unit.activeUntil().toString()));
        }
        return item;
    }

    private static void dated(LocalDate day, String attribute, Map<String, AttributeValue> values, StringBuilder set,
                              StringBuilder remove) {
        if (day == null) {
            remove.append(remove.isEmpty() ? "" : ", ").append(attribute);
        } else {
            set.append(", ").append(attribute).append(" = :").append(attribute);
            values.put(":" + attribute, s(day.toString()));
        }
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
