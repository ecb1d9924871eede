package vn.haiphong.gddt.reports.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.haiphong.gddt.reports.Digests;

/**
 * Archives written as real ZIPs into the in-memory bucket that holds the files they copy; checked
 * against ZipToS3 on S3Proxy by {@code ExportArchivesContractTest}.
 */
public final class InMemoryExportArchives implements ExportArchives {
    private final InMemorySubmissionFiles bucket;

    public InMemoryExportArchives(InMemorySubmissionFiles bucket) {
        this.bucket = bucket;
    }

    @Override
    public void putJson(String key, String json) {
        bucket.put(key, json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", Map.of(), Instant.now());
    }

    @Override
    public SubmissionFiles.PresignedDownload presignDownload(String key, String fileName, Duration validFor) {
        return new SubmissionFiles.PresignedDownload("memory:GET/" + key + "?response-content-disposition="
                + URLEncoder.encode(S3SubmissionFiles.contentDisposition(fileName), StandardCharsets.UTF_8),
                Instant.now().plus(validFor));
    }

    @Override
    public Archive create(String key) {
        return new Archive() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private final ZipOutputStream zip = new ZipOutputStream(bytes);

            @Override
            public List<Written> addObjects(List<Source> sources) throws IOException {
                List<Written> written = new ArrayList<>();
                for (Source s : sources) {
                    byte[] content = bucket.object(s.key()).orElseThrow(() -> new IOException("no object " + s.key())).bytes();
                    addBytes(s.entryName(), content, s.modified());
                    written.add(new Written(s, content.length, Digests.sha256Hex(content)));
                }
                return written;
            }

            @Override
            public void addBytes(String entryName, byte[] content, Instant modified) throws IOException {
                ZipEntry entry = new ZipEntry(entryName);
                entry.setLastModifiedTime(FileTime.from(modified));
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }

            @Override
            public Completed complete() throws IOException {
                zip.finish();
                bucket.put(key, bytes.toByteArray(), "application/zip", Map.of(), Instant.now());
                return new Completed(key, bytes.size(), 1);
            }

            @Override
            public void close() {
                // Nothing was stored unless completed.
            }
        };
    }
}
