package vn.haiphong.gddt.reports.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * What exports do in the bucket: a ZIP written by {@link ZipOutputStream} straight into an S3
 * multipart upload, part by part, so neither the archive nor any file in it is ever whole in memory
 * or on disk (one smaller than a part is one PUT); the small request object that starts a build; and
 * the presigned GET of the result.
 *
 * <p>Memory: two part buffers (one filling while the other uploads) plus what the next few
 * objects' open responses hold in their sockets. Part sizes start at {@link #DEFAULT_PART_BYTES}
 * and double every 2,000 parts, so the 10,000 parts S3 allows hold far more than one Lambda can
 * write in 15 minutes.
 *
 * <p>Small files cost a round trip each, so the next objects are requested while one is written:
 * on the emulators, 5,000 objects of 1 KiB went into one archive in about 12 s one at a time and
 * about 4 s with 16 in flight (more did not help).
 */
public final class ZipToS3 implements ExportArchives {
    public static final int DEFAULT_PART_BYTES = 8 * 1024 * 1024;
    /** S3's smallest part (but the last). */
    public static final int MIN_PART_BYTES = 5 * 1024 * 1024;
    public static final int DEFAULT_PREFETCH = 16;
    static final int MAX_PARTS = 10_000;
    private static final int PARTS_PER_SIZE = 2_000;

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;
    private final int partBytes;
    private final int prefetch;

    /**
     * @param s3        asked for on the first call that writes the bucket, and
     * @param presigner on the first link: each function builds only what it uses (starting an export
     *                  writes, its link presigns; building the S3 client it does not need was a tenth of
     *                  {@code GET /v1/exports/{id}}'s cold start)
     */
    public ZipToS3(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this(s3, presigner, bucket, DEFAULT_PART_BYTES, DEFAULT_PREFETCH);
    }

