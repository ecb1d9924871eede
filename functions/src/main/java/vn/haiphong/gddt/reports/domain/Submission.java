package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a unit sent for an obligation, as recorded when storage told us it arrived.
 *
 * @param receivedAt the storage event's time: the server's clock, never the browser's
 * @param sha256     base64, as S3 checks it
 * @param refusal    empty when accepted; otherwise why the file was moved to quarantine
 */
public record Submission(String submissionId, String unitId, String obligationId, String key, String eTag,
                         String versionId, long size, String sha256, String contentType, String fileName,
                         Instant receivedAt, boolean onTime, Optional<String> refusal) {
    public Submission {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        refusal = refusal == null ? Optional.empty() : refusal;
    }

    public boolean accepted() {
        return refusal.isEmpty();
    }
}
