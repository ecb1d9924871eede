package vn.haiphong.gddt.reports.app;

import java.time.Duration;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * {@code GET /v1/submissions/{id}/file}: a short-lived link that downloads under the original name,
 * as the type granted, whatever headers the object carries.
 */
public final class Downloads {
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(5);
    public static final String QUARANTINED_TYPE = "application/octet-stream";
    public static final String QUARANTINED_SUFFIX = ".bin";

    private final Catalog catalog;
    private final SubmissionLedger ledger;
    private final SubmissionFiles files;

    public Downloads(Catalog catalog, SubmissionLedger ledger, SubmissionFiles files) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.files = files;
    }

    /**
     * @param quarantined the Office asks, knowingly, for what a refused submission's unit sent: it
     *                    comes as opaque bytes ({@code application/octet-stream}, a {@code .bin} name),
     *                    so nothing opens it as the report it claimed to be
     */
    public SubmissionFiles.PresignedDownload linkFor(OfficeToken office, String submissionId, boolean quarantined) {
        Submission s = ledger.findById(submissionId).orElseThrow(() -> new RequestRefused(Problem.SUBMISSION_NOT_FOUND));
        catalog.find(s.obligationId()).ifPresent(o -> OfficeAccess.requireReadable(office, o.report()));
        if (s.accepted()) {
            if (quarantined) {
                // Nothing of an accepted file is in quarantine; answering the report instead would hide the mistake.
                throw new RequestRefused(Problem.QUERY_INVALID,
                        "Bản nộp này đã được tiếp nhận, không có tệp bị từ chối; hãy bỏ tham số quarantined.");
            }
            return files.presignDownload(s.key(), s.versionId(), s.fileName(), s.contentType(), LINK_VALIDITY);
        }
        if (!quarantined) {
            throw new RequestRefused(Problem.SUBMISSION_REFUSED,
                    Problem.SUBMISSION_REFUSED.detail() + " Lý do từ chối: " + s.refusal().orElse("") + ".");
        }
        String key = SubmissionKey.parse(s.key()).map(SubmissionKey::quarantineKey).orElse(s.key());
        return files.presignDownload(key, null, s.fileName() + QUARANTINED_SUFFIX, QUARANTINED_TYPE, LINK_VALIDITY);
    }
}
