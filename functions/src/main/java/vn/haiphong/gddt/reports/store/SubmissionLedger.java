package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Actor;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Submission;

/**
 * What is recorded for each obligation: its submissions and its extensions. Writes are
 * conditional, so a storage event delivered twice records one submission and sends one receipt.
 */
public interface SubmissionLedger {
    /** Everything recorded for an obligation, or for one unit of it: one (paged) Query. */
    record Records(List<Submission> submissions, List<Extension> extensions, List<Owed> owed) {
        public Records(List<Submission> submissions, List<Extension> extensions) {
            this(submissions, extensions, List.of());
        }
    }

    /** An e-mail each submission owes its unit once, each under a claim of its own name. */
    enum Notice {
        /** The receipt of an accepted file, or the refusal of a quarantined one. */
        RECEIPT("receipt"),
        /** The Office's return of the file, with its reason and a link for a new one. */
        RETURN("returnNotice"),
        /** The refusal of a file the deep inspection refused after its receipt went out. */
        INSPECTION_REFUSAL("inspectionNotice");

        private final String claim;

        Notice(String claim) {
            this.claim = claim;
        }

        public String claim() {
            return claim;
        }
    }

    /**
     * A notice not yet sent: never claimed, given back after a failure, or held by someone
     * ({@code heldUntil}: a claim that lapses then, if its holder died).
     */
    record Owed(Submission submission, Notice notice, Optional<Instant> heldUntil) {
    }

    /** Writes the submission unless one with its id exists; true when this call wrote it. */
    boolean recordIfAbsent(Submission submission);

    Optional<Submission> find(String obligationId, String unitId, String submissionId);

    /** By id alone, for the Office's download link. */
    Optional<Submission> findById(String submissionId);

    Records records(String obligationId);

    Records records(String obligationId, String unitId);

    /**
     * Takes the right to send one of the submission's notices (see {@link Claims}); empty when it was
     * sent, or is being sent by someone whose claim has not lapsed.
     */
    Optional<Claims.Held> claimNotice(Submission submission, Notice notice, Instant now, Duration lease);

    /** The notice went out as {@code messageId}; it is never sent again. */
    void noticeSent(Claims.Held claim, String messageId);

    /**
     * The notice is not owed any more, without a message id: {@code outcome} says why (no deliverable
     * address, or a send SES did not confirm, which is never repeated).
     */
    void noticeClosed(Claims.Held claim, String outcome);

    /** Gives the claim back after a failed send, so the next try sends at once. */
    void releaseNotice(Claims.Held claim);

    /**
     * Keeps the inspection's result on the submission, once; a refusing one also marks the file refused.
     *
     * @return true when this call wrote it; false when it was inspected before, or is not recorded (yet)
     */
    boolean recordInspection(Submission submission, Inspection inspection, Instant at);

    /**
     * Records the Office's return of a submission unless it was returned already (of two returns at the
     * same moment exactly one is recorded) and, in the same write, takes the claim of its notice
     * ({@link Notice#RETURN}): one write where there were two, and a return is never recorded without
     * someone holding its notice. The claim when this call recorded it; empty when it was returned
     * already, or is not recorded.
     */
    Optional<Claims.Held> markReturned(Submission submission, Returned returned, Instant now, Duration lease);

    /** Adds an extension to the unit's history; the latest in force is the one that counts. */
    void grant(Extension extension);

    /** Marks every extension of the unit in force as revoked; returns the one that counted, empty when none was. */
    Optional<Extension> revoke(String obligationId, String unitId, Actor revokedBy, Instant at);
}
