package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The reminder schedule of a report, configured as a spec")
class ReminderPlanScheduleTest {

    @Test
    void the_defaults_are_open_7_3_and_1_days_before_the_deadline_day_1_day_after_then_weekly_for_91_days() {
        ReminderSchedule d = ReminderSchedule.defaults();

        assertThat(d.onOpen()).isTrue();
        assertThat(d.daysBefore()).containsExactly(7, 3, 1);
        assertThat(d.onDeadlineDay()).isTrue();
        assertThat(d.daysAfter()).containsExactly(1);
        assertThat(d.repeatEvery()).isEqualTo(7);
        assertThat(d.maxOverdueDays()).isEqualTo(91);
        assertThat(d.spec()).isEqualTo("open,-7,-3,-1,0,+1,every7");
    }

    @Test
    void the_default_spec_reads_back_as_the_defaults() {
        assertThat(ReminderSchedule.parse("open,-7,-3,-1,0,+1,every7")).isEqualTo(ReminderSchedule.defaults());
    }

    @Test
    void order_and_spaces_do_not_matter() {
        assertThat(ReminderSchedule.parse(" +1 , every7,-1,0 ,open,-3,-7 ")).isEqualTo(ReminderSchedule.defaults());
    }

    @Test
    void max_sets_how_long_overdue_units_are_reminded_without_a_lock() {
        ReminderSchedule s = ReminderSchedule.parse("-1,+1,every14,max180");

        assertThat(s.maxOverdueDays()).isEqualTo(180);
        assertThat(s.repeatEvery()).isEqualTo(14);
        assertThat(s.onOpen()).isFalse();
        assertThat(s.onDeadlineDay()).isFalse();
        assertThat(s.spec()).isEqualTo("-1,+1,every14,max180");
    }

    @ParameterizedTest(name = "\"{0}\" reads back from its own spec")
    @ValueSource(strings = {"open", "0", "-1", "+1", "every7", "-30,-14,-7,+2,+9", "open,every1,max731", "none"})
    void a_spec_reads_back_to_the_same_schedule(String spec) {
        ReminderSchedule s = ReminderSchedule.parse(spec);

        assertThat(ReminderSchedule.parse(s.spec())).isEqualTo(s);
    }

    @Test
    void none_is_no_reminder_at_all() {
        assertThat(ReminderSchedule.parse("none")).isEqualTo(ReminderSchedule.none());
        assertThat(ReminderSchedule.none().spec()).isEqualTo("none");
    }

    @ParameterizedTest(name = "an empty spec is refused")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void an_empty_spec_is_refused(String spec) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReminderSchedule.parse(spec))
                .withMessageContaining("empty reminder schedule");
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "open,,-1        | empty item",
        "-0              | \"-0\" is not understood",
        "+0              | \"+0\" is not understood",
        "-07             | \"-07\" is not understood",
        "OPEN            | \"OPEN\" is not understood",
        "weekly          | \"weekly\" is not understood",
        "every0          | \"every0\" is not understood",
        "-1;+1           | \"-1;+1\" is not understood",
        "D-7             | \"D-7\" is not understood",
        "-3,-3           | \"-3\" appears twice",
        "every7,every3   | more than one everyN",
        "max30,max60     | more than one maxN",
        "-400            | more than 366 days",
        "max800          | more than 731 days",
        "max30           | has no stage",
        "none,open       | must stand alone",
    })
    void anything_else_is_refused_with_a_clear_message(String spec, String why) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReminderSchedule.parse(spec))
                .withMessageContaining(why);
    }

    @Test
    void the_record_refuses_impossible_values() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReminderSchedule(true, List.of(0), false, List.of(), 0, 91));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReminderSchedule(true, List.of(3, 3), false, List.of(), 0, 91));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReminderSchedule(true, List.of(), false, List.of(), -7, 91));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReminderSchedule(true, List.of(), false, List.of(), 7, 0));
    }

    @Test
    void days_are_kept_in_send_order_whatever_order_they_were_given_in() {
        ReminderSchedule s = new ReminderSchedule(false, List.of(1, 7, 3), false, List.of(9, 2), 0, 91);

        assertThat(s.daysBefore()).containsExactly(7, 3, 1);
        assertThat(s.daysAfter()).containsExactly(2, 9);
    }
}
