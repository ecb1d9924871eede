package vn.haiphong.gddt.reports.files;

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

    /** A conditional write (If-None-Match: *): S3 itself refuses to replace a kept snapshot. */
    @Override
    public boolean writeOnce(String key, StatusDocument document) {
        if (exists(key)) {
            return false;
        }
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json; charset=utf-8").ifNoneMatch("*"),
                    RequestBody.fromBytes(JsonOut.bytes(document)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
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
