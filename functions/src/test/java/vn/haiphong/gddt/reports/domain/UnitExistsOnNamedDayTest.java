package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.accepted;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A unit is expected only for periods whose named day it existed on (mergers, closures, new schools). */
@DisplayName("Only units that existed on the named day are listed")
class UnitExistsOnNamedDayTest {
    private static final Obligation O = StatusFixtures.qcdcH1();
    private static final LocalDate TEN_JUNE = LocalDate.of(2025, 6, 10);
    private static final Instant AS_OF = vn(2025, 7, 1, 8, 0, 0);
    private static final Instant ON_TIME = vn(2025, 6, 5, 9, 0, 0);

    private static final Unit STILL_OPEN = unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT);

    private static List<String> listedIds(List<Unit> units) {
        return ObligationStatus.of(O, units, List.of(), List.of(), AS_OF).units().stream()
                .map(r -> r.unit().id()).toList();
    }

    @Test
    void the_named_day_of_qcdc_6_tháng_2025_is_10_june() {
        assertThat(O.namedDay()).isEqualTo(TEN_JUNE);
    }

    @Test
    void a_unit_closed_the_day_before_the_named_day_is_not_listed() {
        Unit closed = unit("thpt-cu", "Trường THPT Cũ", UnitCategory.THPT, null, TEN_JUNE.minusDays(1));

        assertThat(listedIds(List.of(closed, STILL_OPEN))).containsExactly(STILL_OPEN.id());
    }

    @Test
    void a_unit_opened_the_day_after_the_named_day_is_not_listed() {
        Unit opened = unit("thpt-moi", "Trường THPT Mới", UnitCategory.THPT, TEN_JUNE.plusDays(1), null);

        assertThat(listedIds(List.of(opened, STILL_OPEN))).containsExactly(STILL_OPEN.id());
    }

    @Test
    void a_unit_whose_last_day_is_the_named_day_is_listed() {
        Unit merged = unit("thpt-sap-nhap", "Trường THPT Sáp Nhập", UnitCategory.THPT, null, TEN_JUNE);

        assertThat(listedIds(List.of(merged))).containsExactly(merged.id());
    }

    @Test
    void a_unit_whose_first_day_is_the_named_day_is_listed() {
        Unit opened = unit("thpt-moi", "Trường THPT Mới", UnitCategory.THPT, TEN_JUNE, null);

        assertThat(listedIds(List.of(opened))).containsExactly(opened.id());
    }

    @Test
    void a_unit_that_existed_on_the_named_day_only_is_listed() {
        Unit oneDay = unit("thpt-mot-ngay", "Trường THPT Một Ngày", UnitCategory.THPT, TEN_JUNE, TEN_JUNE);

        assertThat(listedIds(List.of(oneDay))).containsExactly(oneDay.id());
    }

    @Test
    void a_unit_closed_after_the_named_day_but_before_as_of_is_still_listed_and_expected() {
        Unit closedLater = unit("thpt-dong-cua", "Trường THPT Đóng Cửa", UnitCategory.THPT, null,
                LocalDate.of(2025, 6, 20));

        ObligationStatus status = ObligationStatus.of(O, List.of(closedLater), List.of(), List.of(), AS_OF);

        assertThat(status.units()).singleElement().extracting(UnitStatus::state).isEqualTo(ObligationState.MISSING);
        assertThat(status.summary().expected()).isEqualTo(1);
    }

    @Test
    void files_from_a_closed_unit_and_a_new_unit_never_push_completeness_above_one() {
        // GIVEN two units that did not exist on 10/6 but whose files are in the ledger
        Unit closed = unit("thpt-cu", "Trường THPT Cũ", UnitCategory.THPT, LocalDate.of(2020, 9, 1),
                LocalDate.of(2025, 5, 31));
        Unit opened = unit("thpt-moi", "Trường THPT Mới", UnitCategory.THPT, LocalDate.of(2025, 6, 11), null);
        List<Submission> files = List.of(accepted(closed.id(), ON_TIME), accepted(opened.id(), ON_TIME),
                accepted(STILL_OPEN.id(), ON_TIME));

        // WHEN the Office asks
        ObligationStatus status = ObligationStatus.of(O, List.of(closed, opened, STILL_OPEN), files, List.of(), AS_OF);

        // THEN only the school that existed is expected, and it is complete: 1 of 1, not 3 of 1
        assertThat(status.units()).extracting(r -> r.unit().id()).containsExactly(STILL_OPEN.id());
        assertThat(status.summary().expected()).isEqualTo(1);
        assertThat(status.summary().onTime()).isEqualTo(1);
        assertThat(status.summary().completeness()).isEqualTo(1.0);
        assertThat(status.summary().timeliness()).isEqualTo(1.0);
    }

    @Test
    void a_closed_department_of_the_so_is_not_even_listed_as_exempt() {
        Unit closed = unit("phong-cu", "Phòng Cũ", UnitCategory.PHONG_SO, null, TEN_JUNE.minusDays(1));

        ObligationStatus status = ObligationStatus.of(O, List.of(closed), List.of(), List.of(), AS_OF);

        assertThat(status.units()).isEmpty();
        assertThat(status.summary().exempt()).isZero();
        assertThat(status.byCategory()).isEmpty();
    }

    @Test
    void a_unit_that_no_longer_exists_is_left_out_of_its_category_too() {
        Unit closed = unit("thpt-cu", "Trường THPT Cũ", UnitCategory.THPT, null, TEN_JUNE.minusDays(1));
        Unit centre = unit("gdnn-gdtx-an-lao", "Trung tâm GDNN-GDTX huyện An Lão", UnitCategory.GDNN_GDTX);

        ObligationStatus status = ObligationStatus.of(O, List.of(closed, centre), List.of(), List.of(), AS_OF);

        assertThat(status.byCategory()).containsOnlyKeys(UnitCategory.GDNN_GDTX);
    }

    @Test
    void a_school_opened_in_july_is_expected_for_the_year_report_but_not_the_half_year_one() {
        Unit opened = unit("thpt-moi", "Trường THPT Mới", UnitCategory.THPT, LocalDate.of(2025, 7, 1), null);
        Obligation year = Fixtures.obligation(DeadlineRule.BEFORE_NAMED_DAY, "QCDC:2025-Y");
        Instant december = vn(2025, 12, 20, 8, 0, 0);

        assertThat(ObligationStatus.of(O, List.of(opened), List.of(), List.of(), december).units()).isEmpty();
        assertThat(ObligationStatus.of(year, List.of(opened), List.of(), List.of(), december).units())
                .extracting(r -> r.unit().id()).containsExactly(opened.id());
    }

    @Test
    void the_lenient_reading_of_the_deadline_does_not_move_the_named_day() {
        Obligation lenient = Fixtures.obligation(DeadlineRule.END_OF_NAMED_DAY, StatusFixtures.QCDC_H1);
        Unit closed = unit("thpt-cu", "Trường THPT Cũ", UnitCategory.THPT, null, TEN_JUNE.minusDays(1));
        Unit lastDay = unit("thpt-sap-nhap", "Trường THPT Sáp Nhập", UnitCategory.THPT, null, TEN_JUNE);

        assertThat(ObligationStatus.of(lenient, List.of(closed, lastDay), List.of(), List.of(), AS_OF).units())
                .extracting(r -> r.unit().id()).containsExactly(lastDay.id());
    }
}
