package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.n;
import static vn.haiphong.gddt.reports.store.Items.optStr;
import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per export, {@code PK=EXPORT#<exportId>, SK=EXPORT}: read by GetItem only, written only
 * with a ConditionExpression on its state.
 */
public final class DynamoDbExportJobs implements ExportJobs {
    private static final String SK = "EXPORT";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbExportJobs(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Job job) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.exportId()));
        item.put("type", s("EXPORT"));
        item.put("exportId", s(job.exportId()));
        item.put("obligationId", s(job.obligationId()));
        item.put("state", s(job.state().name()));
        item.put("requestedBy", s(job.requestedBy()));
        item.put("requestedAt", s(job.requestedAt().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Job> find(String exportId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(exportId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(job(item));
    }

    @Override
    public boolean claim(String exportId, Instant at) {
        return update(exportId, "SET #state = :running, startedAt = :at", "#state = :pending",
                Map.of(":running", s(State.RUNNING.name()), ":pending", s(State.PENDING.name()), ":at", s(at.toString())));
    }

    @Override
    public void ready(String exportId, String objectKey, long files, long bytes, Instant at) {
        if (!update(exportId, "SET #state = :ready, objectKey = :key, files = :files, bytes = :bytes, finishedAt = :at",
                "#state = :running", Map.of(":ready", s(State.READY.name()), ":running", s(State.RUNNING.name()),
                        ":key", s(objectKey), ":files", n(files), ":bytes", n(bytes), ":at", s(at.toString())))) {
            throw new IllegalStateException("export " + exportId + " was not RUNNING when its archive was finished");
        }
    }

    @Override
    public void failed(String exportId, String reason, Instant at) {
        update(exportId, "SET #state = :failed, reason = :reason, finishedAt = :at", "#state IN (:pending, :running)",
                Map.of(":failed", s(State.FAILED.name()), ":pending", s(State.PENDING.name()),
                        ":running", s(State.RUNNING.name()), ":reason", s(reason), ":at", s(at.toString())));
    }

    private boolean update(String exportId, String set, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(exportId))
                    .updateExpression(set)
                    .conditionExpression("attribute_exists(PK) AND " + condition)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notInThatState) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String exportId) {
        return Items.key("EXPORT#" + exportId, SK);
    }

    private static Job job(Map<String, AttributeValue> item) {
        return new Job(str(item, "exportId"), str(item, "obligationId"), State.valueOf(str(item, "state")),
                str(item, "requestedBy"), Instant.parse(str(item, "requestedAt")),
                optStr(item, "startedAt").map(Instant::parse), optStr(item, "finishedAt").map(Instant::parse),
                optStr(item, "objectKey"), optStr(item, "reason"),
                item.containsKey("files") ? Long.parseLong(item.get("files").n()) : 0,
                item.containsKey("bytes") ? Long.parseLong(item.get("bytes").n()) : 0);
    }
}