    /** @param prefetch how many objects are requested ahead of the one being written (1 = none) */
    public ZipToS3(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket, int partBytes, int prefetch) {
        if (partBytes < MIN_PART_BYTES || prefetch < 1) {
            throw new IllegalArgumentException("parts of at least 5 MiB, at least one object in flight");
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.partBytes = partBytes;
        this.prefetch = prefetch;
    }

    @Override
    public void putJson(String key, String json) {
        s3.get().putObject(r -> r.bucket(bucket).key(key).contentType("application/json; charset=utf-8"),
                RequestBody.fromString(json));
    }

    @Override
    public SubmissionFiles.PresignedDownload presignDownload(String key, String fileName, Duration validFor) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key)
                .responseContentDisposition(S3SubmissionFiles.contentDisposition(fileName))
                .responseContentType("application/zip")
                .build();
        PresignedGetObjectRequest presigned = presigner.get().presignGetObject(p -> p.signatureDuration(validFor).getObjectRequest(get));
        return new SubmissionFiles.PresignedDownload(presigned.url().toString(), presigned.expiration());
    }

    /** Starts writing {@code key}. Close the archive: unless completed, whatever was uploaded is aborted. */
    @Override
    public Archive create(String key) {
        S3Client client = s3.get();
        return new Archive(client, new MultipartOutputStream(client, bucket, key, partBytes));
    }

    /** An archive being written. Not thread-safe: one writer. */
    public final class Archive implements ExportArchives.Archive {
        private final S3Client s3;
        private final MultipartOutputStream out;
        private final ZipOutputStream zip;
        private boolean completed;

        private Archive(S3Client s3, MultipartOutputStream out) {
            this.s3 = s3;
            this.out = out;
            // UTF-8 names; ZipOutputStream sets the language-encoding flag (bit 11) for them.
            this.zip = new ZipOutputStream(out);
            // Reports are mostly PDF and OOXML, compressed already: spend as little CPU as possible.
            this.zip.setLevel(Deflater.BEST_SPEED);
        }

        /**
         * Streams each object into its entry, in order, while the next few are already requested.
         * An object missing or unreadable fails the whole archive: a partial export would pass for
         * a complete one.
         */
        @Override
        public List<Written> addObjects(List<Source> sources) throws IOException {
            List<Written> written = new ArrayList<>(sources.size());
            if (sources.isEmpty()) {
                return written;
            }
            AtomicBoolean abandoned = new AtomicBoolean();
            ExecutorService fetchers = Executors.newFixedThreadPool(Math.min(prefetch, sources.size()), daemon("zip-fetch"));
            Deque<Future<ResponseInputStream<GetObjectResponse>>> ahead = new ArrayDeque<>();
            int next = 0;
            try {
                for (Source source : sources) {
                    while (next < sources.size() && ahead.size() < prefetch) {
                        Source s = sources.get(next++);
                        ahead.add(fetchers.submit(() -> open(s, abandoned)));
                    }
                    try (InputStream in = await(ahead.removeFirst())) {
                        written.add(entry(source, in));
                    }
                }
                return written;
            } finally {
                abandoned.set(true);
                ahead.forEach(f -> f.cancel(true));
                fetchers.shutdownNow();
                for (Future<ResponseInputStream<GetObjectResponse>> f : ahead) {
                    closeQuietly(f);
                }
            }
        }

        @Override
        public void addBytes(String entryName, byte[] bytes, Instant modified) throws IOException {
            zip.putNextEntry(zipEntry(entryName, modified));
            zip.write(bytes);
            zip.closeEntry();
        }

        @Override
        public Completed complete() throws IOException {
            zip.finish();
            Completed done = out.complete();
            completed = true;
            return done;
        }

        /** Aborts the upload unless it was completed; S3 then keeps nothing of it. */
        @Override
        public void close() {
            if (!completed) {
                out.abort();
            }
        }

        private ResponseInputStream<GetObjectResponse> open(Source s, AtomicBoolean abandoned) {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(s.key()).versionId(s.versionId()));
            if (abandoned.get()) {
                in.abort();
            }
            return in;
        }

        private Written entry(Source source, InputStream in) throws IOException {
            MessageDigest sha256 = sha256();
            zip.putNextEntry(zipEntry(source.entryName(), source.modified()));
            byte[] chunk = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = in.read(chunk)) >= 0; ) {
                zip.write(chunk, 0, n);
                sha256.update(chunk, 0, n);
                size += n;
            }
            zip.closeEntry();
            return new Written(source, size, HexFormat.of().formatHex(sha256.digest()));
        }
    }

    /** DOS times are local times without a zone: Vietnam's, as the Office's PCs show them. */
    private static ZipEntry zipEntry(String name, Instant modified) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(LocalDateTime.ofInstant(modified, VietnamTime.ZONE));
        return entry;
    }

    private static InputStream await(Future<ResponseInputStream<GetObjectResponse>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching an object");
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static void closeQuietly(Future<ResponseInputStream<GetObjectResponse>> future) {
        if (future.isDone() && !future.isCancelled()) {
            try {
                future.get().abort();
            } catch (Exception ignored) {
                // it failed or was never opened: nothing to close
            }
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof IOException io ? io : new IOException(cause);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * An OutputStream that is an S3 multipart upload: each full buffer becomes one part, uploaded
     * in the background while the next buffer fills (at most one part in flight). Each part carries
     * its CRC-32, which S3 checks, and the completion lists them. The upload starts when the first
     * buffer is full: an archive that fits in it goes up as one PutObject instead, as the SDK's own
     * transfer manager does below its multipart threshold (one request, not three, and none of the
     * multipart operations to load on a cold start).
     */
    static final class MultipartOutputStream extends OutputStream {
        private final S3Client s3;
        private final String bucket;
        private final String key;
        private final int basePartBytes;
        private String uploadId;
        private ExecutorService uploader;
        private final List<CompletedPart> parts = new ArrayList<>();
        private byte[] buffer;
        private byte[] spare;
        private int count;
        private int nextPart = 1;
        private long bytes;
        private Future<CompletedPart> inFlight;
        private byte[] inFlightBuffer;
        private boolean closed;

        MultipartOutputStream(S3Client s3, String bucket, String key, int basePartBytes) {
            this.s3 = s3;
            this.bucket = bucket;
            this.key = key;
            this.basePartBytes = basePartBytes;
            this.buffer = new byte[partBytes(1)];
        }

        /** 8 MiB for parts 1-2000, 16 MiB for 2001-4000, ... */
        int partBytes(int partNumber) {
            return basePartBytes << Math.min(4, (partNumber - 1) / PARTS_PER_SIZE);
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            buffer[count++] = (byte) b;
            bytes++;
            if (count == buffer.length) {
                sendPart();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
                bytes += n;
                if (count == buffer.length) {
                    sendPart();
                }
            }
        }

        /** Parts are whole buffers; flushing earlier would make parts smaller than S3 accepts. */
        @Override
        public void flush() {
        }

        /** Completing is explicit ({@link #complete()}); closing alone never publishes a half archive. */
        @Override
        public void close() {
        }

        private void sendPart() throws IOException {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType("application/zip")
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
                uploader = Executors.newSingleThreadExecutor(daemon("zip-upload"));
            }
            awaitInFlight();
            int number = nextPart++;
            if (number > MAX_PARTS) {
                throw new IOException("the archive needs more than " + MAX_PARTS + " parts");
            }
            byte[] full = buffer;
            int length = count;
            inFlightBuffer = full;
            inFlight = uploader.submit(() -> uploadPart(number, full, length));
            int size = partBytes(nextPart);
            buffer = spare != null && spare.length == size ? spare : new byte[size];
            spare = null;
            count = 0;
        }

        private void awaitInFlight() throws IOException {
            if (inFlight == null) {
                return;
            }
            try {
                parts.add(inFlight.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while uploading a part");
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            } finally {
                inFlight = null;
            }
            spare = inFlightBuffer;
            inFlightBuffer = null;
        }

        private CompletedPart uploadPart(int number, byte[] data, int length) {
            String crc32 = crc32(data, length);
            var response = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                            .contentLength((long) length).checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumCRC32(crc32),
                    body(data, length, "application/octet-stream"));
            return CompletedPart.builder().partNumber(number).eTag(response.eTag()).checksumCRC32(crc32).build();
        }

        private static String crc32(byte[] data, int length) {
            CRC32 crc = new CRC32();
            crc.update(data, 0, length);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }

        private static RequestBody body(byte[] data, int length, String contentType) {
            return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length, contentType);
        }

        Completed complete() throws IOException {
            ensureOpen();
            if (uploadId == null) {
                closed = true;
                String crc32 = crc32(buffer, count);
                s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip").contentLength((long) count)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumCRC32(crc32), body(buffer, count, "application/zip"));
                return new Completed(key, bytes, 1);
            }
            try {
                if (count > 0) {
                    sendPart();
                }
                awaitInFlight();
                List<CompletedPart> ordered = parts.stream().sorted(Comparator.comparing(CompletedPart::partNumber)).toList();
                s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(ordered)));
                return new Completed(key, bytes, ordered.size());
            } finally {
                closed = true;
                uploader.shutdownNow();
            }
        }

        void abort() {
            closed = true;
            if (uploadId == null) {
                // Nothing was sent: S3 holds nothing of it.
                return;
            }
            if (inFlight != null) {
                inFlight.cancel(true);
            }
            uploader.shutdownNow();
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException e) {
                // The bucket's lifecycle rule removes incomplete uploads after a day.
            }
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("the upload of " + key + " is finished");
            }
        }
    }
}
