package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a unit sent for an obligation, as recorded when storage told us it arrived.
 *
 * @param receivedAt the storage event's time: the server's clock, never the browser's
 * @param sha256     base64, as S3 checks it
 * @param refusal    empty when accepted; otherwise why the file was moved to quarantine
 * @param returned   empty unless the Office sent the file back
 * @param inspection empty until the deep inspection (its own function, a minute at most) has looked at it
 */
public record Submission(String submissionId, String unitId, String obligationId, String key, String eTag,
                         String versionId, long size, String sha256, String contentType, String fileName,
                         Instant receivedAt, boolean onTime, Optional<String> refusal, Optional<Returned> returned,
                         Optional<Inspection> inspection) {
    /** The order files arrived in; the id breaks a tie so every reader agrees on "latest". */
    public static final Comparator<Submission> ARRIVAL =
            Comparator.comparing(Submission::receivedAt).thenComparing(Submission::submissionId);

    public Submission {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        refusal = refusal == null ? Optional.empty() : refusal;
        returned = returned == null ? Optional.empty() : returned;
        inspection = inspection == null ? Optional.empty() : inspection;
    }

    public Submission(String submissionId, String unitId, String obligationId, String key, String eTag,
                      String versionId, long size, String sha256, String contentType, String fileName,
                      Instant receivedAt, boolean onTime, Optional<String> refusal, Optional<Returned> returned) {
        this(submissionId, unitId, obligationId, key, eTag, versionId, size, sha256, contentType, fileName, receivedAt,
                onTime, refusal, returned, Optional.empty());
    }

    /** A file as it arrives: not returned. */
    public Submission(String submissionId, String unitId, String obligationId, String key, String eTag,
                      String versionId, long size, String sha256, String contentType, String fileName,
                      Instant receivedAt, boolean onTime, Optional<String> refusal) {
        this(submissionId, unitId, obligationId, key, eTag, versionId, size, sha256, contentType, fileName, receivedAt,
                onTime, refusal, Optional.empty());
    }

    public Submission withReturned(Returned r) {
        return new Submission(submissionId, unitId, obligationId, key, eTag, versionId, size, sha256, contentType,
                fileName, receivedAt, onTime, refusal, Optional.of(r), inspection);
    }

    /** As it stands once inspected: a refusing inspection makes it a refused file, with the inspection's reason. */
    public Submission withInspection(Inspection i) {
        Optional<String> refused = refusal.isPresent() || i.verdict() == Inspection.Verdict.OK ? refusal : i.reason();
        return new Submission(submissionId, unitId, obligationId, key, eTag, versionId, size, sha256, contentType,
                fileName, receivedAt, onTime, refused, returned, Optional.of(i));
    }

    /** Whether the Office had sent it back by {@code asOf}; a return is not known before it happened. */
    public boolean returnedAsOf(Instant asOf) {
        return returned.map(r -> !r.returnedAt().isAfter(asOf)).orElse(false);
    }

    public boolean accepted() {
        return refusal.isEmpty();
    }
}
