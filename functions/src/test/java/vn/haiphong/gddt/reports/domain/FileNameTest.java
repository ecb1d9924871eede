package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("File names: the original for people, a safe ASCII form for storage")
class FileNameTest {
    private static final String SAFE = "[A-Za-z0-9._-]+";

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void an_nfd_name_from_a_mac_is_kept_in_nfc_for_people() {
        // GIVEN the name as macOS sends it: letters and combining marks apart
        String given = nfd("Báo cáo quý.pdf");
        assertThat(given).isNotEqualTo("Báo cáo quý.pdf").hasSizeGreaterThan("Báo cáo quý.pdf".length());

        // WHEN
        FileName name = FileName.of(given).orElseThrow();

        // THEN
        assertThat(name.original()).isEqualTo(Normalizer.normalize("Báo cáo quý.pdf", Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(name.original(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void nfc_and_nfd_spellings_of_a_name_give_the_same_file_name() {
        assertThat(FileName.of(nfd("Báo cáo 6 tháng đầu năm.docx")))
                .isEqualTo(FileName.of(Normalizer.normalize("Báo cáo 6 tháng đầu năm.docx", Normalizer.Form.NFC)));
    }

    @Test
    void the_safe_form_drops_the_accents_and_replaces_spaces() {
        assertThat(FileName.of(nfd("Báo cáo quý.pdf")).orElseThrow().safe()).isEqualTo("Bao-cao-quy.pdf");
    }

    @Test
    void đ_becomes_d_and_Đ_becomes_D_in_the_safe_form() {
        FileName name = FileName.of("Đề cương đợt 1 ĐOÀN.docx").orElseThrow();

        assertThat(name.safe()).isEqualTo("De-cuong-dot-1-DOAN.docx");
        assertThat(FileName.of("ĐĐđđ.pdf").orElseThrow().safe()).isEqualTo("DDdd.pdf");
    }

    @Test
    void surrounding_blanks_are_dropped_from_the_original() {
        assertThat(FileName.of("   báo cáo.pdf \t").orElseThrow().original()).isEqualTo("báo cáo.pdf");
    }

    @ParameterizedTest(name = "\"{0}\" -> safe ASCII ending in \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Báo cáo quý.pdf|.pdf",
        "BÁO CÁO 6 THÁNG.PDF|.PDF",
        "Đơn vị: THPT Trần Phú (bản ký).docx|.docx",
        "Báo cáo   nhiều   khoảng trắng.xlsx|.xlsx",
        "bao_cao-2025.v2.ods|.ods",
        "Kết quả thực hiện QCDC năm 2025 – Trường THPT Lê Quý Đôn.odt|.odt",
        "Ưu tiên #1 @ 100%.doc|.doc",
        "(1).pdf|.pdf",
        "Tờ trình; số 12-TTr.pdf.pdf|.pdf",
    })
    void the_safe_form_is_plain_ascii_and_keeps_the_extension(String given, String extension) {
        Optional<FileName> name = FileName.of(given);

        assertThat(name).isPresent();
        assertThat(name.get().safe()).matches(SAFE).endsWith(extension).doesNotStartWith(".").doesNotStartWith("-");
    }

    @ParameterizedTest(name = "\"{0}\" keeps its extension")
    @ValueSource(strings = {"—.pdf", "《报告》.pdf", "📄.pdf", "…….docx", "-.pdf", "__.xlsx"})
    void the_safe_form_keeps_the_extension_even_when_nothing_else_is_latin(String given) {
        FileName name = FileName.of(given).orElseThrow();
        String extension = given.substring(given.lastIndexOf('.'));

        assertThat(name.safe()).matches(SAFE).endsWith(extension).doesNotStartWith(".");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {
        "", "   ", "\t", ".", "..", "...", "  ...  ",
        "../etc/passwd", "..\\windows\\system.ini", "a/b.pdf", "/abs.pdf", "a\\b.pdf",
        "a\u0000b.pdf", "a\nb.pdf", "a\rb.pdf", "a\tb.pdf", "a\u007Fb.pdf",
        "a\u200Bb.pdf",   // zero-width space (format)
        "a\u202Efdp.exe", // right-to-left override (format)
        "a\u2028b.pdf",   // line separator
        "a\u2029b.pdf",   // paragraph separator
    })
    void blank_dot_only_path_and_control_character_names_are_refused(String given) {
        assertThat(FileName.of(given)).isEmpty();
    }

    @Test
    void a_name_of_a_thousand_characters_is_refused() {
        assertThat(FileName.of("a".repeat(996) + ".pdf")).isEmpty();
    }

    @Test
    void a_name_of_exactly_the_maximum_length_is_accepted_and_one_more_is_refused() {
        String longest = "a".repeat(FileName.MAX_LENGTH - 4) + ".pdf";
        assertThat(longest).hasSize(FileName.MAX_LENGTH);

        assertThat(FileName.of(longest)).map(FileName::original).contains(longest);
        assertThat(FileName.of("a" + longest)).isEmpty();
    }

    @Test
    void the_length_limit_counts_the_characters_people_see_not_the_decomposed_ones() {
        String nfcName = "á".repeat(FileName.MAX_LENGTH - 4) + ".pdf";
        String given = nfd(nfcName);
        assertThat(given.length()).isGreaterThan(FileName.MAX_LENGTH);

        assertThat(FileName.of(given)).map(FileName::original).contains(nfcName);
    }

    @Test
    void the_safe_form_of_the_longest_name_still_fits_a_storage_key() {
        FileName name = FileName.of("Báo cáo ".repeat(24) + "cuối.pdf").orElseThrow();

        assertThat(name.safe()).matches(SAFE).endsWith(".pdf").hasSizeLessThanOrEqualTo(120);
        SubmissionKey key = new SubmissionKey(new Period(2025, PeriodKind.H1), "QCDC", "thpt-tran-phu",
                "0123456789abcdef", name.safe());
        assertThat(SubmissionKey.parse(key.key())).contains(key);
    }

    @Test
    void a_name_with_no_usable_stem_gets_a_readable_default() {
        assertThat(FileName.of("???").orElseThrow().safe()).matches(SAFE).isNotEmpty();
    }
}
