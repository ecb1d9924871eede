package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.mail.SubmissionEmails;

/**
 * States and periods have one set of words, kept on the server: the pages draw what the server sends
 * ({@code stateText}, {@code states}, {@code periodText}) and keep none of their own, and the e-mails
 * name a report in words, never by its code.
 */
@DisplayName("One vocabulary for states and periods")
class OneVocabularyTest {
    private static final Catalog CATALOG = CatalogFile.bundled(CatalogSettings.defaults());

    @ParameterizedTest(name = "{0} holds no state or period wording of its own")
    @ValueSource(strings = {"upload.js", "office.js", "common.js"})
    void a_page_script_holds_no_state_or_period_wording_of_its_own(String script) throws IOException {
        String js = PageScripts.text(script);

        for (ObligationState state : ObligationState.values()) {
            assertThat(js).as(state + "'s words").doesNotContain(state.words()).doesNotContain(state.meaning());
        }
        assertThat(js).doesNotContain(ObligationState.RETURNED_WORDS)
                .doesNotContain("'Miễn'", "'Muộn'", "'Chưa nộp'", "'Chưa đến hạn'", "'Đang mở'", "'Chưa mở'")
                .doesNotContain("6 tháng", "quý I", "'năm '", "'tháng '");
    }

    @Test
    void every_state_has_words_and_a_meaning_and_no_two_states_share_words() {
        assertThat(List.of(ObligationState.values())).allSatisfy(s -> {
            assertThat(s.words()).isNotBlank();
            assertThat(s.meaning()).isNotBlank();
        });
        assertThat(List.of(ObligationState.values())).extracting(ObligationState::words)
                .doesNotHaveDuplicates().doesNotContain(ObligationState.RETURNED_WORDS);
    }

    @Test
    void an_obligation_is_named_in_words_with_its_period_never_by_its_code() {
        assertThat(CATALOG.find("QCDC:2026-H1").orElseThrow().name())
                .isEqualTo("Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở 6 tháng đầu năm 2026");
        assertThat(CATALOG.find("DVCQ:2026-Y").orElseThrow().name())
                .isEqualTo("Báo cáo kết quả thực hiện công tác dân vận của chính quyền năm 2026");
        assertThat(CATALOG.find("NV03:2025-Q1-Q3").orElseThrow().name())
                .isEqualTo("Nhiệm vụ 3 của Kế hoạch, quý I–quý III năm 2025");
    }

    @Test
    void a_receipts_subject_names_the_report_and_its_period_in_words() {
        Obligation o = CATALOG.find("QCDC:2026-H1").orElseThrow();
        Unit school = new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
                List.of("van-thu@thpt-tran-phu.example.edu.vn"), 1);
        Submission s = new Submission("01JABCDEF", school.id(), o.id(), "submissions/k", "e", null, 1234,
                "AAAA", "application/pdf", "bc.pdf", Instant.parse("2026-06-01T02:00:00Z"), true, Optional.empty());

        var receipt = new SubmissionEmails().receipt(school, o, s, school.emails());

        assertThat(receipt.subject())
                .isEqualTo("Biên nhận: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở 6 tháng đầu năm 2026 — Trường THPT Trần Phú")
                .doesNotContain("QCDC");
        assertThat(receipt.text()).contains("- Kỳ báo cáo: 6 tháng đầu năm 2026", "- Tình trạng: Đúng hạn");
    }
}
