package vn.haiphong.gddt.reports.app;

import java.time.Duration;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/** {@code GET /v1/submissions/{id}/file}: a short-lived link that downloads under the original name. */
public final class Downloads {
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(5);

    private final Catalog catalog;
    private final SubmissionLedger ledger;
    private final SubmissionFiles files;

    public Downloads(Catalog catalog, SubmissionLedger ledger, SubmissionFiles files) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.files = files;
    }

    public SubmissionFiles.PresignedDownload linkFor(Capability office, String submissionId) {
        Submission s = ledger.findById(submissionId).orElseThrow(() -> new RequestRefused(Problem.SUBMISSION_NOT_FOUND));
        catalog.find(s.obligationId()).ifPresent(o -> OfficeAccess.requireReadable(office, o.report()));
        // A refused file was moved aside; the Office may still want to see what arrived.
        String key = s.accepted() ? s.key()
                : SubmissionKey.parse(s.key()).map(SubmissionKey::quarantineKey).orElse(s.key());
        return files.presignDownload(key, s.accepted() ? s.versionId() : null, s.fileName(), s.contentType(), LINK_VALIDITY);
    }
}
