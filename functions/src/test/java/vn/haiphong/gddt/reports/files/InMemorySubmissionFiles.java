package vn.haiphong.gddt.reports.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.haiphong.gddt.reports.Digests;

/**
 * The bucket in a sorted map. A presigned URL here is {@code memory:PUT/<key>} or
 * {@code memory:GET/<key>…}: {@link #put} plays the browser's PUT. Checked against S3Proxy by
 * {@code SubmissionFilesContractTest}.
 */
public final class InMemorySubmissionFiles implements SubmissionFiles {
    /** An object as stored: its bytes, headers and when the storage received it. */
    public record StoredObject(byte[] bytes, String contentType, Map<String, String> metadata, Instant lastModified,
                               String versionId) {
    }

    private final TreeMap<String, StoredObject> objects = new TreeMap<>();
    private int versions;

    /** What the browser does with a presigned upload: the object as stored at {@code at}. */
    public synchronized void put(String key, byte[] bytes, String contentType, Map<String, String> metadata, Instant at) {
        objects.put(key, new StoredObject(bytes.clone(), contentType, Map.copyOf(metadata), at, "v" + ++versions));
    }

    public synchronized Optional<StoredObject> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public synchronized List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /**
     * The browser's PUT to a presigned upload: refused, as S3 refuses it, when the bytes are not the
     * length or SHA-256 the grant signed; stored with the grant's type and metadata at {@code at}.
     */
    public synchronized void send(PresignedUpload grant, byte[] bytes, Instant at) {
        Map<String, String> headers = grant.headers();
        if (bytes.length != Long.parseLong(headers.get("content-length"))
                || !Digests.sha256Base64(bytes).equals(headers.get("x-amz-checksum-sha256"))) {
            throw new IllegalArgumentException("storage refuses a body the grant did not sign");
        }
        Map<String, String> metadata = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("x-amz-meta-")) {
                metadata.put(name.substring("x-amz-meta-".length()), value);
            }
        });
        put(grant.url().substring("memory:PUT/".length()), bytes, headers.get("content-type"), metadata, at);
    }

    /** Signed headers as S3 names them: type, length, checksum, and each metadata entry. */
    @Override
    public PresignedUpload presignUpload(UploadSpec spec, Duration validFor) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", spec.contentType());
        headers.put("content-length", Long.toString(spec.size()));
        headers.put("x-amz-checksum-sha256", spec.sha256());
        spec.metadata().forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        return new PresignedUpload("memory:PUT/" + spec.key(), "PUT", Map.copyOf(headers), Instant.EPOCH.plus(validFor));
    }

    @Override
    public PresignedDownload presignDownload(String key, String versionId, String fileName, String contentType,
                                             Duration validFor) {
        return new PresignedDownload("memory:GET/" + key + "?versionId=" + versionId + "&response-content-disposition="
                + java.net.URLEncoder.encode(S3SubmissionFiles.contentDisposition(fileName), java.nio.charset.StandardCharsets.UTF_8),
                Instant.EPOCH.plus(validFor));
    }

    @Override
    public synchronized Optional<StoredFile> describe(String key) {
        return object(key).map(o -> new StoredFile(o.bytes().length, Digests.md5Hex(o.bytes()), o.versionId(), o.contentType(),
                o.metadata(), Map.of()));
    }

    @Override
    public synchronized Optional<Described> describeWithFirstBytes(String key, int count) {
        return describe(key).map(file -> {
            byte[] bytes = object(key).orElseThrow().bytes();
            return new Described(file, Arrays.copyOf(bytes, Math.min(count, bytes.length)));
        });
    }

    @Override
    public synchronized List<Listed> list(String prefix) {
        return objects.tailMap(prefix, true).entrySet().stream().takeWhile(e -> e.getKey().startsWith(prefix))
                .map(e -> new Listed(e.getKey(), e.getValue().lastModified())).toList();
    }

    /** A missing key fails as S3 fails it: NoSuchKey, 404 (the inspection's trusted roots rely on it). */
    @Override
    public synchronized void download(String key, Path file) {
        try {
            Files.write(file, object(key).orElseThrow(() -> (RuntimeException) software.amazon.awssdk.services.s3.model
                    .NoSuchKeyException.builder().statusCode(404).message("no object " + key).build()).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void move(String key, String to) {
        StoredObject o = objects.remove(key);
        if (o != null) {
            objects.put(to, o);
        }
    }
}
