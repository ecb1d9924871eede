package vn.haiphong.gddt.reports.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Submission;

/**
 * What is recorded for each obligation: its submissions and its extensions. Writes are
 * conditional, so a storage event delivered twice records one submission and sends one receipt.
 */
public interface SubmissionLedger {
    /** Everything recorded for an obligation, or for one unit of it: one (paged) Query. */
    record Records(List<Submission> submissions, List<Extension> extensions) {
    }

    /** Writes the submission unless one with its id exists; true when this call wrote it. */
    boolean recordIfAbsent(Submission submission);

    Optional<Submission> find(String obligationId, String unitId, String submissionId);

    /** By id alone, for the Office's download link. */
    Optional<Submission> findById(String submissionId);

    Records records(String obligationId);

    Records records(String obligationId, String unitId);

    /** Takes the right to send this submission's receipt; false when it was sent or is being sent. */
    boolean claimReceipt(Submission submission);

    void receiptSent(Submission submission, String messageId);

    /** Gives the claim back after a failed send, so a retry can send. */
    void releaseReceipt(Submission submission);

    /**
     * Records the Office's return of a submission unless it was returned already: of two returns at
     * the same moment exactly one is recorded. True when this call recorded it.
     */
    boolean markReturned(Submission submission, Returned returned);

    /** Keeps the id of the e-mail that told the unit about the return. */
    void returnNoticeSent(Submission submission, String messageId);

    /** Adds an extension to the unit's history; the latest in force is the one that counts. */
    void grant(Extension extension);

    /** Marks every extension of the unit in force as revoked; returns the one that counted, empty when none was. */
    Optional<Extension> revoke(String obligationId, String unitId, String revokedBy, Instant at);
}
