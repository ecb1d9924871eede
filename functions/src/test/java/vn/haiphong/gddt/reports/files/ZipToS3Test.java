package vn.haiphong.gddt.reports.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.DelegatingS3Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Request;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.Digests;

/** The streaming ZIP writer against S3Proxy: real multipart uploads, real GETs, the archive read back. */
@Tag("emulators")
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZipToS3Test {
    private static final Instant RECEIVED = Instant.parse("2025-06-08T08:21:09Z");

    private S3Client s3;
    private S3Presigner presigner;
    private String bucket;

    @BeforeAll
    void start(Emulators emulators) {
        AwsClients aws = EmulatorClients.of(emulators);
        s3 = aws.s3();
        presigner = aws.s3Presigner();
        bucket = "zip-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
    }

    @AfterAll
    void stop() {
        s3.close();
        presigner.close();
    }

    @Test
    void an_archive_larger_than_one_part_is_uploaded_in_several_parts_and_reads_back_byte_for_byte() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 3; i++) {
            byte[] bytes = new byte[6 * 1024 * 1024 + i];
            random.nextBytes(bytes); // incompressible, like a PDF: the archive stays > 18 MiB
            files.put("Trường THPT số " + i + "/báo cáo " + i + ".pdf", bytes);
        }
        List<ExportArchives.Source> sources = store(files);
        ZipToS3 zip = new ZipToS3(() -> s3, () -> presigner, bucket);

        ExportArchives.Completed done;
        List<ExportArchives.Written> written;
        try (ExportArchives.Archive archive = zip.create("exports/big.zip")) {
            written = archive.addObjects(sources);
            done = archive.complete();
        }

        assertThat(done.bytes()).isGreaterThan(2L * ZipToS3.DEFAULT_PART_BYTES);
        assertThat(done.parts()).isEqualTo((int) (done.bytes() / ZipToS3.DEFAULT_PART_BYTES) + 1).isGreaterThanOrEqualTo(3);
        assertThat(s3.headObject(r -> r.bucket(bucket).key("exports/big.zip")).contentLength()).isEqualTo(done.bytes());
        assertThat(written).extracting(ExportArchives.Written::sha256Hex)
                .containsExactlyElementsOf(files.values().stream().map(Digests::sha256Hex).toList());
        Map<String, byte[]> read = readZip("exports/big.zip");
        assertThat(read.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((name, bytes) -> assertThat(read.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void an_archive_smaller_than_one_part_is_one_put_and_starts_no_multipart_upload() throws IOException {
        List<ExportArchives.Source> sources = store(Map.of("một tệp.pdf", "%PDF-1.4 nhỏ".getBytes(StandardCharsets.UTF_8)));
        List<String> requests = new ArrayList<>();
        S3Client recording = new DelegatingS3Client(s3) {
            @Override
            protected <T extends S3Request, R> R invokeOperation(T request, Function<T, R> operation) {
                requests.add(request.getClass().getSimpleName());
                return operation.apply(request);
            }
        };

        ExportArchives.Completed done;
        try (ExportArchives.Archive archive = new ZipToS3(() -> recording, () -> presigner, bucket).create("exports/small.zip")) {
            archive.addObjects(sources);
            done = archive.complete();
        }

        assertThat(requests).containsExactly("GetObjectRequest", "PutObjectRequest");
        assertThat(done.parts()).isEqualTo(1);
        assertThat(s3.headObject(r -> r.bucket(bucket).key("exports/small.zip")).contentLength()).isEqualTo(done.bytes());
        assertThat(readZip("exports/small.zip")).containsOnlyKeys("một tệp.pdf");
    }

    @Test
    void asking_for_a_build_builds_no_presigner_and_a_download_link_builds_no_s3_client() throws IOException {
        ZipToS3 writer = new ZipToS3(() -> s3, () -> {
            throw new AssertionError("writing a build request built a presigner");
        }, bucket);
        ZipToS3 linker = new ZipToS3(() -> {
            throw new AssertionError("presigning a download link built an S3 client");
        }, () -> presigner, bucket);

        writer.putJson("export-requests/lazy.json", "{\"exportId\":\"lazy\"}\n");
        SubmissionFiles.PresignedDownload link = linker.presignDownload("export-requests/lazy.json", "Xuất.zip",
                java.time.Duration.ofMinutes(5));

        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("export-requests/lazy.json")).asUtf8String())
                .isEqualTo("{\"exportId\":\"lazy\"}\n");
        assertThat(link.url()).contains(bucket).contains("X-Amz-Signature=");
    }

    @Test
    void vietnamese_names_keep_their_nfc_form_and_the_utf8_flag_and_times_are_vietnam_local() throws IOException {
        String name = "Phòng Tổ chức cán bộ/Trường THPT Đồ Sơn/Báo cáo quy chế dân chủ.pdf";
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
        List<ExportArchives.Source> sources = store(Map.of(name, "%PDF-1.4 tệp nhỏ".getBytes(StandardCharsets.UTF_8)));
        ZipToS3 zip = new ZipToS3(() -> s3, () -> presigner, bucket);

        try (ExportArchives.Archive archive = zip.create("exports/names.zip")) {
            archive.addObjects(sources);
            archive.addBytes("manifest.csv", "\uFEFFunit\r\n".getBytes(StandardCharsets.UTF_8), RECEIVED);
            archive.complete();
        }

        byte[] raw = s3.getObjectAsBytes(r -> r.bucket(bucket).key("exports/names.zip")).asByteArray();
        // The first local file header: signature PK\3\4, then version (2 bytes), then the flags.
        assertThat(raw[0]).isEqualTo((byte) 'P');
        assertThat(raw[3]).isEqualTo((byte) 4);
        int flags = (raw[6] & 0xff) | (raw[7] & 0xff) << 8;
        assertThat(flags & 0x800).as("language encoding flag (UTF-8 names)").isEqualTo(0x800);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(raw), StandardCharsets.UTF_8)) {
            ZipEntry first = in.getNextEntry();
            assertThat(first.getName()).isEqualTo(name);
            // 08:21:09 UTC is 15:21:09 in Hải Phòng; DOS times count in steps of two seconds.
            assertThat(first.getTimeLocal()).isEqualTo(LocalDateTime.of(2025, 6, 8, 15, 21, 8));
            assertThat(in.getNextEntry().getName()).isEqualTo("manifest.csv");
        }
    }

    @Test
    void many_small_objects_fetched_ahead_still_come_out_in_order_with_their_own_bytes() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            files.put(String.format("đơn vị %03d/tệp %03d.pdf", i, i), ("%PDF-1.4 số " + i + " ").repeat(i + 1)
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<ExportArchives.Source> sources = store(files);
        ZipToS3 zip = new ZipToS3(() -> s3, () -> presigner, bucket, ZipToS3.DEFAULT_PART_BYTES, 16);

        List<ExportArchives.Written> written;
        try (ExportArchives.Archive archive = zip.create("exports/many.zip")) {
            written = archive.addObjects(sources);
            archive.complete();
        }

        assertThat(written).extracting(w -> w.source().entryName()).containsExactlyElementsOf(files.keySet());
        assertThat(written).extracting(ExportArchives.Written::size)
                .containsExactlyElementsOf(files.values().stream().map(b -> (long) b.length).toList());
        Map<String, byte[]> read = readZip("exports/many.zip");
        assertThat(read.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((name, bytes) -> assertThat(read.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void a_missing_object_fails_the_archive_and_nothing_is_left_at_its_key() {
        List<ExportArchives.Source> sources = new ArrayList<>(store(Map.of("a/there.pdf", new byte[] {1, 2, 3})));
        sources.add(new ExportArchives.Source("b/gone.pdf", "submissions/never-uploaded/" + UUID.randomUUID(), null, RECEIVED));
        ZipToS3 zip = new ZipToS3(() -> s3, () -> presigner, bucket);

        assertThatThrownBy(() -> {
            try (ExportArchives.Archive archive = zip.create("exports/broken.zip")) {
                archive.addObjects(sources);
                archive.complete();
            }
        }).isInstanceOf(NoSuchKeyException.class);

        assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("exports/broken")).contents()).isEmpty();
        assertThat(s3.listMultipartUploads(r -> r.bucket(bucket).prefix("exports/broken")).uploads()).isEmpty();
    }

    @Test
    void part_sizes_double_every_two_thousand_parts_so_ten_thousand_parts_hold_far_more_than_one_run_can_write() {
        var out = new ZipToS3.MultipartOutputStream(s3, bucket, "exports/sizes.zip", ZipToS3.DEFAULT_PART_BYTES);
        try {
            assertThat(out.partBytes(1)).isEqualTo(8 << 20);
            assertThat(out.partBytes(2000)).isEqualTo(8 << 20);
            assertThat(out.partBytes(2001)).isEqualTo(16 << 20);
            assertThat(out.partBytes(10_000)).isEqualTo(128 << 20);
            long capacity = 0;
            for (int part = 1; part <= ZipToS3.MAX_PARTS; part++) {
                capacity += out.partBytes(part);
            }
            assertThat(capacity).isGreaterThan(400L << 30);
        } finally {
            out.abort();
        }
    }

    private List<ExportArchives.Source> store(Map<String, byte[]> files) {
        List<ExportArchives.Source> sources = new ArrayList<>();
        files.forEach((name, bytes) -> {
            String key = "submissions/test/" + UUID.randomUUID() + "/file.pdf";
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
            sources.add(new ExportArchives.Source(name, key, null, RECEIVED));
        });
        return sources;
    }

    private Map<String, byte[]> readZip(String key) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream body = s3.getObject(r -> r.bucket(bucket).key(key));
             ZipInputStream in = new ZipInputStream(body, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                entries.put(e.getName(), bytes.toByteArray());
            }
        }
        return entries;
    }
}
