package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.accepted;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The totals the Office pastes into its report (StatusSummary)")
class StatusSummaryTest {
    private static final Instant DUE = vn(2025, 6, 10, 0, 0, 0);
    private static int ids;

    private static UnitStatus rowIn(ObligationState state, UnitCategory category) {
        Unit u = unit("don-vi-" + ++ids, "Đơn vị " + ids, category);
        return new UnitStatus(u, state, DUE, Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    private static List<UnitStatus> rows(int onTime, int late, int missing, int notOpen, int open, int exempt) {
        List<UnitStatus> rows = new ArrayList<>();
        for (int i = 0; i < open; i++) {
            rows.add(rowIn(ObligationState.OPEN, UnitCategory.THPT));
        }
        for (int i = 0; i < exempt; i++) {
            rows.add(rowIn(ObligationState.EXEMPT, UnitCategory.PHONG_SO));
        }
        for (int i = 0; i < missing; i++) {
            rows.add(rowIn(ObligationState.MISSING, UnitCategory.THPT));
        }
        for (int i = 0; i < late; i++) {
            rows.add(rowIn(ObligationState.LATE, UnitCategory.THPT));
        }
        for (int i = 0; i < notOpen; i++) {
            rows.add(rowIn(ObligationState.NOT_OPEN, UnitCategory.THPT));
        }
        for (int i = 0; i < onTime; i++) {
            rows.add(rowIn(ObligationState.ON_TIME, UnitCategory.THPT));
        }
        return rows;
    }

    @Nested
    @DisplayName("counts")
    class Counts {
        @Test
        void each_state_is_counted_in_its_own_column() {
            StatusSummary s = StatusSummary.of(rows(5, 4, 3, 1, 2, 6));

            assertThat(s.onTime()).isEqualTo(5);
            assertThat(s.late()).isEqualTo(4);
            assertThat(s.missing()).isEqualTo(3);
            assertThat(s.exempt()).isEqualTo(6);
        }

        @Test
        void not_due_counts_both_not_open_and_open_units() {
            assertThat(StatusSummary.of(rows(0, 0, 0, 1, 2, 0)).notDue()).isEqualTo(3);
            assertThat(StatusSummary.of(rows(0, 0, 0, 4, 0, 0)).notDue()).isEqualTo(4);
            assertThat(StatusSummary.of(rows(0, 0, 0, 0, 7, 0)).notDue()).isEqualTo(7);
        }

        @Test
        void expected_is_every_listed_unit_except_the_exempt_ones() {
            StatusSummary s = StatusSummary.of(rows(5, 4, 3, 1, 2, 6));

            assertThat(s.expected()).isEqualTo(15);
            assertThat(s.onTime() + s.late() + s.missing() + s.notDue()).isEqualTo(s.expected());
        }

        @Test
        void a_summary_of_nothing_is_all_zeros() {
            assertThat(StatusSummary.of(List.of())).isEqualTo(new StatusSummary(0, 0, 0, 0, 0, 0, 0.0, 0.0));
        }
    }

    @Nested
    @DisplayName("rates")
    class Rates {
        @Test
        void the_example_in_the_api_document_gives_0_858_and_0_808() {
            // expected 120: 97 on time, 6 late, 17 missing
            StatusSummary s = StatusSummary.of(rows(97, 6, 17, 0, 0, 0));

            assertThat(s.expected()).isEqualTo(120);
            assertThat(s.completeness()).isEqualTo(0.858);
            assertThat(s.timeliness()).isEqualTo(0.808);
        }

        @ParameterizedTest(name = "{0} on time, {1} late of {2} expected -> completeness {3}, timeliness {4}")
        @CsvSource({
                "1, 1, 3, 0.667, 0.333",
                "2, 0, 3, 0.667, 0.667",
                "1, 0, 8, 0.125, 0.125",
                "1, 0, 16, 0.063, 0.063",
                "1, 0, 2000, 0.001, 0.001",
                "0, 1, 2001, 0.0, 0.0",
                "1999, 0, 2000, 1.0, 1.0",
                "0, 0, 4, 0.0, 0.0",
                "3, 1, 4, 1.0, 0.75",
                "0, 5, 5, 1.0, 0.0",
                "5, 0, 5, 1.0, 1.0",
                "10, 7, 60, 0.283, 0.167"
        })
        void rates_are_rounded_to_three_decimals(int onTime, int late, int expected, double completeness,
                                                 double timeliness) {
            StatusSummary s = StatusSummary.of(rows(onTime, late, expected - onTime - late, 0, 0, 0));

            assertThat(s.expected()).isEqualTo(expected);
            assertThat(s.completeness()).isEqualTo(completeness);
            assertThat(s.timeliness()).isEqualTo(timeliness);
        }

        @Test
        void units_not_yet_due_lower_the_rates_as_they_are_expected_too() {
            StatusSummary s = StatusSummary.of(rows(1, 0, 0, 1, 2, 0));

            assertThat(s.completeness()).isEqualTo(0.25);
            assertThat(s.timeliness()).isEqualTo(0.25);
        }

        @Test
        void exempt_units_do_not_dilute_the_rates() {
            StatusSummary s = StatusSummary.of(rows(3, 1, 0, 0, 0, 7));

            assertThat(s.completeness()).isEqualTo(1.0);
            assertThat(s.timeliness()).isEqualTo(0.75);
        }

        @Test
        void with_nobody_expected_both_rates_are_zero_not_nan() {
            StatusSummary onlyExempt = StatusSummary.of(rows(0, 0, 0, 0, 0, 3));

            assertThat(onlyExempt.expected()).isZero();
            assertThat(onlyExempt.completeness()).isEqualTo(0.0);
            assertThat(onlyExempt.timeliness()).isEqualTo(0.0);
        }
    }

    @Nested
    @DisplayName("by category")
    class ByCategory {
        private final Obligation o = StatusFixtures.qcdcH1();
        private final Instant asOf = vn(2025, 6, 12, 8, 0, 0);

        private ObligationStatus status() {
            Unit tccb = unit("phong-to-chuc-can-bo", "Phòng Tổ chức cán bộ", UnitCategory.PHONG_SO);
            Unit vp = unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO);
            Unit anDuong = unit("thpt-an-duong", "Trường THPT An Dương", UnitCategory.THPT);
            Unit tranPhu = unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT);
            Unit ngoQuyen = unit("thpt-ngo-quyen", "Trường THPT Ngô Quyền", UnitCategory.THPT);
            Unit anLao = unit("gdnn-gdtx-an-lao", "Trung tâm GDNN-GDTX huyện An Lão", UnitCategory.GDNN_GDTX);
            List<Submission> files = List.of(
                    accepted(anDuong.id(), vn(2025, 6, 8, 10, 0, 0)),
                    accepted(tranPhu.id(), vn(2025, 6, 11, 10, 0, 0)),
                    accepted(anLao.id(), vn(2025, 6, 9, 23, 0, 0)),
                    accepted(tccb.id(), vn(2025, 6, 9, 23, 0, 0)));
            return ObligationStatus.of(o, List.of(anLao, ngoQuyen, tranPhu, vp, anDuong, tccb), files, List.of(), asOf);
        }

        @Test
        void there_is_one_summary_per_category_present_and_none_for_absent_ones() {
            assertThat(status().byCategory())
                    .containsOnlyKeys(UnitCategory.PHONG_SO, UnitCategory.THPT, UnitCategory.GDNN_GDTX);
        }

        @Test
        void categories_are_in_the_plans_order() {
            assertThat(status().byCategory().keySet())
                    .containsExactly(UnitCategory.PHONG_SO, UnitCategory.THPT, UnitCategory.GDNN_GDTX);
        }

        @Test
        void each_category_is_summarised_from_its_own_units() {
            ObligationStatus status = status();

            assertThat(status.byCategory().get(UnitCategory.THPT))
                    .isEqualTo(new StatusSummary(3, 1, 1, 1, 0, 0, 0.667, 0.333));
            assertThat(status.byCategory().get(UnitCategory.GDNN_GDTX))
                    .isEqualTo(new StatusSummary(1, 1, 0, 0, 0, 0, 1.0, 1.0));
            assertThat(status.byCategory().get(UnitCategory.PHONG_SO))
                    .isEqualTo(new StatusSummary(0, 0, 0, 0, 0, 2, 0.0, 0.0));
        }

        @Test
        void the_overall_summary_covers_every_listed_unit() {
            assertThat(status().summary()).isEqualTo(new StatusSummary(4, 2, 1, 1, 0, 2, 0.75, 0.5));
        }

        @Test
        void the_overall_counts_are_the_sums_of_the_category_counts() {
            ObligationStatus status = status();
            List<StatusSummary> parts = List.copyOf(status.byCategory().values());

            assertThat(parts.stream().mapToInt(StatusSummary::expected).sum()).isEqualTo(status.summary().expected());
            assertThat(parts.stream().mapToInt(StatusSummary::onTime).sum()).isEqualTo(status.summary().onTime());
            assertThat(parts.stream().mapToInt(StatusSummary::late).sum()).isEqualTo(status.summary().late());
            assertThat(parts.stream().mapToInt(StatusSummary::missing).sum()).isEqualTo(status.summary().missing());
            assertThat(parts.stream().mapToInt(StatusSummary::notDue).sum()).isEqualTo(status.summary().notDue());
            assertThat(parts.stream().mapToInt(StatusSummary::exempt).sum()).isEqualTo(status.summary().exempt());
        }

        @Test
        void the_summary_of_a_status_with_no_units_is_empty() {
            ObligationStatus status = ObligationStatus.of(o, List.of(), List.of(), List.of(), asOf);

            assertThat(status.units()).isEmpty();
            assertThat(status.byCategory()).isEmpty();
            assertThat(status.summary()).isEqualTo(new StatusSummary(0, 0, 0, 0, 0, 0, 0.0, 0.0));
        }
    }
}
