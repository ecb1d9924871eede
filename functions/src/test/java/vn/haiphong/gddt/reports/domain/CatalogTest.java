package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static vn.haiphong.gddt.reports.domain.Fixtures.VN;
import static vn.haiphong.gddt.reports.domain.Fixtures.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

@DisplayName("The catalog turns the plan's named days into deadlines")
class CatalogTest {

    /** Section III.2 of the plan: QCDC trước 10/6 and 05/12, DVCQ trước 15/6 and 10/12, every year. */
    static Stream<Arguments> the_plans_named_days_2025_to_2030() {
        return IntStream.rangeClosed(2025, 2030).boxed().flatMap(year -> Stream.of(
                arguments("QCDC:" + year + "-H1", LocalDate.of(year, 6, 10)),
                arguments("QCDC:" + year + "-Y", LocalDate.of(year, 12, 5)),
                arguments("DVCQ:" + year + "-H1", LocalDate.of(year, 6, 15)),
                arguments("DVCQ:" + year + "-Y", LocalDate.of(year, 12, 10))));
    }

    private static String dayMonthYear(LocalDate d) {
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    @Nested
    @DisplayName("read literally (BEFORE_NAMED_DAY)")
    class BeforeNamedDay {

        @ParameterizedTest(name = "{0} is due at 00:00 Vietnam time on {1}")
        @MethodSource("vn.haiphong.gddt.reports.domain.CatalogTest#the_plans_named_days_2025_to_2030")
        void deadline_is_midnight_vietnam_time_at_the_start_of_the_named_day(String id, LocalDate namedDay) {
            Obligation o = catalog(DeadlineRule.BEFORE_NAMED_DAY).find(id).orElseThrow();

            assertThat(o.id()).isEqualTo(id);
            assertThat(o.namedDay()).isEqualTo(namedDay);
            assertThat(o.due()).isEqualTo(namedDay.atStartOfDay(VN).toInstant());
        }

        @ParameterizedTest(name = "{0} is due at 17:00 UTC the day before {1}")
        @MethodSource("vn.haiphong.gddt.reports.domain.CatalogTest#the_plans_named_days_2025_to_2030")
        void deadline_is_five_pm_utc_on_the_day_before_the_named_day(String id, LocalDate namedDay) {
            Obligation o = catalog(DeadlineRule.BEFORE_NAMED_DAY).find(id).orElseThrow();

            assertThat(o.due()).isEqualTo(namedDay.minusDays(1).atTime(17, 0).toInstant(ZoneOffset.UTC));
        }

        @ParameterizedTest(name = "{0} is worded \"trước ngày {1}\"")
        @MethodSource("vn.haiphong.gddt.reports.domain.CatalogTest#the_plans_named_days_2025_to_2030")
        void wording_repeats_the_plan_trước_ngày_with_the_date_as_people_write_it(String id, LocalDate namedDay) {
            Obligation o = catalog(DeadlineRule.BEFORE_NAMED_DAY).find(id).orElseThrow();

            assertThat(o.dueWording()).isEqualTo("trước ngày " + dayMonthYear(namedDay));
        }

        @Test
        void the_2025_and_2026_deadlines_read_exactly_as_in_the_plan() {
            Catalog c = catalog(DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(c.find("QCDC:2025-H1").orElseThrow().dueWording()).isEqualTo("trước ngày 10/6/2025");
            assertThat(c.find("QCDC:2025-Y").orElseThrow().dueWording()).isEqualTo("trước ngày 5/12/2025");
            assertThat(c.find("DVCQ:2025-H1").orElseThrow().dueWording()).isEqualTo("trước ngày 15/6/2025");
            assertThat(c.find("DVCQ:2025-Y").orElseThrow().dueWording()).isEqualTo("trước ngày 10/12/2025");
            assertThat(c.find("QCDC:2026-H1").orElseThrow().due()).isEqualTo(Instant.parse("2026-06-09T17:00:00Z"));
            assertThat(c.find("QCDC:2026-Y").orElseThrow().due()).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
            assertThat(c.find("DVCQ:2026-H1").orElseThrow().due()).isEqualTo(Instant.parse("2026-06-14T17:00:00Z"));
            assertThat(c.find("DVCQ:2026-Y").orElseThrow().due()).isEqualTo(Instant.parse("2026-12-09T17:00:00Z"));
        }
    }

    @Nested
    @DisplayName("read leniently (END_OF_NAMED_DAY)")
    class EndOfNamedDay {

        @ParameterizedTest(name = "{0} is due at 00:00 Vietnam time on the day after {1}")
        @MethodSource("vn.haiphong.gddt.reports.domain.CatalogTest#the_plans_named_days_2025_to_2030")
        void deadline_is_midnight_vietnam_time_at_the_end_of_the_named_day(String id, LocalDate namedDay) {
            Obligation o = catalog(DeadlineRule.END_OF_NAMED_DAY).find(id).orElseThrow();

            assertThat(o.namedDay()).isEqualTo(namedDay);
            assertThat(o.due()).isEqualTo(namedDay.plusDays(1).atStartOfDay(VN).toInstant());
            assertThat(o.due()).isEqualTo(namedDay.atTime(17, 0).toInstant(ZoneOffset.UTC));
        }

        @ParameterizedTest(name = "{0} is worded \"đến hết ngày {1}\"")
        @MethodSource("vn.haiphong.gddt.reports.domain.CatalogTest#the_plans_named_days_2025_to_2030")
        void wording_says_đến_hết_ngày_with_the_named_day(String id, LocalDate namedDay) {
            Obligation o = catalog(DeadlineRule.END_OF_NAMED_DAY).find(id).orElseThrow();

            assertThat(o.dueWording()).isEqualTo("đến hết ngày " + dayMonthYear(namedDay));
        }

        @Test
        void qcdc_2025_first_half_is_due_by_the_end_of_10_june() {
            Obligation o = catalog(DeadlineRule.END_OF_NAMED_DAY).find("QCDC:2025-H1").orElseThrow();

            assertThat(o.due()).isEqualTo(Instant.parse("2025-06-10T17:00:00Z"));
            assertThat(o.dueWording()).isEqualTo("đến hết ngày 10/6/2025");
        }
    }

    @Nested
    @DisplayName("settings: grace, opening and lock")
    class Settings {

        @Test
        void grace_minutes_move_the_deadline_later_by_exactly_that_much() {
            // GIVEN 90 minutes of grace on the literal reading
            Catalog c = CatalogFile.bundled(new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ofMinutes(90),
                    Duration.ofDays(30), Optional.empty()));

            // WHEN
            Obligation o = c.find("QCDC:2025-H1").orElseThrow();

            // THEN 00:00 + 1h30 on 10/6 Vietnam time
            assertThat(o.due()).isEqualTo(Fixtures.vn(2025, 6, 10, 1, 30, 0));
            assertThat(o.namedDay()).isEqualTo(LocalDate.of(2025, 6, 10));
        }

        @Test
        void grace_also_shifts_the_lenient_reading() {
            Catalog c = CatalogFile.bundled(new CatalogSettings(DeadlineRule.END_OF_NAMED_DAY, Duration.ofMinutes(15),
                    Duration.ofDays(30), Optional.empty()));

            assertThat(c.find("DVCQ:2025-Y").orElseThrow().due()).isEqualTo(Fixtures.vn(2025, 12, 11, 0, 15, 0));
        }

        @Test
        void the_period_opens_a_fixed_time_before_the_deadline_grace_included() {
            Catalog c = CatalogFile.bundled(new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ofMinutes(30),
                    Duration.ofDays(45), Optional.empty()));

            Obligation o = c.find("QCDC:2025-H1").orElseThrow();

            assertThat(o.opensAt()).isEqualTo(o.due().minus(Duration.ofDays(45)));
            assertThat(o.opensAt()).isEqualTo(Fixtures.vn(2025, 4, 26, 0, 30, 0));
        }

        @Test
        void the_period_locks_a_fixed_time_after_the_deadline_when_a_lock_is_set() {
            Catalog c = CatalogFile.bundled(new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ZERO,
                    Duration.ofDays(30), Optional.of(Duration.ofDays(7))));

            Obligation o = c.find("DVCQ:2025-H1").orElseThrow();

            assertThat(o.locksAt()).contains(o.due().plus(Duration.ofDays(7)));
            assertThat(o.locksAt()).contains(Fixtures.vn(2025, 6, 22, 0, 0, 0));
        }

