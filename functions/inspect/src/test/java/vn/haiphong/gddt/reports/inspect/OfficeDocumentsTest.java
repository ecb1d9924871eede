package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.gddt.reports.inspect.TestZips.Part;
import vn.haiphong.gddt.reports.domain.Inspection;

/** DOCX, XLSX, ODT and ODS: real ZIPs of the right kind, bounded when unpacked. */
class OfficeDocumentsTest {
    private static final long MB = 1024 * 1024;
    private static final byte[] BOMB_200_MB = TestZips.bomb(200 * MB);

    @TempDir
    Path folder;

    private Inspection inspect(byte[] file, Format format) throws IOException {
        return inspect(file, format, new FileInspector());
    }

    private Inspection inspect(byte[] file, Format format, FileInspector inspector) throws IOException {
        Path path = Files.write(folder.resolve("bao-cao." + format.name().toLowerCase()), file);
        return inspector.inspect(path, format, TrustedRoots.none(), TestPki.NOW);
    }

    @Test
    void a_minimal_docx_xlsx_odt_and_ods_are_accepted() throws IOException {
        assertThat(inspect(TestZips.docx(), Format.DOCX).verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspect(TestZips.xlsx(), Format.XLSX).verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspect(TestZips.odt(), Format.ODT)).isEqualTo(InspectionProblem.inspection(List.of(), List.of()));
        assertThat(inspect(TestZips.zip(TestZips.odfParts("application/vnd.oasis.opendocument.spreadsheet")), Format.ODS)
                .problems()).isEmpty();
    }

