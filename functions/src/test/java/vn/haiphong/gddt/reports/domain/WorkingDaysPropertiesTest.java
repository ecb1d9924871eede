package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("Properties of the working-day calendar")
class WorkingDaysPropertiesTest {
    private static final WorkingDays VN = WorkingDays.vietnam();
    private static final LocalDate FROM = LocalDate.of(2024, 11, 1);
    private static final LocalDate TO = LocalDate.of(2027, 4, 30);

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(0, ChronoUnit.DAYS.between(FROM, TO)).map(FROM::plusDays);
    }

    @Property(tries = 2000)
    @Label("onOrBefore gives the last working day on or before the day")
    void on_or_before_is_the_closest_working_day_not_after_the_day(@ForAll("days") LocalDate day) {
        LocalDate before = VN.onOrBefore(day);

        assertThat(before).isBeforeOrEqualTo(day);
        assertThat(VN.isWorkingDay(before)).isTrue();
        for (LocalDate d = before.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            assertThat(VN.isWorkingDay(d)).as(d.toString()).isFalse();
        }
    }

    @Property(tries = 2000)
    @Label("onOrAfter gives the first working day on or after the day")
    void on_or_after_is_the_closest_working_day_not_before_the_day(@ForAll("days") LocalDate day) {
        LocalDate after = VN.onOrAfter(day);

        assertThat(after).isAfterOrEqualTo(day);
        assertThat(VN.isWorkingDay(after)).isTrue();
        for (LocalDate d = day; d.isBefore(after); d = d.plusDays(1)) {
            assertThat(VN.isWorkingDay(d)).as(d.toString()).isFalse();
        }
    }

    @Property(tries = 2000)
    @Label("a day is a working day exactly when both shifts leave it where it is")
    void a_working_day_is_a_fixed_point_of_both_shifts(@ForAll("days") LocalDate day) {
        assertThat(VN.onOrBefore(day).equals(day)).isEqualTo(VN.isWorkingDay(day));
        assertThat(VN.onOrAfter(day).equals(day)).isEqualTo(VN.isWorkingDay(day));
    }

    @Property(tries = 2000)
    @Label("a named holiday is never a working day, and a plain weekday always is")
    void holidays_are_off_and_other_weekdays_are_on(@ForAll("days") LocalDate day) {
        if (VN.holidayName(day).isPresent()) {
            assertThat(VN.isWorkingDay(day)).isFalse();
        } else if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            assertThat(VN.isWorkingDay(day)).isTrue();
        }
    }

    @Example
    @Label("the official file covers 2025 and 2026, in date order, with a name on every row")
    void the_official_file_is_sorted_and_covers_2025_and_2026() throws IOException {
        List<String> rows;
        try (InputStream in = WorkingDays.class.getResourceAsStream(WorkingDays.RESOURCE)) {
            assertThat(in).isNotNull();
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
        }
        List<LocalDate> dates = rows.stream().map(r -> LocalDate.parse(r.substring(0, 10))).toList();

        assertThat(dates).isSorted().doesNotHaveDuplicates();
        assertThat(dates).anyMatch(d -> d.getYear() == 2025).anyMatch(d -> d.getYear() == 2026);
        assertThat(dates).allMatch(d -> d.getYear() == 2025 || d.getYear() == 2026);
    }

    @Example
    @Label("public employees get 11 paid holidays in 2025; swaps move days without adding any")
    void net_days_off_on_weekdays_in_2025_are_the_eleven_of_the_labour_code() {
        int off = 0;
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !VN.isWorkingDay(d)) {
                off++;
            }
            if (weekend && VN.isWorkingDay(d)) {
                off--;
            }
        }
        assertThat(off).isEqualTo(11);
    }
}
