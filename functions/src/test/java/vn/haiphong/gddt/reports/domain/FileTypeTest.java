package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("File types: content type, extension and first bytes")
class FileTypeTest {
    private static final byte[] PDF_HEAD = "%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ZIP_HEAD = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};
    private static final byte[] OLE2_HEAD = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1, 0, 0};
    private static final byte[] TEXT_HEAD = "Kính gửi: Sở GDĐT".getBytes(StandardCharsets.UTF_8);

    private static Set<FileType> typesFitting(byte[] head) {
        return Arrays.stream(FileType.values()).filter(t -> t.fitsHead(head))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FileType.class)));
    }

    @Nested
    @DisplayName("ofContentType")
    class OfContentType {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "application/pdf, PDF",
            "application/msword, DOC",
            "application/vnd.ms-excel, XLS",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document, DOCX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, XLSX",
            "application/vnd.oasis.opendocument.text, ODT",
            "application/vnd.oasis.opendocument.spreadsheet, ODS",
        })
        void each_of_the_seven_content_types_is_recognised(String contentType, FileType expected) {
            assertThat(FileType.ofContentType(contentType)).contains(expected);
            assertThat(expected.contentType()).isEqualTo(contentType);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FileType.class)
        void content_types_are_case_insensitive(FileType type) {
            assertThat(FileType.ofContentType(type.contentType().toUpperCase(Locale.ROOT))).contains(type);
            assertThat(FileType.ofContentType("Application/" + type.contentType().substring("application/".length())))
                    .contains(type);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FileType.class)
        void parameters_after_a_semicolon_are_ignored(FileType type) {
            assertThat(FileType.ofContentType(type.contentType() + "; charset=binary")).contains(type);
            assertThat(FileType.ofContentType(type.contentType() + ";charset=UTF-8")).contains(type);
            assertThat(FileType.ofContentType(" " + type.contentType().toUpperCase(Locale.ROOT) + " ; name=\"a;b\""))
                    .contains(type);
        }

        @ParameterizedTest(name = "\"{0}\" is not accepted")
        @NullAndEmptySource
        @ValueSource(strings = {
            " ", ";", "text/plain", "application/zip", "application/octet-stream", "image/png",
            "application/pdfx", "application/pdf+xml", "application", "pdf", "application/x-msdownload",
            "text/html; charset=utf-8", "application/vnd.ms-excel.sheet.macroEnabled.12",
        })
        void unknown_content_types_are_not_accepted(String contentType) {
            assertThat(FileType.ofContentType(contentType)).isEmpty();
        }
    }

    @Nested
    @DisplayName("fitsName")
    class FitsName {

        @ParameterizedTest(name = "{1} fits {0}")
        @CsvSource({
            "PDF, bao-cao.pdf", "PDF, BAO-CAO.PDF", "PDF, Báo cáo.Pdf", "PDF, a.b.c.pdf",
            "DOC, bc.doc", "XLS, bc.xls", "DOCX, bc.docx", "XLSX, bc.XLSX", "ODT, bc.odt", "ODS, bc.ods",
        })
        void a_name_fits_its_type_by_extension_whatever_the_case(FileType type, String name) {
            assertThat(type.fitsName(name)).isTrue();
        }

        @ParameterizedTest(name = "{1} does not fit {0}")
        @CsvSource({
            "PDF, bc.docx", "PDF, bc.pdf.exe", "PDF, pdf", "PDF, bc.", "PDF, bc", "PDF, bc.pd", "PDF, bc.pdff",
            "PDF, bc-pdf", "DOC, bc.docx", "DOCX, bc.doc", "XLS, bc.xlsx", "XLSX, bc.xls", "ODT, bc.ods",
            "ODS, bc.odt",
        })
        void a_name_with_another_extension_does_not_fit(FileType type, String name) {
            assertThat(type.fitsName(name)).isFalse();
        }
    }

    @Nested
    @DisplayName("fitsHead")
    class FitsHead {

        @Test
        void a_pdf_header_fits_pdf_only() {
            assertThat(typesFitting(PDF_HEAD)).containsExactly(FileType.PDF);
            assertThat(typesFitting("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).containsExactly(FileType.PDF);
        }

        @Test
        void a_zip_header_fits_the_open_xml_and_open_document_types_but_not_pdf() {
            assertThat(typesFitting(ZIP_HEAD))
                    .containsExactlyInAnyOrder(FileType.DOCX, FileType.XLSX, FileType.ODT, FileType.ODS);
            assertThat(FileType.PDF.fitsHead(ZIP_HEAD)).isFalse();
        }

        @Test
        void an_ole2_header_fits_the_old_office_types() {
            assertThat(typesFitting(OLE2_HEAD)).containsExactlyInAnyOrder(FileType.DOC, FileType.XLS);
        }

        @Test
        void a_text_file_fits_no_type() {
            assertThat(typesFitting(TEXT_HEAD)).isEmpty();
            assertThat(typesFitting("<html><body>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
            assertThat(typesFitting(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        }

        @Test
        void fewer_bytes_than_the_magic_never_fit() {
            assertThat(typesFitting(new byte[0])).isEmpty();
            assertThat(FileType.PDF.fitsHead("%PDF".getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(typesFitting(new byte[] {'P', 'K', 3})).isEmpty();
            assertThat(typesFitting(Arrays.copyOf(OLE2_HEAD, 7))).isEmpty();
        }

        @Test
        void a_zip_that_is_not_a_local_file_header_does_not_fit() {
            assertThat(typesFitting(new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0})).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FileType.class)
        void the_head_bytes_read_from_storage_are_enough_to_recognise_every_type(FileType type) {
            byte[] full = switch (type) {
                case PDF -> PDF_HEAD;
                case DOC, XLS -> OLE2_HEAD;
                default -> ZIP_HEAD;
            };

            assertThat(type.fitsHead(Arrays.copyOf(full, FileType.HEAD_BYTES))).isTrue();
        }
    }
}
