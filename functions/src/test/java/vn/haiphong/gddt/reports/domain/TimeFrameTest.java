package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The plan's time frames (thời gian thực hiện)")
class TimeFrameTest {

    @ParameterizedTest(name = "\"{0}\" is period {1}")
    @CsvSource(delimiter = '|', value = {
        "Quý I/2025                        | 2025-Q1",
        "Quý IV/2025                       | 2025-Q4",
        "Quý I-Quý III/2025                | 2025-Q1-Q3",
        "Quý I-Quý II/2025                 | 2025-H1",
        "Quý II-Quý III/2025               | 2025-Q2-Q3",
        "Cả năm 2025                       | 2025-Y",
        "6 tháng đầu năm 2025              | 2025-H1",
        "6 tháng cuối năm 2025             | 2025-H2",
        "tháng 6/2025                      | 2025-M06",
        "Tháng 12/2025                     | 2025-M12",
    })
    void every_form_of_the_plan_reads_as_the_period_it_covers(String text, String period) {
        TimeFrame frame = TimeFrame.parse(text, 2025);

        assertThat(frame.period().id()).isEqualTo(period);
        assertThat(frame.cityCalendar()).isFalse();
        assertThat(frame.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\" is read like the plan writes it")
    @ValueSource(strings = {"Quý I - Quý III/2025", "quý i-quý iii/2025", "Quý I–Quý III / 2025", "Quý I-III/2025",
        "  Quý   I-Quý III/2025 ", "Quý I—Quý III/2025"})
    void spacing_case_and_the_kind_of_dash_do_not_matter(String text) {
        assertThat(TimeFrame.parse(text, 2025).period()).isEqualTo(new Period(2025, PeriodKind.quarters(1, 3)));
    }

    @Test
    void text_written_with_combining_accents_is_read_the_same() {
        String nfd = java.text.Normalizer.normalize("Cả năm 2025", java.text.Normalizer.Form.NFD);

        TimeFrame frame = TimeFrame.parse(nfd, 2025);

        assertThat(frame.period()).isEqualTo(new Period(2025, PeriodKind.YEAR));
        assertThat(frame.text()).isEqualTo("Cả năm 2025");
    }

    @Test
    void on_the_citys_calendar_there_is_no_date_of_its_own_so_it_covers_the_plans_year() {
        TimeFrame frame = TimeFrame.parse("Thực hiện theo lịch của thành phố", 2025);

        assertThat(frame.cityCalendar()).isTrue();
        assertThat(frame.period()).isEqualTo(new Period(2025, PeriodKind.YEAR));
        assertThat(frame.text()).isEqualTo("Thực hiện theo lịch của thành phố");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"Quý V/2025", "Quý 1/2025", "Q1/2025", "Quý I", "Quý I/25", "Năm 2025", "Cả năm",
        "tháng 13/2025", "tháng 0/2025", "6 tháng giữa năm 2025", "Trong tháng 6", "Thường xuyên", "31/12/2025",
        "Quý I-Quý III-Quý IV/2025", "Theo lịch của Sở"})
    void any_other_wording_is_refused_naming_the_supported_forms(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeFrame.parse(text, 2025))
                .withMessageContaining("không hiểu thời gian thực hiện");
    }

    @Test
    void a_span_ending_before_it_starts_is_refused_saying_why() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeFrame.parse("Quý III-Quý I/2025", 2025))
                .withMessageContaining("quý kết thúc đứng trước quý bắt đầu");
    }
}