    /**
     * Streaming writers (fastexcel's opczip, as our own status workbook uses) put each entry's sizes in a
     * Zip64 data descriptor after it, which Excel and LibreOffice read through the central directory.
     */
    @Test
    void a_workbook_written_by_a_streaming_writer_with_its_sizes_after_each_entry_is_accepted() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0")) {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Tổng hợp");
            sheet.value(0, 0, "Trường THPT Trần Phú");
            sheet.value(1, 0, 42);
            workbook.finish();
        }

        Inspection inspection = inspect(bytes.toByteArray(), Format.XLSX);

        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @Test
    void a_streaming_writers_archive_is_held_to_the_same_bounds_and_names_through_its_central_directory() throws IOException {
        List<Part> bomb = TestZips.docxParts();
        bomb.add(new Part("word/media/zeros.bin", new byte[(int) (20 * MB)], false));
        List<Part> climbing = TestZips.docxParts();
        climbing.add(new Part("../../evil.exe", new byte[] {'M', 'Z'}, false));

        assertThat(inspect(streamed(TestZips.docxParts()), Format.DOCX).problems()).isEmpty();
        assertThat(inspect(streamed(bomb), Format.DOCX).problems()).containsExactly("zip-ratio");
        assertThat(inspect(streamed(climbing), Format.DOCX).problems()).containsExactly("zip-unsafe-name");
    }

    /** Written as fastexcel writes workbooks: each entry's sizes in a Zip64 data descriptor after it. */
    private static byte[] streamed(List<Part> parts) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (com.github.rzymek.opczip.OpcOutputStream zip = new com.github.rzymek.opczip.OpcOutputStream(bytes)) {
            for (Part part : parts) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.name()));
                zip.write(part.content());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void a_docx_inflating_to_200_mb_of_zeros_is_refused_at_once_on_its_ratio() throws IOException {
        assertThat(BOMB_200_MB.length).isLessThan(250 * 1024);

        long started = System.nanoTime();
        Inspection inspection = inspect(BOMB_200_MB, Format.DOCX);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.REFUSED);
        assertThat(inspection.problems()).containsExactly("zip-ratio");
        // Refused after inflating little more than the 1 MB the ratio waits for, not 200 MB.
        assertThat(took).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void without_the_ratio_bound_the_same_bomb_is_stopped_by_the_total_bound() throws IOException {
        FileInspector ratioBlind = new FileInspector(new ZipLimits(10 * MB, Long.MAX_VALUE, 0, 10_000));

        Inspection inspection = inspect(TestZips.bomb(20 * MB), Format.DOCX, ratioBlind);

        assertThat(inspection.problems()).containsExactly("zip-too-large");
        assertThat(inspection.reason()).contains("tệp giải nén ra quá lớn");
    }

    @Test
    void incompressible_content_beyond_the_total_bound_is_refused() throws IOException {
        byte[] noise = new byte[(int) (2 * MB)];
        new Random(13).nextBytes(noise);
        List<Part> parts = TestZips.docxParts();
        parts.add(new Part("word/media/image1.png", noise, false));
        FileInspector oneMegabyte = new FileInspector(new ZipLimits(MB, 100, MB, 10_000));

        assertThat(inspect(TestZips.zip(parts), Format.DOCX, oneMegabyte).problems()).containsExactly("zip-too-large");
        assertThat(inspect(TestZips.zip(parts), Format.DOCX).verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @Test
    void small_parts_that_compress_far_beyond_the_ratio_are_accepted() throws IOException {
        List<Part> parts = TestZips.docxParts();
        parts.add(Part.of("word/styles.xml", "<w:style/>".repeat(50_000)));

        assertThat(inspect(TestZips.zip(parts), Format.DOCX).verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil.exe", "word/../../evil.exe", "/etc/cron.d/evil", "C:/Windows/evil.exe",
            "c:evil.exe", "word\\..\\..\\evil.exe", ".."})
    void an_entry_that_would_unpack_outside_its_folder_is_refused(String name) throws IOException {
        List<Part> parts = TestZips.docxParts();
        parts.add(Part.of(name, "MZ"));

        Inspection inspection = inspect(TestZips.zip(parts), Format.DOCX);

        assertThat(inspection.problems()).containsExactly("zip-unsafe-name");
        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.REFUSED);
    }

    @Test
    void names_with_dots_that_stay_inside_are_accepted() throws IOException {
        List<Part> parts = TestZips.docxParts();
        parts.add(Part.of("word/..media/ảnh..png", "x"));

        assertThat(inspect(TestZips.zip(parts), Format.DOCX).verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @Test
    void an_entry_hidden_from_the_local_headers_but_listed_in_the_central_directory_is_refused() throws IOException {
        List<Part> parts = TestZips.docxParts();
        parts.add(Part.of("evil.exe", "MZ"));
        byte[] zip = TestZips.zip(parts);
        // Break the last entry's local header signature: a stream stops there, unzip still lists it.
        int lastLocalHeader = lastIndexOf(zip, new byte[] {'P', 'K', 3, 4});
        zip[lastLocalHeader + 2] = 7;

        assertThat(inspect(zip, Format.DOCX).problems()).containsExactly("not-a-zip");
    }

    @Test
    void more_entries_than_allowed_are_refused() throws IOException {
        List<Part> parts = TestZips.docxParts();
        for (int i = 0; i < 8; i++) {
            parts.add(Part.of("word/media/image" + i + ".png", "x"));
        }
        FileInspector tenEntries = new FileInspector(new ZipLimits(MB, 100, MB, 10));

        assertThat(inspect(TestZips.zip(parts), Format.DOCX, tenEntries).problems()).containsExactly("zip-too-many-entries");
        assertThat(inspect(TestZips.zip(parts.subList(0, 10)), Format.DOCX, tenEntries).verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @Test
    void two_entries_with_one_name_are_refused() throws IOException {
        List<Part> parts = TestZips.docxParts();
        parts.add(Part.of("WORD/DOCUMENT.XML", "lowercase and uppercase are two names"));
        List<Part> twice = new ArrayList<>(parts);
        twice.add(parts.get(2));

        assertThat(inspect(TestZips.zip(parts), Format.DOCX).verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspect(zipAllowingDuplicates(twice), Format.DOCX).problems()).containsExactly("zip-unsafe-name");
    }

    @Test
    void a_zip_without_content_types_is_not_a_docx() throws IOException {
        List<Part> parts = TestZips.docxParts();
        parts.remove(0);

        Inspection inspection = inspect(TestZips.zip(parts), Format.DOCX);

        assertThat(inspection.problems()).containsExactly("zip-not-ooxml");
        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.REFUSED);
    }

    @Test
    void a_workbook_named_docx_or_a_document_named_xlsx_is_refused() throws IOException {
        assertThat(inspect(TestZips.xlsx(), Format.DOCX).problems()).containsExactly("ooxml-wrong-type");
        assertThat(inspect(TestZips.docx(), Format.XLSX).problems()).containsExactly("ooxml-wrong-type");
    }

    @Test
    void an_odt_must_start_with_the_text_mimetype() throws IOException {
        byte[] spreadsheet = TestZips.zip(TestZips.odfParts("application/vnd.oasis.opendocument.spreadsheet"));
        List<Part> mimetypeNotFirst = TestZips.odfParts("application/vnd.oasis.opendocument.text");
        mimetypeNotFirst.add(mimetypeNotFirst.remove(0));

        assertThat(inspect(spreadsheet, Format.ODT).problems()).containsExactly("odf-wrong-mimetype");
        assertThat(inspect(TestZips.zip(mimetypeNotFirst), Format.ODT).problems()).containsExactly("odf-wrong-mimetype");
        assertThat(inspect(TestZips.docx(), Format.ODT).problems()).containsExactly("odf-wrong-mimetype");
    }

    @Test
    void macros_are_reported_and_the_file_accepted() throws IOException {
        List<Part> docm = TestZips.docxParts();
        docm.add(new Part("word/vbaProject.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, false));
        List<Part> odtWithBasic = TestZips.odfParts("application/vnd.oasis.opendocument.text");
        odtWithBasic.add(Part.of("Basic/script-lc.xml", "<library:libraries/>"));
        List<Part> odtWithoutCode = new ArrayList<>(odtWithBasic);
        odtWithBasic.add(Part.of("Basic/Standard/Module1.xml", "<script:module>Sub Main</script:module>"));

        Inspection docmInspection = inspect(TestZips.zip(docm), Format.DOCX);

        assertThat(docmInspection.problems()).containsExactly("macros");
        assertThat(docmInspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspect(TestZips.zip(odtWithBasic), Format.ODT).problems()).containsExactly("macros");
        assertThat(inspect(TestZips.zip(odtWithoutCode), Format.ODT).problems()).isEmpty();
    }

    @Test
    void a_pdf_or_an_empty_file_named_docx_is_not_a_zip() throws IOException {
        assertThat(inspect(TestPdfs.report(), Format.DOCX).problems()).containsExactly("not-a-zip");
        assertThat(inspect(new byte[0], Format.XLSX).problems()).containsExactly("not-a-zip");
    }

    @Test
    void a_docx_cut_short_in_transfer_is_not_a_zip() throws IOException {
        byte[] docx = TestZips.docx();

        for (int length : new int[] {20, docx.length / 2, docx.length - 30}) {
            assertThat(inspect(Arrays.copyOf(docx, length), Format.DOCX).problems()).as("first %d bytes", length)
                    .containsExactly("not-a-zip");
        }
    }

    @Test
    void damaged_office_documents_are_refused_never_failing_the_inspection() throws IOException {
        byte[] xlsx = TestZips.xlsx();
        Random random = new Random(13);
        for (int i = 0; i < 300; i++) {
            byte[] damaged = xlsx.clone();
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);

            assertThat(inspect(damaged, Format.XLSX).verdict()).isNotNull();
        }
    }

    @Test
    void a_stream_is_inspected_like_a_file_short_of_the_central_directory() throws IOException {
        Inspection fromStream = new FileInspector().inspect(new ByteArrayInputStream(BOMB_200_MB), Format.DOCX,
                TrustedRoots.none(), TestPki.NOW);

        assertThat(fromStream.problems()).containsExactly("zip-ratio");
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    /** ZipOutputStream refuses a second entry under one name; the local header is patched instead. */
    private static byte[] zipAllowingDuplicates(List<Part> parts) {
        List<Part> renamed = new ArrayList<>(parts);
        Part last = renamed.remove(renamed.size() - 1);
        String placeholder = last.name().replace('d', 'D');
        renamed.add(new Part(placeholder, last.content(), false));
        byte[] zip = TestZips.zip(renamed);
        byte[] from = placeholder.getBytes(StandardCharsets.UTF_8);
        byte[] to = last.name().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        return zip;
    }
}
