package vn.haiphong.gddt.reports.files;

import java.util.Arrays;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.haiphong.gddt.reports.JsonOut;
import vn.haiphong.gddt.reports.app.StatusDocument;

/** Status documents as JSON objects in the submissions bucket, under {@code status/}. */
public final class S3StatusArchive implements StatusArchive {

    private final S3Client s3;
    private final String bucket;

    public S3StatusArchive(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public boolean exists(String key) {
        return S3Objects.head(s3, bucket, key).isPresent();
    }

    /**
     * A conditional write (If-None-Match: *): S3 itself refuses to replace a kept snapshot. A refusal is
     * read back, because it may refuse our own write: when the answer to a write that succeeded is lost on
     * the way, the SDK tries it again and that second try finds the key taken. The same bytes kept there
     * mean that this document is the one kept.
     */
    @Override
    public boolean writeOnce(String key, StatusDocument document) {
        byte[] json = JsonOut.bytes(document);
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json; charset=utf-8").ifNoneMatch("*"),
                    RequestBody.fromBytes(json));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return Arrays.equals(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArrayUnsafe(), json);
            }
            if (e.statusCode() == 409) {
                // Another write of the same key is under way (ConditionalRequestConflict): that one keeps it.
                return false;
            }
            throw e;
        }
    }

    @Override
    public void write(String key, StatusDocument document) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json; charset=utf-8"),
                RequestBody.fromBytes(JsonOut.bytes(document)));
    }

}