        @Test
        void without_a_lock_the_period_never_locks() {
            Obligation o = catalog(DeadlineRule.BEFORE_NAMED_DAY).find("DVCQ:2025-H1").orElseThrow();

            assertThat(o.locksAt()).isEmpty();
        }

        @Test
        void the_defaults_read_the_plan_literally_with_no_grace_a_thirty_day_window_and_no_lock() {
            CatalogSettings d = CatalogSettings.defaults();

            assertThat(d.rule()).isEqualTo(DeadlineRule.BEFORE_NAMED_DAY);
            assertThat(d.grace()).isZero();
            assertThat(d.openBefore()).isEqualTo(Duration.ofDays(30));
            assertThat(d.lockAfter()).isEmpty();
        }

        @Test
        void negative_durations_are_refused() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY,
                    Duration.ofMinutes(-1), Duration.ofDays(30), Optional.empty()));
            assertThatIllegalArgumentException().isThrownBy(() -> new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY,
                    Duration.ZERO, Duration.ofDays(-1), Optional.empty()));
            assertThatIllegalArgumentException().isThrownBy(() -> new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY,
                    Duration.ZERO, Duration.ofDays(30), Optional.of(Duration.ofSeconds(-1))));
        }

        @Test
        void a_missing_deadline_rule_is_refused() {
            assertThatNullPointerException().isThrownBy(() -> new CatalogSettings(null, Duration.ZERO,
                    Duration.ofDays(30), Optional.empty()));
        }
    }

    @Nested
    @DisplayName("find(obligation id)")
    class Find {

        @Test
        void finds_qcdc_2025_first_half_by_its_public_id() {
            Optional<Obligation> found = catalog(DeadlineRule.BEFORE_NAMED_DAY).find("QCDC:2025-H1");

            assertThat(found).isPresent();
            Obligation o = found.get();
            assertThat(o.report()).isEqualTo(Fixtures.QCDC);
            assertThat(o.period()).isEqualTo(new Period(2025, PeriodKind.H1));
            assertThat(o.id()).isEqualTo("QCDC:2025-H1");
            assertThat(o.title()).isEqualTo("Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở");
            assertThat(o.report().receiver()).isEqualTo("Phòng Tổ chức cán bộ");
        }

        @Test
        void finds_dvcq_year_report_received_by_the_office() {
            Obligation o = catalog(DeadlineRule.BEFORE_NAMED_DAY).find("DVCQ:2025-Y").orElseThrow();

            assertThat(o.report()).isEqualTo(Fixtures.DVCQ);
            assertThat(o.title()).isEqualTo("Báo cáo năm kết quả thực hiện công tác dân vận của chính quyền");
            assertThat(o.report().receiver()).isEqualTo("Văn phòng Sở");
        }

        @ParameterizedTest(name = "\"{0}\" finds nothing")
        @NullAndEmptySource
        @ValueSource(strings = {
            "ABCD:2025-H1",      // unknown report
            "QCDC:2025-Q1",      // period form the reports do not use
            "QCDC:2025-H2",
            "QCDC:2025",
            "QCDC:25-H1",
            "QCDC:2025-y",
            "qcdc:2025-H1",
            "QCDC-2025-H1",
            "QCDC:2025-H1:x",
            "QCDC:2025-H1 ",
            " QCDC:2025-H1",
            "QCDC:",
            ":2025-H1",
            ":",
            "   ",
            "%$#@!",
            "QCDC:../2025-H1",
        })
        void unknown_report_unknown_period_form_garbage_and_null_find_nothing(String id) {
            assertThat(catalog(DeadlineRule.BEFORE_NAMED_DAY).find(id)).isEmpty();
        }

        @Test
        void a_report_without_a_half_year_period_has_no_h1_obligation() {
            Report yearly = new Report("YEARLY", "chỉ báo cáo năm", "Văn phòng Sở", "VP", EnumSet.of(UnitCategory.THPT),
                    Map.of(PeriodKind.YEAR, MonthDay.of(Month.DECEMBER, 20)));
            Catalog c = new Catalog(List.of(yearly), List.of(), CatalogSettings.defaults());

            assertThat(c.find("YEARLY:2025-H1")).isEmpty();
            assertThat(c.find("YEARLY:2025-Y")).map(Obligation::namedDay).contains(LocalDate.of(2025, 12, 20));
            assertThatIllegalArgumentException().isThrownBy(() -> c.obligation(yearly, new Period(2025, PeriodKind.H1)));
        }
    }

    @Nested
    @DisplayName("obligations of a year and who owes them")
    class Owed {

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {2025, 2026, 2027, 2028, 2029, 2030})
        void the_periodic_reports_of_a_year_are_the_four_of_the_plan_ordered_by_deadline(int year) {
            List<Obligation> all = catalog(DeadlineRule.BEFORE_NAMED_DAY).obligationsOf(year).stream()
                    .filter(o -> o.task().isEmpty()).toList();

            assertThat(all).extracting(Obligation::id).containsExactly(
                    "QCDC:" + year + "-H1", "DVCQ:" + year + "-H1", "QCDC:" + year + "-Y", "DVCQ:" + year + "-Y");
            assertThat(all).extracting(Obligation::due).isSorted();
        }

        @Test
        void obligations_are_ordered_by_deadline_whatever_order_the_reports_are_listed_in() {
            Report early = new Report("EARLY", "sớm", "Văn phòng Sở", "VP", EnumSet.of(UnitCategory.THPT),
                    Map.of(PeriodKind.H1, MonthDay.of(Month.JANUARY, 15), PeriodKind.YEAR, MonthDay.of(Month.JULY, 1)));
            Catalog c = new Catalog(List.of(Fixtures.DVCQ, Fixtures.QCDC, early), List.of(), CatalogSettings.defaults());

            assertThat(c.obligationsOf(2025)).extracting(Obligation::id).containsExactly(
                    "EARLY:2025-H1", "QCDC:2025-H1", "DVCQ:2025-H1", "EARLY:2025-Y", "QCDC:2025-Y", "DVCQ:2025-Y");
        }

        @Test
        void the_departments_of_the_so_owe_neither_report() {
            Catalog c = catalog(DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(Fixtures.QCDC.owedBy()).doesNotContain(UnitCategory.PHONG_SO);
            assertThat(Fixtures.DVCQ.owedBy()).doesNotContain(UnitCategory.PHONG_SO);
            assertThat(c.owedBy(Fixtures.unitOf(UnitCategory.PHONG_SO), 2025, 2026)).allMatch(o -> o.task().isPresent());
        }

        @ParameterizedTest(name = "{0} owes both reports")
        @EnumSource(value = UnitCategory.class, names = "PHONG_SO", mode = EnumSource.Mode.EXCLUDE)
        void every_education_unit_owes_both_reports_for_both_periods(UnitCategory category) {
            Catalog c = catalog(DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(c.owedBy(Fixtures.unitOf(category), 2025, 2026).stream().filter(o -> o.task().isEmpty()))
                    .extracting(Obligation::id).containsExactly(
                    "QCDC:2025-H1", "DVCQ:2025-H1", "QCDC:2025-Y", "DVCQ:2025-Y",
                    "QCDC:2026-H1", "DVCQ:2026-H1", "QCDC:2026-Y", "DVCQ:2026-Y");
        }

        @Test
        void exactly_five_categories_owe_the_reports() {
            assertThat(Fixtures.QCDC.owedBy()).containsExactlyInAnyOrder(UnitCategory.PHONG_GDDT, UnitCategory.THPT,
                    UnitCategory.PT_NHIEU_CAP, UnitCategory.GDNN_GDTX, UnitCategory.TRUC_THUOC);
            assertThat(Fixtures.DVCQ.owedBy()).isEqualTo(Fixtures.QCDC.owedBy());
        }
    }
}
