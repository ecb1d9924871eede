package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Periods and the Vietnam clock face")
class PeriodAndVietnamTimeTest {

    @Nested
    @DisplayName("Period")
    class Periods {

        @Test
        void the_first_half_year_parses_from_its_id_and_prints_it_back() {
            Period p = Period.parse("2025-H1").orElseThrow();

            assertThat(p).isEqualTo(new Period(2025, PeriodKind.H1));
            assertThat(p.id()).isEqualTo("2025-H1");
        }

        @Test
        void the_year_parses_from_its_id_and_prints_it_back() {
            Period p = Period.parse("2026-Y").orElseThrow();

            assertThat(p).isEqualTo(new Period(2026, PeriodKind.YEAR));
            assertThat(p.id()).isEqualTo("2026-Y");
        }

        @Test
        void the_pages_text_names_every_kind_of_period_in_words_never_its_id() {
            assertThat(Period.parse("2025-Y").orElseThrow().text()).isEqualTo("năm 2025");
            assertThat(Period.parse("2025-H1").orElseThrow().text()).isEqualTo("6 tháng đầu năm 2025");
            assertThat(Period.parse("2025-H2").orElseThrow().text()).isEqualTo("6 tháng cuối năm 2025");
            assertThat(Period.parse("2025-Q2").orElseThrow().text()).isEqualTo("quý II năm 2025");
            assertThat(Period.parse("2025-Q1-Q3").orElseThrow().text()).isEqualTo("quý I–quý III năm 2025");
            assertThat(Period.parse("2025-M06").orElseThrow().text()).isEqualTo("tháng 6 năm 2025");
        }

        @ParameterizedTest(name = "\"{0}\" is not a period")
        @NullAndEmptySource
        @ValueSource(strings = {
            "2025-h1", "2025-y", "2025-H3", "2025-Q5", "2025-Q0", "2025-Q3-Q1", "2025-Q1-Q1", "2025-Q1-Q2", "2025-Q1-Q4",
            "2025-M13", "2025-M00", "2025-M6", "2025-Q1-", "2025-Q1-Q3-Q4", "2025-YEAR", "25-H1", "20255-H1", "2025H1", "2025_H1",
            " 2025-H1", "2025-H1 ", "2025-H1\n", "H1-2025", "２０２５-H1", "-H1", "2025-",
        })
        void anything_else_is_not_a_period(String id) {
            assertThat(Period.parse(id)).isEmpty();
        }

        @ParameterizedTest(name = "{0} covers {1}–{2} and reads \"{3}\"")
        @CsvSource(delimiter = '|', value = {
            "2025-Q1    | 2025-01-01 | 2025-03-31 | quý I năm 2025",
            "2025-Q4    | 2025-10-01 | 2025-12-31 | quý IV năm 2025",
            "2025-Q1-Q3 | 2025-01-01 | 2025-09-30 | quý I–quý III năm 2025",
            "2025-Q2-Q3 | 2025-04-01 | 2025-09-30 | quý II–quý III năm 2025",
            "2025-M06   | 2025-06-01 | 2025-06-30 | tháng 6 năm 2025",
            "2024-M02   | 2024-02-01 | 2024-02-29 | tháng 2 năm 2024",
            "2025-H2    | 2025-07-01 | 2025-12-31 | 6 tháng cuối năm 2025",
        })
        void the_plans_quarters_and_months_are_periods_too(String id, LocalDate first, LocalDate last, String label) {
            Period p = Period.parse(id).orElseThrow();

            assertThat(p.id()).isEqualTo(id);
            assertThat(p.firstDay()).isEqualTo(first);
            assertThat(p.lastDay()).isEqualTo(last);
            assertThat(p.text()).isEqualTo(label);
        }

        @Test
        void quarters_one_and_two_are_the_first_half_year_and_all_four_the_year() {
            assertThat(PeriodKind.quarters(1, 2)).isEqualTo(PeriodKind.H1);
            assertThat(PeriodKind.quarters(1, 4)).isEqualTo(PeriodKind.YEAR);
            assertThat(PeriodKind.quarters(1, 2).code()).isEqualTo("H1");
        }

