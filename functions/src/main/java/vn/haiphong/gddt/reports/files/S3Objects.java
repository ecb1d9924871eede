package vn.haiphong.gddt.reports.files;

import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What every S3 adapter here needs the same way: a HEAD where "not there" is an answer, not an error. */
final class S3Objects {
    private S3Objects() {
    }

    /**
     * The object's head, or empty when it is not there. Without {@code s3:ListBucket} (which no function
     * needs for this, so none has it unconditioned) S3 answers a missing key with 403 rather than 404;
     * every caller holds {@code s3:GetObject} on the keys it asks about, so a 403 here can only mean that.
     */
    static Optional<HeadObjectResponse> head(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (absent(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether S3 answered that the key is not there: 404, or 403 (see {@link #head}). */
    static boolean absent(S3Exception e) {
        return e instanceof NoSuchKeyException || e.statusCode() == 404 || e.statusCode() == 403;
    }
}
