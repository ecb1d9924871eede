package vn.haiphong.gddt.emulators;

import java.time.Instant;

/**
 * An object finished being written to S3, as an {@code s3:ObjectCreated:*} notification would say.
 *
 * @param bucket    the bucket name
 * @param key       the object key, not URL-encoded
 * @param size      the stored size in bytes
 * @param eTag      the entity tag without surrounding quotes
 * @param eventTime when the write completed
 */
public record ObjectCreated(String bucket, String key, long size, String eTag, Instant eventTime) {

    static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
