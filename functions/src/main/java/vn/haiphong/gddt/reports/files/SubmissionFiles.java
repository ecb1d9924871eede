package vn.haiphong.gddt.reports.files;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bucket that holds submitted files. */
public interface SubmissionFiles {
    /** What the browser must send, exactly; anything else is refused by the storage itself. */
    record UploadSpec(String key, String contentType, long size, String sha256, Map<String, String> metadata) {
    }

    record PresignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) {
    }

    record PresignedDownload(String url, java.time.Instant expiresAt) {
    }

    /**
     * An object as storage holds it.
     *
     * @param servedWith the headers storage would answer a GET with besides Content-Type
     *                   ({@link #SERVED_WITH}, by name as written there), only those present
     */
    record StoredFile(long size, String eTag, String versionId, String contentType, Map<String, String> metadata,
                      Map<String, String> servedWith) {
    }

    /**
     * Headers a PUT may store that storage then repeats on every GET: any of them changes how the
     * file opens (decoded, cached, shown inline, …).
     */
    List<String> SERVED_WITH = List.of("Content-Encoding", "Cache-Control", "Content-Disposition", "Content-Language",
            "Expires");

    /** An object as {@link #describe} gives it, with the bytes it starts with. */
    record Described(StoredFile file, byte[] firstBytes) {
    }

    /** An object as a listing shows it: {@code lastModified} is when storage received it, on its own clock. */
    record Listed(String key, Instant lastModified) {
    }

    PresignedUpload presignUpload(UploadSpec spec, Duration validFor);

    /** A GET whose download is named {@code fileName} (RFC 6266 with an RFC 5987 UTF-8 form). */
    PresignedDownload presignDownload(String key, String versionId, String fileName, String contentType, Duration validFor);

    Optional<StoredFile> describe(String key);

    /**
     * The object as {@link #describe} gives it and its first {@code count} bytes (all of them when it is
     * shorter), in one read: what recording a new file needs.
     */
    Optional<Described> describeWithFirstBytes(String key, int count);

    /** Every object under {@code prefix}, a page of a thousand at a time. */
    List<Listed> list(String prefix);

    /** Writes the object's bytes to {@code file} (replaced): a large file is read from disk, not held in memory. */
    void download(String key, Path file);

    /** Moves the object to {@code to}; a no-op when it is already gone. */
    void move(String key, String to);
}
