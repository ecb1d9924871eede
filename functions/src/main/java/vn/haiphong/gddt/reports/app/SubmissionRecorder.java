package vn.haiphong.gddt.reports.app;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.FileType;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.domain.Text;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.files.SubmissionFiles.StoredFile;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.mail.SubmissionEmails;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/**
 * What happens when a file lands under {@code submissions/}: check it, record it once, move a bad
 * one to quarantine, and tell the unit — exactly once, however often the event is delivered.
 *
 * <p>Each step can be repeated safely: the record is a conditional write, the move is a no-op once
 * done, and the e-mail is sent only by whoever claims the receipt ({@link Claims}). The storage event
 * and the reconciliation sweep both come through here, so either one is enough.
 */
public final class SubmissionRecorder {
    public enum Outcome { RECORDED, ALREADY_RECORDED, IGNORED }


    /** How an inspection's refusal notice ends when the receipt itself carried the refusal. */
    static final String IN_RECEIPT = "IN_RECEIPT";

    private final Catalog catalog;
    private final UnitDirectory units;
    private final SubmissionLedger ledger;
    private final SubmissionFiles files;
    private final SubmissionEmails emails;
    private final SubmissionNotices notices;

    /** @param undeliverable addresses SES reported bounced or complained about (lower case): never written to */
    public SubmissionRecorder(Catalog catalog, UnitDirectory units, SubmissionLedger ledger, SubmissionFiles files,
                              Mailer mailer, SubmissionEmails emails, Supplier<Set<String>> undeliverable, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.ledger = ledger;
        this.files = files;
        this.emails = emails;
        this.notices = new SubmissionNotices(ledger, mailer, undeliverable, clock);
    }

    /** What {@link #record} did, and the submission's record when there is one. */
    public record Recorded(Outcome outcome, Optional<Submission> submission) {
    }

    /**
     * Records the file and tells the unit: what the storage event does.
     *
     * @param storedAt  when storage received the file (the event's time), on the business clock: it
     *                  decides on time or late
     * @param versionId the object version named by the event, if the bucket is versioned
     * @param timeLeft  what remains of this invocation: a receipt claimed now lapses after it
     */
    public Outcome onObjectCreated(String key, String versionId, Instant storedAt, Duration timeLeft) {
        Found found = recordFile(key, versionId, storedAt);
        found.recorded().submission().ifPresent(s -> tellUnit(s, found.unit(), found.obligation(), timeLeft));
        return found.recorded().outcome();
    }

    /** What recording found on the way, so that telling the unit does not look it all up again. */
    private record Found(Recorded recorded, Unit unit, Obligation obligation) {
        static Found nothing(Outcome outcome) {
            return new Found(new Recorded(outcome, Optional.empty()), null, null);
        }
    }

    /**
     * Records the file once (a refused one is moved to quarantine), without telling the unit: the
     * caller sends the receipt ({@link #sendOwedReceipt}).
     *
     * @param storedAt when storage received the file, on the business clock: it decides on time or late
     */
    public Recorded record(String key, String versionId, Instant storedAt) {
        return recordFile(key, versionId, storedAt).recorded();
    }

    private Found recordFile(String key, String versionId, Instant storedAt) {
        Optional<SubmissionKey> parsed = SubmissionKey.parse(key);
        Optional<Obligation> obligation = parsed.flatMap(k -> catalog.find(k.obligationId()));
        Optional<Unit> unit = parsed.flatMap(k -> units.find(k.unitId()));
        if (parsed.isEmpty() || obligation.isEmpty() || unit.isEmpty()) {
            // Only our presigned URLs write here; anything else is not a unit's submission.
            files.move(key, SubmissionKey.QUARANTINE_PREFIX + key);
            return Found.nothing(Outcome.IGNORED);
        }
        SubmissionKey k = parsed.get();
        Optional<Submission> known = ledger.find(k.obligationId(), k.unitId(), k.submissionId());
        boolean fresh = false;
        if (known.isEmpty()) {
            Optional<SubmissionFiles.Described> file = files.describeWithFirstBytes(key, FileType.HEAD_BYTES);
            if (file.isEmpty()) {
                return Found.nothing(Outcome.IGNORED);
            }
            Instant due = ObligationStatus.row(obligation.get(), unit.get(), List.of(),
                    ledger.records(k.obligationId(), k.unitId()).extensions(), storedAt).dueForUnit();
            Submission submission = check(k, file.get(), versionId, storedAt, due);
            fresh = ledger.recordIfAbsent(submission);
            known = fresh ? Optional.of(submission) : ledger.find(k.obligationId(), k.unitId(), k.submissionId());
        }
        Submission submission = known.orElseThrow();
        if (!submission.accepted()) {
            files.move(key, k.quarantineKey());
        }
        return new Found(new Recorded(fresh ? Outcome.RECORDED : Outcome.ALREADY_RECORDED, Optional.of(submission)),
                unit.get(), obligation.get());
    }

