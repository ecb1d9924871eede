package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import vn.haiphong.gddt.reports.domain.Actor;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Submission;

/**
 * The ledger in sorted maps, keyed as the table is ({@code OBL#…} / {@code UNIT#<unit>#SUB#<id>},
 * {@code …#EXT#<grantedAt>}), so records come back in the order a Query gives them. Checked against
 * DynamoDB by {@code SubmissionLedgerContractTest}.
 */
public final class InMemorySubmissionLedger implements SubmissionLedger {
    private final Map<String, NavigableMap<String, Object>> partitions = new HashMap<>();
    private final InMemoryClaims claims = new InMemoryClaims();

    @Override
    public synchronized boolean recordIfAbsent(Submission submission) {
        return partition(submission.obligationId()).putIfAbsent(sk(submission), submission) == null;
    }

    @Override
    public synchronized Optional<Submission> find(String obligationId, String unitId, String submissionId) {
        return Optional.ofNullable(partition(obligationId).get("UNIT#" + unitId + "#SUB#" + submissionId))
                .map(Submission.class::cast);
    }

    @Override
    public synchronized Optional<Submission> findById(String submissionId) {
        if (!submissionId.matches("[a-z0-9]{8,64}")) {
            return Optional.empty();
        }
        return partitions.values().stream().flatMap(p -> p.values().stream())
                .filter(Submission.class::isInstance).map(Submission.class::cast)
                .filter(s -> s.submissionId().equals(submissionId)).findFirst();
    }

    @Override
    public synchronized Records records(String obligationId) {
        return query(obligationId, "UNIT#");
    }

    @Override
    public synchronized Records records(String obligationId, String unitId) {
        return query(obligationId, "UNIT#" + unitId + "#");
    }

    private Records query(String obligationId, String prefix) {
        List<Submission> submissions = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        List<Owed> owed = new ArrayList<>();
        partition(obligationId).tailMap(prefix, true).forEach((sk, record) -> {
            if (!sk.startsWith(prefix)) {
                return;
            }
            if (record instanceof Submission s) {
                submissions.add(s);
                owed(s, Notice.RECEIPT).ifPresent(owed::add);
                if (s.returned().isPresent()) {
                    owed(s, Notice.RETURN).ifPresent(owed::add);
                }
                if (s.inspection().filter(i -> i.verdict() == Inspection.Verdict.REFUSED).isPresent()) {
                    owed(s, Notice.INSPECTION_REFUSAL).ifPresent(owed::add);
                }
            } else if (record instanceof Extension e) {
                extensions.add(e);
            }
        });
        return new Records(List.copyOf(submissions), List.copyOf(extensions), List.copyOf(owed));
    }

    private Optional<Owed> owed(Submission s, Notice notice) {
        Optional<InMemoryClaims.Slot> slot = claims.slot(notice.claim(), pk(s.obligationId()), sk(s));
        if (slot.isPresent() && slot.get().state() == Claims.State.DONE) {
            return Optional.empty();
        }
        return Optional.of(new Owed(s, notice, slot.flatMap(InMemoryClaims.Slot::expiresAt)));
    }

    @Override
    public synchronized boolean recordInspection(Submission submission, Inspection inspection, Instant at) {
        Optional<Submission> stored = find(submission.obligationId(), submission.unitId(), submission.submissionId());
        if (stored.isEmpty() || stored.get().inspection().isPresent()) {
            return false;
        }
        Submission s = stored.get();
        // As the table's one write does: a refusing inspection with a reason makes that reason the file's refusal.
        Optional<String> refusal = inspection.verdict() == Inspection.Verdict.REFUSED && inspection.reason().isPresent()
                ? inspection.reason() : s.refusal();
        partition(s.obligationId()).put(sk(s), new Submission(s.submissionId(), s.unitId(), s.obligationId(), s.key(),
                s.eTag(), s.versionId(), s.size(), s.sha256(), s.contentType(), s.fileName(), s.receivedAt(), s.onTime(),
                refusal, s.returned(), Optional.of(inspection)));
        return true;
    }

    @Override
    public synchronized Optional<Claims.Held> markReturned(Submission submission, Returned returned, Instant now,
                                                        Duration lease) {
        Optional<Submission> stored = find(submission.obligationId(), submission.unitId(), submission.submissionId());
        if (stored.isEmpty() || stored.get().returned().isPresent()) {
            return Optional.empty();
        }
        partition(submission.obligationId()).put(sk(submission), stored.get().withReturned(returned));
        return claims.take(Notice.RETURN.claim(), pk(submission.obligationId()), sk(submission), now, lease);
    }

    @Override
    public synchronized void grant(Extension extension) {
        String sk = "UNIT#" + extension.unitId() + "#EXT#" + extension.grantedAt();
        Object kept = partition(extension.obligationId()).putIfAbsent(sk, extension);
        if (kept != null && !kept.equals(extension)) {
            throw new IllegalStateException("an extension was granted at " + extension.grantedAt() + " already");
        }
    }

    @Override
    public synchronized Optional<Extension> revoke(String obligationId, String unitId, Actor revokedBy, Instant at) {
        Optional<Extension> revoked = Optional.empty();
        for (Extension e : Extension.inForce(records(obligationId, unitId).extensions(), at)) {
            Extension now = e.revoked(revokedBy, at);
            partition(obligationId).put("UNIT#" + unitId + "#EXT#" + e.grantedAt(), now);
            if (revoked.isEmpty()) {
                revoked = Optional.of(now);
            }
        }
        return revoked;
    }

    @Override
    public synchronized Optional<Claims.Held> claimNotice(Submission submission, Notice notice, Instant now, Duration lease) {
        if (find(submission.obligationId(), submission.unitId(), submission.submissionId()).isEmpty()) {
            return Optional.empty();
        }
        return claims.take(notice.claim(), pk(submission.obligationId()), sk(submission), now, lease);
    }

    @Override
    public void noticeSent(Claims.Held claim, String messageId) {
        claims.complete(claim, "SENT");
    }

    @Override
    public void noticeClosed(Claims.Held claim, String outcome) {
        claims.complete(claim, outcome);
    }

    @Override
    public void releaseNotice(Claims.Held claim) {
        claims.release(claim);
    }

    private NavigableMap<String, Object> partition(String obligationId) {
        return partitions.computeIfAbsent(obligationId, id -> new TreeMap<>());
    }

    private static String pk(String obligationId) {
        return DynamoDbSubmissionLedger.pk(obligationId);
    }

    private static String sk(Submission s) {
        return "UNIT#" + s.unitId() + "#SUB#" + s.submissionId();
    }
}