        @Test
        void period_kinds_have_codes_and_reject_unknown_ones() {
            assertThat(PeriodKind.ofCode("H1")).isEqualTo(PeriodKind.H1);
            assertThat(PeriodKind.ofCode("Y")).isEqualTo(PeriodKind.YEAR);
            assertThatIllegalArgumentException().isThrownBy(() -> PeriodKind.ofCode("Q5"));
            assertThatIllegalArgumentException().isThrownBy(() -> PeriodKind.ofCode("Q1-Q2"))
                    .withMessageContaining("viết H1");
        }
    }

    @Nested
    @DisplayName("VietnamTime")
    class Clock {

        @ParameterizedTest(name = "{0} is written {1}")
        @CsvSource({
            "2025-06-10, 10/6/2025",
            "2025-12-05, 5/12/2025",
            "2025-06-15, 15/6/2025",
            "2026-01-01, 1/1/2026",
            "2025-10-31, 31/10/2025",
        })
        void dates_are_written_day_month_year_without_leading_zeros(LocalDate date, String written) {
            assertThat(VietnamTime.date(date)).isEqualTo(written);
        }

        @Test
        void iso_times_carry_the_vietnam_offset() {
            assertThat(VietnamTime.iso(Instant.parse("2025-06-09T17:00:00Z"))).isEqualTo("2025-06-10T00:00:00+07:00");
            assertThat(VietnamTime.iso(Instant.parse("2025-06-11T01:00:00Z"))).isEqualTo("2025-06-11T08:00:00+07:00");
        }

        @Test
        void iso_times_are_to_the_second() {
            assertThat(VietnamTime.iso(Instant.parse("2025-06-08T08:21:09.987654321Z")))
                    .isEqualTo("2025-06-08T15:21:09+07:00");
        }

        @Test
        void iso_times_are_written_exactly_as_the_iso_offset_formatter_writes_them() {
            // iso() writes the usual years by hand; any instant, old offsets and far years included, reads the same.
            java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
            java.util.Random random = new java.util.Random(15);
            java.util.List<Instant> instants = new java.util.ArrayList<>(java.util.List.of(Instant.EPOCH,
                    Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("1975-06-12T16:00:00Z"),
                    Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                    Instant.parse("-0001-06-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z")));
            for (int i = 0; i < 2000; i++) {
                instants.add(Instant.ofEpochSecond(random.nextLong() % 8_000_000_000L, random.nextInt(1_000_000_000)));
            }
            for (Instant instant : instants) {
                assertThat(VietnamTime.iso(instant)).as("%s", instant)
                        .isEqualTo(formatter.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .atZone(VietnamTime.ZONE)));
            }
        }

        @Test
        void date_and_time_are_written_as_people_read_them() {
            assertThat(VietnamTime.dateTime(Instant.parse("2025-06-08T08:21:09Z"))).isEqualTo("15:21:09 ngày 8/6/2025");
        }

        @Test
        void the_day_starts_at_midnight_vietnam_time_which_is_17_00_utc_the_day_before() {
            assertThat(VietnamTime.startOf(LocalDate.of(2025, 6, 10))).isEqualTo(Instant.parse("2025-06-09T17:00:00Z"));
        }

        @Test
        void the_date_of_an_instant_is_the_date_in_vietnam() {
            assertThat(VietnamTime.dateOf(Instant.parse("2025-06-09T16:59:59Z"))).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(VietnamTime.dateOf(Instant.parse("2025-06-09T17:00:00Z"))).isEqualTo(LocalDate.of(2025, 6, 10));
        }

        @Test
        void the_zone_is_ho_chi_minh_city() {
            assertThat(VietnamTime.ZONE.getId()).isEqualTo("Asia/Ho_Chi_Minh");
        }
    }
}
