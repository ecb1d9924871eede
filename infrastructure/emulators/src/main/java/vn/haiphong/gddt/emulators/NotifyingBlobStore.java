package vn.haiphong.gddt.emulators;

import java.io.InputStream;
import java.time.Instant;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Emulates S3 event notifications: every write that completes is published as {@link ObjectCreated}. */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger log = LoggerFactory.getLogger(NotifyingBlobStore.class);
    /** S3Proxy's hidden bookkeeping blobs for multipart uploads; real S3 would not announce them. */
    private static final String MPU_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final ObjectCreatedBus bus;

    NotifyingBlobStore(BlobStore delegate, ObjectCreatedBus bus) {
        super(delegate);
        this.bus = bus;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        PutObjectResponse response = super.putBlob(request, input);
        announce(request.bucket(), request.key());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        announce(request.destinationBucket(), request.destinationKey());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        announce(upload.containerName(), upload.blobName());
        return response;
    }

    private void announce(String bucket, String key) {
        if (key.startsWith(MPU_STUB_PREFIX)) {
            return;
        }
        Instant completed = Instant.now();
        try {
            // Read back what was stored: a chunked upload's request carries no length, a copy's none at all.
            HeadObjectResponse stored = delegate().blobMetadata(
                    HeadObjectRequest.builder().bucket(bucket).key(key).build());
            bus.publish(new ObjectCreated(
                    bucket, key, stored.contentLength(), ObjectCreated.unquote(stored.eTag()), completed));
        } catch (RuntimeException e) {
            log.warn("s3://{}/{} was written but could not be read back; no ObjectCreated event", bucket, key, e);
        }
    }
}
