package vn.haiphong.gddt.reports.store;

import java.util.List;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Submission;

/**
 * Every submission, grouped by obligation. Writes are conditional, so a storage event delivered
 * twice records one submission and sends one receipt.
 */
public interface SubmissionLedger {
    /** Writes the submission unless one with its id exists; true when this call wrote it. */
    boolean recordIfAbsent(Submission submission);

    Optional<Submission> find(String obligationId, String unitId, String submissionId);

    List<Submission> ofUnit(String obligationId, String unitId);

    /** Takes the right to send this submission's receipt; false when it was sent or is being sent. */
    boolean claimReceipt(Submission submission);

    void receiptSent(Submission submission, String messageId);

    /** Gives the claim back after a failed send, so a retry can send. */
    void releaseReceipt(Submission submission);
}
