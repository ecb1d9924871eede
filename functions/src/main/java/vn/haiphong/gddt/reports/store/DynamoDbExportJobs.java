package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.n;
import static vn.haiphong.gddt.reports.store.Items.optStr;
import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per export, {@code PK=EXPORT#<exportId>, SK=EXPORT}: read by GetItem only, written only
 * with a ConditionExpression: created once, then moved on under its {@link Claims} claim {@code build}.
 */
public final class DynamoDbExportJobs implements ExportJobs {
    private static final String SK = "EXPORT";

    /** The job's claim that one run builds its archive. */
    private static final String BUILD = "build";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Claims claims;

    public DynamoDbExportJobs(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.claims = new Claims(dynamo, table);
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
            // Read back: when the answer to this very write was lost, the SDK's second try found it done.
            return find(job.exportId()).filter(job::equals).isPresent();
        }
    }

    @Override
    public Optional<Job> find(String exportId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(exportId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(job(item));
    }

    @Override
    public Optional<Claims.Held> claim(String exportId, Instant at, Duration lease) {
        return claims.take(key(exportId), BUILD, at, lease, Claims.ITEM_EXISTS,
                Map.of("state", s(State.RUNNING.name()), "startedAt", s(at.toString())));
    }

    @Override
    public void ready(Claims.Held build, String objectKey, long files, long bytes, Instant at) {
        claims.complete(build, State.READY.name(), Map.of("state", s(State.READY.name()), "objectKey", s(objectKey),
                "files", n(files), "bytes", n(bytes), "finishedAt", s(at.toString())));
    }

    @Override
    public void failed(Claims.Held build, String reason, Instant at) {
        claims.complete(build, State.FAILED.name(), Map.of("state", s(State.FAILED.name()), "reason", s(reason),
                "finishedAt", s(at.toString())));
    }

    @Override
    public void failedToStart(String exportId, String reason, Instant at) {
        try {
            // The build claim is marked done too, so a request object written after all cannot start a build.
            dynamo.updateItem(r -> r.tableName(table).key(key(exportId))
                    .updateExpression("SET #state = :failed, reason = :reason, finishedAt = :at, #build = :done")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#build)")
                    .expressionAttributeNames(Map.of("#state", "state", "#build", BUILD))
                    .expressionAttributeValues(Map.of(":failed", s(State.FAILED.name()), ":reason", s(reason),
                            ":at", s(at.toString()), ":done", s(Claims.State.DONE.name()))));
        } catch (ConditionalCheckFailedException claimedOrGone) {
            // a build holds it, or the job does not exist: nothing to mark
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
