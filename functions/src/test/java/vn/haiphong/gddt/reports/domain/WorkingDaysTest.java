package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Working days of public employees, from ngay-nghi-le.csv")
class WorkingDaysTest {
    private static final WorkingDays VN = WorkingDays.vietnam();

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    static Stream<Arguments> days_off_2025() {
        return Stream.of(
                Arguments.of(d(2025, 1, 1), "Tết Dương lịch"),
                Arguments.of(d(2025, 1, 27), "Tết Nguyên đán"),
                Arguments.of(d(2025, 1, 28), "Tết Nguyên đán"),
                Arguments.of(d(2025, 1, 29), "mùng 1 Tết"),
                Arguments.of(d(2025, 1, 30), "Tết Nguyên đán"),
                Arguments.of(d(2025, 1, 31), "Tết Nguyên đán"),
                Arguments.of(d(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
                Arguments.of(d(2025, 4, 30), "Ngày Chiến thắng"),
                Arguments.of(d(2025, 5, 1), "Quốc tế Lao động"),
                Arguments.of(d(2025, 5, 2), "hoán đổi"),
                Arguments.of(d(2025, 9, 1), "Quốc khánh"),
                Arguments.of(d(2025, 9, 2), "Quốc khánh"));
    }

    static Stream<Arguments> bad_rows() {
        return Stream.of(
                Arguments.of("2025-13-01,HOLIDAY,Tháng 13", "'2025-13-01' is not a date"),
                Arguments.of("2025-02-30,HOLIDAY,Ngày 30/2", "'2025-02-30' is not a date"),
                Arguments.of("1/9/2025,HOLIDAY,Quốc khánh", "'1/9/2025' is not a date"),
                Arguments.of("2025-9-1,HOLIDAY,Quốc khánh", "is not a date"),
                Arguments.of("2025-09-01,holiday,Quốc khánh", "unknown kind 'holiday'"),
                Arguments.of("2025-09-01,NGHI,Quốc khánh", "unknown kind 'NGHI'"),
                Arguments.of("2025-09-01,HOLIDAY,", "the name is blank"),
                Arguments.of("2025-09-01,HOLIDAY", "expected 3 fields"),
                Arguments.of("2025-04-30,HOLIDAY,Giải phóng miền Nam, thống nhất", "must not contain commas"),
                Arguments.of("2025-04-30,HOLIDAY,\"Giải phóng\"", "double quotes"),
                Arguments.of("2025-05-02,WORKING,Làm bù", "only for a make-up Saturday or Sunday"),
                Arguments.of("2025-01-01,HOLIDAY,Lần hai", "2025-01-01 is listed twice"));
    }

    @Nested
    @DisplayName("an ordinary week")
    class OrdinaryWeek {

        @Test
        void monday_to_friday_are_working_days_and_saturday_and_sunday_are_not() {
            // 10/3/2025 is a Monday; no holiday that week.
            for (int i = 0; i < 7; i++) {
                LocalDate day = d(2025, 3, 10).plusDays(i);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(VN.isWorkingDay(day)).as(day + " " + day.getDayOfWeek()).isEqualTo(!weekend);
                assertThat(VN.holidayName(day)).isEmpty();
            }
        }

        @Test
        void a_working_day_is_its_own_previous_and_next_working_day() {
            assertThat(VN.onOrBefore(d(2025, 3, 12))).isEqualTo(d(2025, 3, 12));
            assertThat(VN.onOrAfter(d(2025, 3, 12))).isEqualTo(d(2025, 3, 12));
        }

        @Test
        void a_weekend_day_moves_back_to_friday_or_on_to_monday() {
            assertThat(VN.onOrBefore(d(2025, 3, 15))).isEqualTo(d(2025, 3, 14));
            assertThat(VN.onOrBefore(d(2025, 3, 16))).isEqualTo(d(2025, 3, 14));
            assertThat(VN.onOrAfter(d(2025, 3, 15))).isEqualTo(d(2025, 3, 17));
            assertThat(VN.onOrAfter(d(2025, 3, 16))).isEqualTo(d(2025, 3, 17));
        }

        @Test
        void a_year_the_file_does_not_cover_falls_back_to_plain_weekends() {
            assertThat(VN.isWorkingDay(d(2031, 6, 10))).isTrue(); // a Tuesday
            assertThat(VN.isWorkingDay(d(2031, 6, 14))).isFalse(); // a Saturday
        }
    }

    @Nested
    @DisplayName("2025, as announced for public employees")
    class Year2025 {

        @ParameterizedTest(name = "{0} is a weekday off named \"…{1}…\"")
        @MethodSource("vn.haiphong.gddt.reports.domain.WorkingDaysTest#days_off_2025")
        void each_holiday_falling_on_a_weekday_is_not_a_working_day_and_has_its_name(LocalDate day, String name) {
            assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(VN.isWorkingDay(day)).isFalse();
            assertThat(VN.holidayName(day)).hasValueSatisfying(n -> assertThat(n).contains(name));
        }

        @Test
        void tet_at_ty_is_nine_days_off_from_saturday_25_1_to_sunday_2_2() {
            for (LocalDate day = d(2025, 1, 25); !day.isAfter(d(2025, 2, 2)); day = day.plusDays(1)) {
                assertThat(VN.isWorkingDay(day)).as(day.toString()).isFalse();
                assertThat(VN.holidayName(day)).as(day.toString()).isPresent();
            }
            assertThat(VN.isWorkingDay(d(2025, 1, 24))).isTrue();
            assertThat(VN.isWorkingDay(d(2025, 2, 3))).isTrue();
            assertThat(VN.onOrBefore(d(2025, 1, 29))).isEqualTo(d(2025, 1, 24));
            assertThat(VN.onOrAfter(d(2025, 1, 29))).isEqualTo(d(2025, 2, 3));
        }

        @Test
        void saturday_26_4_2025_is_the_make_up_working_day_for_friday_2_5() {
            assertThat(d(2025, 4, 26).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(VN.isWorkingDay(d(2025, 4, 26))).isTrue();
            assertThat(VN.holidayName(d(2025, 4, 26))).isEmpty();
            assertThat(VN.onOrBefore(d(2025, 4, 27))).isEqualTo(d(2025, 4, 26));
            assertThat(VN.onOrAfter(d(2025, 4, 26))).isEqualTo(d(2025, 4, 26));
        }

        @Test
        void the_30_4_break_runs_from_wednesday_to_sunday_4_5() {
            assertThat(VN.onOrAfter(d(2025, 4, 30))).isEqualTo(d(2025, 5, 5));
            assertThat(VN.onOrBefore(d(2025, 5, 4))).isEqualTo(d(2025, 4, 29));
        }

        @Test
        void national_day_tuesday_2_9_2025_moves_back_to_friday_29_8_or_on_to_wednesday_3_9() {
            assertThat(d(2025, 9, 2).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(VN.isWorkingDay(d(2025, 9, 2))).isFalse();
            assertThat(VN.onOrBefore(d(2025, 9, 2))).isEqualTo(d(2025, 8, 29));
            assertThat(VN.onOrAfter(d(2025, 9, 2))).isEqualTo(d(2025, 9, 3));
        }
    }

    @Nested
    @DisplayName("2026")
    class Year2026 {

        @Test
        void new_year_is_four_days_off_with_friday_2_1_made_up_on_saturday_10_1() {
            assertThat(VN.isWorkingDay(d(2026, 1, 1))).isFalse();
            assertThat(VN.isWorkingDay(d(2026, 1, 2))).isFalse();
            assertThat(VN.onOrAfter(d(2026, 1, 1))).isEqualTo(d(2026, 1, 5));
            assertThat(VN.isWorkingDay(d(2026, 1, 10))).isTrue();
        }

        @Test
        void tet_binh_ngo_is_nine_days_off_from_saturday_14_2_to_sunday_22_2() {
            for (LocalDate day = d(2026, 2, 14); !day.isAfter(d(2026, 2, 22)); day = day.plusDays(1)) {
                assertThat(VN.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(VN.onOrBefore(d(2026, 2, 17))).isEqualTo(d(2026, 2, 13));
            assertThat(VN.onOrAfter(d(2026, 2, 17))).isEqualTo(d(2026, 2, 23));
        }

        @Test
        void hung_kings_day_on_sunday_26_4_is_compensated_on_monday_27_4() {
            assertThat(VN.holidayName(d(2026, 4, 26))).hasValueSatisfying(n -> assertThat(n).contains("Giỗ Tổ"));
            assertThat(VN.isWorkingDay(d(2026, 4, 27))).isFalse();
            assertThat(VN.onOrAfter(d(2026, 4, 25))).isEqualTo(d(2026, 4, 28));
        }

        @Test
        void thirty_april_and_first_may_are_thursday_and_friday() {
            assertThat(VN.isWorkingDay(d(2026, 4, 30))).isFalse();
            assertThat(VN.isWorkingDay(d(2026, 5, 1))).isFalse();
            assertThat(VN.onOrAfter(d(2026, 4, 30))).isEqualTo(d(2026, 5, 4));
        }

        @Test
        void national_day_wednesday_2_9_has_its_extra_day() {
            assertThat(VN.isWorkingDay(d(2026, 9, 1))).isFalse();
            assertThat(VN.isWorkingDay(d(2026, 9, 2))).isFalse();
            assertThat(VN.onOrAfter(d(2026, 9, 2))).isEqualTo(d(2026, 9, 3));
        }
    }

    @Test
    void the_official_calendar_is_loaded_once() {
        assertThat(WorkingDays.vietnam()).isSameAs(WorkingDays.vietnam());
    }

    @Nested
    @DisplayName("parse(csv)")
    class Parse {
        private static final String HEADER = "date,kind,name\n";

        @Test
        void reads_holidays_and_make_up_days() {
            WorkingDays days = WorkingDays.parse(HEADER
                    + "2025-06-11,HOLIDAY,Ngày thử\n"
                    + "2025-06-14,WORKING,Làm bù\n");

            assertThat(days.isWorkingDay(d(2025, 6, 11))).isFalse();
            assertThat(days.holidayName(d(2025, 6, 11))).contains("Ngày thử");
            assertThat(days.isWorkingDay(d(2025, 6, 14))).isTrue();
            assertThat(days.holidayName(d(2025, 6, 14))).isEmpty();
        }

        @Test
        void accepts_crlf_a_byte_order_mark_blank_lines_and_spaces_around_fields() {
            WorkingDays days = WorkingDays.parse("\uFEFFdate,kind,name\r\n\r\n 2025-06-11 , HOLIDAY , Ngày thử \r\n");

            assertThat(days.holidayName(d(2025, 6, 11))).contains("Ngày thử");
        }

        @Test
        void a_holiday_on_a_weekend_keeps_its_name() {
            WorkingDays days = WorkingDays.parse(HEADER + "2026-04-26,HOLIDAY,Giỗ Tổ Hùng Vương\n");

            assertThat(days.holidayName(d(2026, 4, 26))).contains("Giỗ Tổ Hùng Vương");
            assertThat(days.isWorkingDay(d(2026, 4, 27))).isTrue();
        }

        @Test
        void names_are_stored_in_nfc() {
            String decomposed = java.text.Normalizer.normalize("Quốc khánh", java.text.Normalizer.Form.NFD);
            WorkingDays days = WorkingDays.parse(HEADER + "2025-09-02,HOLIDAY," + decomposed + "\n");

            assertThat(days.holidayName(d(2025, 9, 2))).contains("Quốc khánh");
        }

        @ParameterizedTest(name = "header \"{0}\" is refused on line 1")
        @ValueSource(strings = {"", "date,kind", "ngay,loai,ten", "2025-01-01,HOLIDAY,Tết Dương lịch"})
        void a_missing_or_wrong_header_is_refused_on_line_1(String header) {
            assertThatIllegalArgumentException().isThrownBy(() -> WorkingDays.parse(header + "\n"))
                    .withMessageStartingWith("line 1: ");
        }

        @ParameterizedTest(name = "\"{0}\" is refused on its line: {1}")
        @MethodSource("vn.haiphong.gddt.reports.domain.WorkingDaysTest#bad_rows")
        void a_bad_row_is_refused_naming_its_line(String row, String why) {
            String csv = HEADER + "2025-01-01,HOLIDAY,Tết Dương lịch\n\n" + row + "\n2025-01-02,HOLIDAY,Sau\n";

            assertThatIllegalArgumentException().isThrownBy(() -> WorkingDays.parse(csv))
                    .withMessageStartingWith("line 4: ")
                    .withMessageContaining(why);
        }

        @Test
        void an_empty_calendar_is_only_weekends() {
            WorkingDays days = WorkingDays.parse(HEADER);

            assertThat(days.isWorkingDay(d(2025, 9, 2))).isTrue();
            assertThat(days.isWorkingDay(d(2025, 9, 6))).isFalse();
        }
    }
}
