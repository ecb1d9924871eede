package vn.haiphong.gddt.reports.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import vn.haiphong.gddt.reports.domain.FileName;

/** The submissions bucket on S3. */
public final class S3SubmissionFiles implements SubmissionFiles {
    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    /**
     * @param s3        asked for on the first call that reads or writes the bucket: presigning needs no client, and
     *                  building one (its verifier loads some 160 model classes) is about a tenth of the cold start
     *                  of the two functions that only presign ({@code POST /v1/uploads}, a file's download link);
     * @param presigner likewise on the first link: recording an upload presigns nothing
     */
    public S3SubmissionFiles(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /**
     * Content type, length, SHA-256 and metadata become signed headers: S3 itself refuses a body or
     * header that differs from what was granted.
     */
    @Override
    public PresignedUpload presignUpload(UploadSpec spec, Duration validFor) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(spec.key())
                .contentType(spec.contentType())
                .contentLength(spec.size())
                .checksumSHA256(spec.sha256())
                .metadata(spec.metadata())
                .build();
        PresignedPutObjectRequest presigned = presigner.get().presignPutObject(p -> p.signatureDuration(validFor).putObjectRequest(put));
        Map<String, String> headers = new HashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUpload(presigned.url().toString(), "PUT", Map.copyOf(headers), presigned.expiration());
    }

    @Override
    public PresignedDownload presignDownload(String key, String versionId, String fileName, String contentType,
                                             Duration validFor) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).versionId(versionId)
                .responseContentDisposition(contentDisposition(fileName))
                .responseContentType(contentType)
                .build();
        PresignedGetObjectRequest presigned = presigner.get().presignGetObject(p -> p.signatureDuration(validFor).getObjectRequest(get));
        return new PresignedDownload(presigned.url().toString(), presigned.expiration());
    }

    private static final String HEX = "0123456789ABCDEF";

    /** {@code attachment; filename="Bao-cao.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf}. */
    static String contentDisposition(String fileName) {
        String ascii = FileName.of(fileName).map(FileName::safe).orElse("bao-cao");
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    @Override
    public Optional<StoredFile> describe(String key) {
        return S3Objects.head(s3.get(), bucket, key).map(head -> new StoredFile(head.contentLength(), unquote(head.eTag()),
                head.versionId(), head.contentType(), head.metadata(), servedWith(head.contentEncoding(), head.cacheControl(),
                        head.contentDisposition(), head.contentLanguage(), head.expiresString())));
    }

    /**
     * A ranged GET, which answers with every header a HEAD does: one request where a HEAD and a GET were two
     * (and, on a cold start, one SDK operation fewer to load). The size is the one Content-Range gives.
     */
    @Override
    public Optional<Described> describeWithFirstBytes(String key, int count) {
        ResponseBytes<GetObjectResponse> got;
        try {
            got = s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(key).range("bytes=0-" + (count - 1)));
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // An empty object has no byte 0 to start a range at.
                return describe(key).map(file -> new Described(file, new byte[0]));
            }
            if (S3Objects.absent(e)) {
                return Optional.empty();
            }
            throw e;
        }
        GetObjectResponse head = got.response();
        StoredFile file = new StoredFile(size(head), unquote(head.eTag()), head.versionId(), head.contentType(), head.metadata(),
                servedWith(head.contentEncoding(), head.cacheControl(), head.contentDisposition(), head.contentLanguage(),
                        head.expiresString()));
        return Optional.of(new Described(file, got.asByteArray()));
    }

    /** {@code bytes 0-7/12345} → 12345; without a Content-Range the whole object came back. */
    private static long size(GetObjectResponse ranged) {
        String range = ranged.contentRange();
        return range == null ? ranged.contentLength() : Long.parseLong(range.substring(range.lastIndexOf('/') + 1).strip());
    }

    /** In SERVED_WITH's order; Expires as written, not parsed: an unparsable date is still a header. */
    private static Map<String, String> servedWith(String contentEncoding, String cacheControl, String contentDisposition,
                                                  String contentLanguage, String expires) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> values = java.util.Arrays.asList(contentEncoding, cacheControl, contentDisposition, contentLanguage,
                expires);
        for (int i = 0; i < SERVED_WITH.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isBlank()) {
                found.put(SERVED_WITH.get(i), value);
            }
        }
        return found;
    }

    @Override
    public List<Listed> list(String prefix) {
        return s3.get().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> new Listed(o.key(), o.lastModified())).toList();
    }

    @Override
    public void download(String key, Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.get().getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toFile(file));
    }

    @Override
    public void move(String key, String to) {
        if (describe(key).isEmpty()) {
            return;
        }
        s3.get().copyObject(r -> r.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(to));
        s3.get().deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static String unquote(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
