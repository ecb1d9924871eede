package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Storage keys: submissions/<year>/<report>/<period>/<unit>/<id>/<safe-name>")
class SubmissionKeyTest {
    private static final String GOOD = "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf";
    private final SubmissionKey key = new SubmissionKey(new Period(2025, PeriodKind.H1), "QCDC", "thpt-tran-phu",
            "0123456789abcdef", "Bao-cao-quy.pdf");

    @Test
    void the_key_names_year_report_period_unit_submission_and_file() {
        assertThat(key.key()).isEqualTo(GOOD);
        assertThat(key.obligationId()).isEqualTo("QCDC:2025-H1");
    }

    @Test
    void a_key_parses_back_to_the_same_submission_key() {
        assertThat(SubmissionKey.parse(key.key())).contains(key);
    }

    @ParameterizedTest(name = "{0}:{1}-{2} for {3}")
    @CsvSource({
        "QCDC, 2025, H1, thpt-tran-phu, abcdef01, a.pdf",
        "QCDC, 2025, Y, thpt-tran-phu, abcdef01, Bao_cao.v2.docx",
        "DVCQ, 2026, H1, phong-gddt-thuy-nguyen, 0123456789abcdef0123456789abcdef, BC-DVCQ-6T.pdf",
        "DVCQ, 2030, Y, a, 00000000, x",
    })
    void every_key_the_server_builds_parses_back(String report, int year, String kind, String unit, String id,
                                                 String name) {
        SubmissionKey k = new SubmissionKey(new Period(year, PeriodKind.ofCode(kind)), report, unit, id, name);

        assertThat(SubmissionKey.parse(k.key())).contains(k);
        assertThat(SubmissionKey.parse(k.key()).orElseThrow().obligationId()).isEqualTo(report + ":" + year + "-" + kind);
    }

    @Test
    void the_quarantine_key_moves_the_same_path_under_quarantine() {
        assertThat(key.quarantineKey())
                .startsWith("quarantine/")
                .isEqualTo("quarantine/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf")
                .doesNotContain("submissions/");
    }

    @Test
    void a_quarantine_key_is_not_read_as_a_submission() {
        assertThat(SubmissionKey.parse(key.quarantineKey())).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {
        // the year in the path and in the period differ
        "submissions/2024/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2026-Y/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        // wrong prefix
        "uploads/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "/submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "Submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "x/submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        // path traversal
        "submissions/2025/QCDC/2025-H1/../0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/../Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/../../../etc/passwd",
        "submissions/2025/QCDC/../../2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/..",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/.",
        // uppercase or otherwise invalid unit id
        "submissions/2025/QCDC/2025-H1/THPT-Tran-Phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt_tran_phu/0123456789abcdef/Bao-cao-quy.pdf",
        // extra or missing segments
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf/extra",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/extra/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu//Bao-cao-quy.pdf",
        // unknown period form, lowercase report, bad submission id, unsafe file name
        "submissions/2025/QCDC/2025-Q5/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-Q1-Q2/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-Q1-/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-h1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/qcdc/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123ABCD/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/short/Bao-cao-quy.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Báo cáo.pdf",
        "submissions/2025/QCDC/2025-H1/thpt-tran-phu/0123456789abcdef/Bao-cao-quy.pdf\n",
    })
    void keys_that_the_server_would_never_build_are_refused(String given) {
        assertThat(SubmissionKey.parse(given)).isEmpty();
    }
}
