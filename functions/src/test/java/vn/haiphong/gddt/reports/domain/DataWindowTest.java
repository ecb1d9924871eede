package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Decree 09/2019/NĐ-CP reporting windows")
class DataWindowTest {

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
        "2025-H1, 2024-12-15, 2025-06-14",
        "2025-Y,  2024-12-15, 2025-12-14",
        "2026-H1, 2025-12-15, 2026-06-14",
        "2025-Q1, 2024-12-15, 2025-03-14",
        "2025-Q2, 2025-03-15, 2025-06-14",
        "2025-Q1-Q3, 2024-12-15, 2025-09-14",
        "2025-M06, 2025-05-15, 2025-06-14",
    })
    void a_period_counts_figures_from_the_15th_before_it_to_the_14th_of_its_last_month(String period, LocalDate from,
                                                                                       LocalDate to) {
        assertThat(Period.parse(period).orElseThrow().dataWindow()).isEqualTo(new DataWindow(from, to));
    }

    @Test
    void the_window_reads_as_the_school_and_the_reminders_show_it() {
        assertThat(Period.parse("2025-H1").orElseThrow().dataWindow().text())
                .isEqualTo("Số liệu tính từ 15/12/2024 đến 14/6/2025");
    }

    private static Catalog catalogWith(MonthDay h1Day) {
        Report r = new Report("TEST", "thử", "Văn phòng Sở", "VP", EnumSet.of(UnitCategory.THPT), Map.of(PeriodKind.H1, h1Day));
        return new Catalog(List.of(r), List.of(), Fixtures.settings(DeadlineRule.BEFORE_NAMED_DAY));
    }

    @Test
    void the_plans_own_deadlines_all_fall_before_the_window_ends_and_each_is_warned_about() {
        List<String> warnings = Fixtures.catalog(DeadlineRule.BEFORE_NAMED_DAY)
                .deadlineWarnings(2025, WorkingDays.vietnam());

        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(0)).startsWith("QCDC:2025-H1 (Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở):"
                + " hạn nộp trước ngày 10/6/2025 nhưng số liệu tính đến 14/6/2025")
                .endsWith("(Nghị định 09/2019/NĐ-CP, điều 8, khoản 5, điểm b).");
    }

    @Test
    void a_deadline_leaving_monday_after_a_saturday_window_end_is_fine() {
        // 14/6/2025 is a Saturday; "trước ngày 17/6" leaves Monday 16/6 to compile.
        assertThat(catalogWith(MonthDay.of(Month.JUNE, 17)).deadlineWarnings(2025, WorkingDays.vietnam())).isEmpty();
    }

    @Test
    void a_deadline_leaving_only_the_weekend_after_the_window_end_is_warned_about() {
        // "trước ngày 16/6" leaves only Sunday 15/6.
        assertThat(catalogWith(MonthDay.of(Month.JUNE, 16)).deadlineWarnings(2025, WorkingDays.vietnam())).hasSize(1);
    }

    @Test
    void the_plans_tasks_have_no_window_and_are_never_warned_about() {
        Catalog c = Fixtures.catalog(DeadlineRule.BEFORE_NAMED_DAY);

        assertThat(c.deadlineWarnings(2025, WorkingDays.vietnam())).noneMatch(w -> w.startsWith("NV"));
        assertThat(c.obligationsOf(2025).stream().filter(o -> o.task().isPresent()))
                .allSatisfy(o -> assertThat(o.dataWindow()).isEmpty());
    }
}
