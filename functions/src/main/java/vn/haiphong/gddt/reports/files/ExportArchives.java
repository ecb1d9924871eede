package vn.haiphong.gddt.reports.files;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the ZIP of an obligation's files is written, next to the files themselves: S3 multipart in AWS
 * ({@link ZipToS3}), a map in the rule tests. An archive is all or nothing: closed without being
 * completed, nothing of it is kept.
 */
public interface ExportArchives {
    /** One stored object to copy into the archive under {@code entryName}. */
    record Source(String entryName, String key, String versionId, Instant modified) {
        public Source {
            Objects.requireNonNull(entryName, "entryName");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(modified, "modified");
        }
    }

    /** What went into the archive for one source: the bytes actually read and their SHA-256 (hex). */
    record Written(Source source, long size, String sha256Hex) {
    }

    record Completed(String key, long bytes, int parts) {
    }

    /** A small JSON object; its ObjectCreated event is what starts the build. */
    void putJson(String key, String json);

    /** A GET that downloads as {@code fileName}. */
    SubmissionFiles.PresignedDownload presignDownload(String key, String fileName, Duration validFor);

    /** Starts writing {@code key}. Close the archive: unless completed, nothing is kept. */
    Archive create(String key);

    /** An archive being written. Not thread-safe: one writer. */
    interface Archive extends AutoCloseable {
        /** Each object into its entry, in order; one missing or unreadable fails the whole archive. */
        List<Written> addObjects(List<Source> sources) throws IOException;

        /** A small entry from memory (the manifest). */
        void addBytes(String entryName, byte[] bytes, Instant modified) throws IOException;

        Completed complete() throws IOException;

        @Override
        void close();
    }
}
