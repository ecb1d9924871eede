package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.n;
import static vn.haiphong.gddt.reports.store.Items.num;
import static vn.haiphong.gddt.reports.store.Items.optStr;
import static vn.haiphong.gddt.reports.store.Items.s;
import static vn.haiphong.gddt.reports.store.Items.str;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.haiphong.gddt.reports.domain.Actor;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Submission;

/**
 * The period grid: {@code PK=OBL#<report>#<period>}, with submissions at {@code SK=UNIT#<unit>#SUB#<id>}
 * and extensions at {@code SK=UNIT#<unit>#EXT#<grantedAt>}. One Query gives a whole report-period;
 * {@code begins_with} gives one unit's row.
 */
public final class DynamoDbSubmissionLedger implements SubmissionLedger {
    /** The table's one index: a submission by its id alone (only submission items carry the attribute). */
    public static final String BY_SUBMISSION_ID = "BySubmissionId";
    private static final Pattern SUBMISSION_ID = Pattern.compile("[a-z0-9]{8,64}");
    private static final String SUBMISSION = "SUBMISSION";
    private static final String EXTENSION = "EXTENSION";
    private static final String SENT = "SENT";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Claims claims;

    public DynamoDbSubmissionLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.claims = new Claims(dynamo, table);
    }

    @Override
    public boolean recordIfAbsent(Submission submission) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(submission))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public Optional<Submission> find(String obligationId, String unitId, String submissionId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Items.key(pk(obligationId), sk(unitId, submissionId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(submission(item));
    }

    @Override
    public Optional<Submission> findById(String submissionId) {
        if (!SUBMISSION_ID.matcher(submissionId).matches()) {
            return Optional.empty();
        }
        return dynamo.query(r -> r.tableName(table).indexName(BY_SUBMISSION_ID)
                        .keyConditionExpression("submissionId = :id")
                        .expressionAttributeValues(Map.of(":id", s(submissionId))))
                .items().stream().findFirst().map(DynamoDbSubmissionLedger::submission);
    }

    @Override
    public Records records(String obligationId) {
        return query(obligationId, "UNIT#", false);
    }

    /** Read consistently: a unit's few records decide what is done next (a return, a reminder, an upload). */
    @Override
    public Records records(String obligationId, String unitId) {
        return query(obligationId, "UNIT#" + unitId + "#", true);
    }

    private Records query(String obligationId, String skPrefix, boolean consistent) {
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(consistent)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk(obligationId)), ":prefix", s(skPrefix)))
                .build();
        List<Submission> submissions = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        List<Owed> owed = new ArrayList<>();
        Items.query(dynamo, query, item -> {
            switch (String.valueOf(str(item, "type"))) {
                case SUBMISSION -> {
                    Submission s = submission(item);
                    submissions.add(s);
                    owed(item, s, Notice.RECEIPT).ifPresent(owed::add);
                    if (s.returned().isPresent()) {
                        owed(item, s, Notice.RETURN).ifPresent(owed::add);
                    }
                    if (s.inspection().filter(i -> i.verdict() == Inspection.Verdict.REFUSED).isPresent()) {
                        owed(item, s, Notice.INSPECTION_REFUSAL).ifPresent(owed::add);
                    }
                }
                case EXTENSION -> extensions.add(extension(item));
                default -> {
                    // another kind of record in the partition (claims, snapshots): not ours to read
                }
            }
        });
        return new Records(List.copyOf(submissions), List.copyOf(extensions), List.copyOf(owed));
    }

    private static Optional<Owed> owed(Map<String, AttributeValue> item, Submission s, Notice notice) {
        Optional<Claims.Status> status = Claims.Status.of(item, notice.claim());
        if (status.isPresent() && status.get().state() == Claims.State.DONE) {
            return Optional.empty();
        }
        return Optional.of(new Owed(s, notice, status.flatMap(Claims.Status::expiresAt)));
    }

    @Override
    public boolean recordInspection(Submission submission, Inspection inspection, Instant at) {
        Map<String, AttributeValue> values = InspectionItems.values(inspection, at);
        // A refusing inspection makes the file refused in the same write: it stops counting at once.
        String set = inspection.reason().isPresent() && inspection.verdict() == Inspection.Verdict.REFUSED
                ? InspectionItems.SET + ", refusal = :reason" : InspectionItems.SET;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(submission))
                    .updateExpression("SET " + set)
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(" + InspectionItems.VERDICT + ")")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException absentOrInspected) {
            return false;
        }
    }

    @Override
    public Optional<Claims.Held> markReturned(Submission submission, Returned r, Instant now, Duration lease) {
        // A lost answer is told apart by the claim: its owner, read back, is this very write's.
        return claims.take(key(submission), Notice.RETURN.claim(), now, lease,
                Claims.ITEM_EXISTS + " AND attribute_not_exists(returnedAt)",
                Map.of("returnedAt", s(r.returnedAt().toString()), "returnedBy", s(r.returnedBy().id()),
                        "returnedByName", s(r.returnedBy().name()), "returnReason", s(r.reason())));
    }

    @Override
    public void grant(Extension e) {
        Map<String, AttributeValue> key = Items.key(pk(e.obligationId()), "UNIT#" + e.unitId() + "#EXT#" + e.grantedAt());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", s(EXTENSION));
        item.put("unitId", s(e.unitId()));
        item.put("obligationId", s(e.obligationId()));
        item.put("until", s(e.until().toString()));
        item.put("reason", s(e.reason()));
        item.put("grantedBy", s(e.grantedBy().id()));
        item.put("grantedByName", s(e.grantedBy().name()));
        item.put("grantedAt", s(e.grantedAt().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException written) {
            // The key holds the instant of the grant: only this very write, tried again after its answer was
            // lost, can have written it. Read back to be sure of that.
            Map<String, AttributeValue> kept = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key)).item();
            if (kept == null || kept.isEmpty() || !extension(kept).equals(e)) {
                throw written;
            }
        }
    }

    /** Revokes every extension of the unit still in force, so one DELETE always leaves the plain deadline. */
    @Override
    public Optional<Extension> revoke(String obligationId, String unitId, Actor revokedBy, Instant at) {
        Optional<Extension> revoked = Optional.empty();
        for (Extension e : Extension.inForce(records(obligationId, unitId).extensions(), at)) {
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(Items.key(pk(obligationId), "UNIT#" + unitId + "#EXT#" + e.grantedAt()))
                        .updateExpression("SET revokedAt = :at, revokedBy = :by, revokedByName = :name")
                        .conditionExpression("attribute_exists(PK) AND attribute_not_exists(revokedAt)")
                        .expressionAttributeValues(Map.of(":at", s(at.toString()), ":by", s(revokedBy.id()),
                                ":name", s(revokedBy.name()))));
                if (revoked.isEmpty()) {
                    revoked = Optional.of(e.revoked(revokedBy, at));
                }
            } catch (ConditionalCheckFailedException revokedMeanwhile) {
                // someone else revoked this one at the same moment: it is revoked either way
            }
        }
        return revoked;
    }

    @Override
    public Optional<Claims.Held> claimNotice(Submission submission, Notice notice, Instant now, Duration lease) {
        return claims.take(key(submission), notice.claim(), now, lease, Claims.ITEM_EXISTS, Map.of());
    }

    @Override
    public void noticeSent(Claims.Held claim, String messageId) {
        claims.complete(claim, SENT, Map.of(claim.name() + "MessageId", s(messageId)));
    }

    @Override
    public void noticeClosed(Claims.Held claim, String outcome) {
        claims.complete(claim, outcome, Map.of());
    }

    @Override
    public void releaseNotice(Claims.Held claim) {
        claims.release(claim);
    }

    static String pk(String obligationId) {
        return "OBL#" + obligationId.replace(':', '#');
    }

    private static String sk(String unitId, String submissionId) {
        return "UNIT#" + unitId + "#SUB#" + submissionId;
    }

    private static Map<String, AttributeValue> key(Submission s) {
        return Items.key(pk(s.obligationId()), sk(s.unitId(), s.submissionId()));
    }

    private static Map<String, AttributeValue> item(Submission s) {
        Map<String, AttributeValue> item = new HashMap<>(key(s));
        item.put("type", s(SUBMISSION));
        item.put("submissionId", s(s.submissionId()));
        item.put("unitId", s(s.unitId()));
        item.put("obligationId", s(s.obligationId()));
        item.put("objectKey", s(s.key()));
        item.put("eTag", s(s.eTag()));
        if (s.versionId() != null) {
            item.put("versionId", s(s.versionId()));
        }
        item.put("size", n(s.size()));
        item.put("sha256", s(s.sha256()));
        item.put("contentType", s(s.contentType()));
        item.put("fileName", s(s.fileName()));
        item.put("receivedAt", s(s.receivedAt().toString()));
        item.put("onTime", AttributeValue.fromBool(s.onTime()));
        s.refusal().ifPresent(reason -> item.put("refusal", s(reason)));
        return item;
    }

    private static Extension extension(Map<String, AttributeValue> item) {
        return new Extension(str(item, "obligationId"), str(item, "unitId"), Instant.parse(str(item, "until")),
                str(item, "reason"), actor(item, "grantedBy"), Instant.parse(str(item, "grantedAt")),
                optStr(item, "revokedAt").map(Instant::parse), optStr(item, "revokedBy").map(by -> actor(item, "revokedBy")));
    }

    private static Submission submission(Map<String, AttributeValue> item) {
        return new Submission(str(item, "submissionId"), str(item, "unitId"), str(item, "obligationId"),
                str(item, "objectKey"), str(item, "eTag"), str(item, "versionId"), num(item, "size"),
                str(item, "sha256"), str(item, "contentType"), str(item, "fileName"),
                Instant.parse(str(item, "receivedAt")), item.get("onTime").bool(), optStr(item, "refusal"),
                optStr(item, "returnedAt").map(at -> new Returned(Instant.parse(at), actor(item, "returnedBy"),
                        str(item, "returnReason"))), InspectionItems.read(item));
    }

    /** {@code <attr>} holds the id, {@code <attr>Name} the name (absent on items written before names were kept). */
    private static Actor actor(Map<String, AttributeValue> item, String attribute) {
        return new Actor(str(item, attribute), str(item, attribute + "Name"));
    }
}