    /**
     * Sends a receipt (or refusal) that is still owed: its send failed, or the run that claimed it
     * died. Nothing happens when someone else holds it or it went out meanwhile.
     *
     * @return true when this call sent it
     */
    public boolean sendOwedReceipt(Submission submission, Duration timeLeft) {
        Optional<Obligation> obligation = catalog.find(submission.obligationId());
        Optional<Unit> unit = units.find(submission.unitId());
        if (obligation.isEmpty() || unit.isEmpty()) {
            return false;
        }
        return tellUnit(submission, unit.get(), obligation.get(), timeLeft);
    }

    /**
     * Tells the unit, once, that the deep inspection refused a file whose receipt may have gone out
     * already: the refusal e-mail, with the inspection's reason.
     *
     * @return true when this call sent it
     */
    public boolean sendOwedInspectionRefusal(Submission submission, Duration timeLeft) {
        Optional<Obligation> obligation = catalog.find(submission.obligationId());
        Optional<Unit> unit = units.find(submission.unitId());
        if (obligation.isEmpty() || unit.isEmpty() || submission.accepted()) {
            return false;
        }
        if (receiptOwed(submission)) {
            // No receipt went out (SES was down, or the inspection beat it): the one still owed is written from
            // the verdict, so it goes now as this refusal, and closes this notice. Both would tell the unit
            // twice, the second about a receipt it never got.
            return tellUnit(submission, unit.get(), obligation.get(), timeLeft);
        }
        SubmissionNotices.Result result = notices.sendOnce(submission, SubmissionLedger.Notice.INSPECTION_REFUSAL,
                unit.get(), timeLeft, (to, now) -> emails.inspectionRefusal(unit.get(), obligation.get(), submission, to));
        return result == SubmissionNotices.Result.SENT || result == SubmissionNotices.Result.UNCONFIRMED;
    }

    private Submission check(SubmissionKey k, SubmissionFiles.Described described, String versionId, Instant at, Instant due) {
        StoredFile file = described.file();
        Optional<FileType> type = FileType.ofContentType(file.contentType());
        // The grant named the type that fits the file's extension, and nothing else.
        Optional<FileType> granted = Arrays.stream(FileType.values()).filter(t -> t.fitsName(k.safeName())).findFirst();
        Optional<String> refusal;
        if (type.isEmpty()) {
            refusal = Optional.of("loại tệp không được phép (" + file.contentType() + ")");
        } else if (granted.isEmpty() || !granted.get().contentType().equals(file.contentType())) {
            refusal = Optional.of("loại tệp gửi lên (" + file.contentType() + ") khác với loại đã khai khi xin tải lên ("
                    + granted.map(FileType::contentType).orElse("không rõ") + ")");
        } else if (!file.servedWith().isEmpty()) {
            // The grant binds none of these, so a present one was added outside it; served back to the
            // Office, it would change how the file opens (Content-Encoding: gzip makes it unreadable).
            refusal = Optional.of("tệp được gửi kèm tiêu đề không có trong quyền tải lên ("
                    + file.servedWith().entrySet().stream().map(e -> e.getKey() + ": " + clipped(e.getValue()))
                            .collect(Collectors.joining("; ")) + ")");
        } else if (!type.get().fitsHead(described.firstBytes())) {
            refusal = Optional.of("nội dung tệp không phải là tệp " + type.get().name() + " hợp lệ");
        } else {
            refusal = Optional.empty();
        }
        String fileName = Text.nfc(URLDecoder.decode(
                file.metadata().getOrDefault(Uploads.META_FILE_NAME, k.safeName()), StandardCharsets.UTF_8));
        return new Submission(k.submissionId(), k.unitId(), k.obligationId(), k.key(), file.eTag(),
                versionId != null ? versionId : file.versionId(), file.size(),
                file.metadata().getOrDefault(Uploads.META_SHA256, ""), file.contentType(), fileName, at,
                at.isBefore(due), refusal);
    }

    /** A header value as the reason quotes it: whoever added it chose it, and the e-mail is no place for 8 KB. */
    private static String clipped(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    private boolean tellUnit(Submission submission, Unit unit, Obligation obligation, Duration timeLeft) {
        boolean refusedOnInspection = submission.inspection().filter(i -> i.verdict() == Inspection.Verdict.REFUSED).isPresent();
        SubmissionNotices.Result result = notices.sendOnce(submission, SubmissionLedger.Notice.RECEIPT, unit, timeLeft,
                (to, now) -> submission.accepted()
                        ? emails.receipt(unit, obligation, submission, to)
                        : emails.refusal(unit, obligation, submission, to),
                // This receipt is the inspection's refusal, with its reason: the separate refusal is ended while the
                // receipt is held, before it goes out. Ended after the send, a sweep that read the receipt done in
                // between sent the refusal a second time. A failed send leaves the receipt owed, and it says the same.
                refusedOnInspection
                        ? () -> notices.closeUnsent(submission, SubmissionLedger.Notice.INSPECTION_REFUSAL, IN_RECEIPT)
                        : () -> { });
        return result == SubmissionNotices.Result.SENT || result == SubmissionNotices.Result.UNCONFIRMED;
    }

    private boolean receiptOwed(Submission submission) {
        for (SubmissionLedger.Owed owed : ledger.records(submission.obligationId(), submission.unitId()).owed()) {
            if (owed.notice() == SubmissionLedger.Notice.RECEIPT && owed.submission().submissionId().equals(submission.submissionId())) {
                return true;
            }
        }
        return false;
    }
}
