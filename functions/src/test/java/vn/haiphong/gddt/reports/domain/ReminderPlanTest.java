package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

/**
 * Reminder plans worked out by hand on the 2025 calendar. Every expected day is written out; the
 * weekday is in the comment next to it.
 */
@DisplayName("The reminder plan of a unit")
class ReminderPlanTest {
    private static final WorkingDays DAYS = WorkingDays.vietnam();
    private static final ReminderSchedule DEFAULTS = ReminderSchedule.defaults();

    private static ReminderStage stage(String id, int year, int month, int day, int daysToDeadline) {
        return new ReminderStage(id, LocalDate.of(year, month, day), daysToDeadline >= 0, daysToDeadline);
    }

    /** QCDC 6 tháng 2025, named day Tuesday 10/6/2025, opening 30 days before the deadline, no lock. */
    private static Obligation qcdcH1(DeadlineRule rule) {
        return Fixtures.obligation(rule, "QCDC:2025-H1");
    }

    private static Obligation withSettings(String id, DeadlineRule rule, Duration openBefore, Optional<Duration> lockAfter) {
        return CatalogFile.bundled(new CatalogSettings(rule, Duration.ZERO, openBefore, lockAfter)).find(id).orElseThrow();
    }

    /** An obligation on any named day, built like the catalog does but written out with wall-clock instants. */
    private static Obligation namedOn(LocalDate namedDay, DeadlineRule rule) {
        LocalDate dueDay = rule == DeadlineRule.BEFORE_NAMED_DAY ? namedDay : namedDay.plusDays(1);
        Instant due = vn(dueDay.getYear(), dueDay.getMonthValue(), dueDay.getDayOfMonth(), 0, 0, 0);
        return new Obligation(Fixtures.QCDC, new Period(namedDay.getYear(), PeriodKind.H1), namedDay,
                rule.wording(namedDay), due.minus(Duration.ofDays(30)), due, Optional.empty());
    }

    private static List<ReminderStage> plan(Obligation o) {
        return ReminderPlan.stages(o, o.due(), DEFAULTS, DAYS);
    }

    @Nested
    @DisplayName("QCDC:2025-H1, \"trước ngày 10/6/2025\" (BEFORE_NAMED_DAY), default settings")
    class BeforeNamedDay {
        private final Obligation o = qcdcH1(DeadlineRule.BEFORE_NAMED_DAY);

        @Test
        void the_deadline_day_is_the_named_day_and_the_last_on_time_day_is_the_day_before() {
            assertThat(ReminderPlan.deadlineDay(o, o.due())).isEqualTo(LocalDate.of(2025, 6, 10));
            assertThat(ReminderPlan.lastOnTimeDay(o.due())).isEqualTo(LocalDate.of(2025, 6, 9));
        }

        @Test
        void opens_monday_12_5_reminds_before_without_a_D0_then_weekly_for_at_most_91_days() {
            assertThat(plan(o)).containsExactly(
                    stage("OPEN", 2025, 5, 12, 28),   // opens Sunday 11/5 00:00 -> Monday 12/5
                    stage("D-7", 2025, 6, 3, 6),      // Tuesday
                    stage("D-3", 2025, 6, 6, 3),      // 7/6 is a Saturday -> Friday 6/6
                    stage("D-1", 2025, 6, 9, 0),      // Monday 9/6, the last on-time day
                    stage("D+1", 2025, 6, 11, -2),    // Wednesday; no D0: nothing is on time on 10/6
                    stage("D+8", 2025, 6, 18, -9),
                    stage("D+15", 2025, 6, 25, -16),
                    stage("D+22", 2025, 7, 2, -23),
                    stage("D+29", 2025, 7, 9, -30),
                    stage("D+36", 2025, 7, 16, -37),
                    stage("D+43", 2025, 7, 23, -44),
                    stage("D+50", 2025, 7, 30, -51),
                    stage("D+57", 2025, 8, 6, -58),
                    stage("D+64", 2025, 8, 13, -65),
                    stage("D+71", 2025, 8, 20, -72),
                    stage("D+78", 2025, 8, 27, -79),
                    stage("D+85", 2025, 9, 3, -86));  // D+92 would pass the 91 days
        }

        @Test
        void a_lock_14_days_after_the_deadline_stops_the_repeats_before_it() {
            Obligation locked = withSettings("QCDC:2025-H1", DeadlineRule.BEFORE_NAMED_DAY, Duration.ofDays(30),
                    Optional.of(Duration.ofDays(14)));
            assertThat(locked.locksAt()).contains(vn(2025, 6, 24, 0, 0, 0));

            assertThat(plan(locked)).extracting(ReminderStage::id)
                    .containsExactly("OPEN", "D-7", "D-3", "D-1", "D+1", "D+8"); // D+15 = 25/6, after the lock
        }

        @Test
        void an_extension_until_20_6_moves_every_stage_and_the_holiday_2_9_on_the_way() {
            Instant until = Instant.parse("2025-06-20T00:00:00+07:00");

            assertThat(ReminderPlan.stages(o, until, DEFAULTS, DAYS)).containsExactly(
                    stage("OPEN", 2025, 5, 12, 38),   // opening does not move
                    stage("D-7", 2025, 6, 13, 6),     // Friday
                    stage("D-3", 2025, 6, 17, 2),     // Tuesday
                    stage("D-1", 2025, 6, 19, 0),     // Thursday, the unit's last on-time day
                    stage("D+1", 2025, 6, 23, -4),    // Saturday 21/6 -> Monday 23/6
                    stage("D+8", 2025, 6, 30, -11),   // Saturday 28/6 -> Monday
                    stage("D+15", 2025, 7, 7, -18),
                    stage("D+22", 2025, 7, 14, -25),
                    stage("D+29", 2025, 7, 21, -32),
                    stage("D+36", 2025, 7, 28, -39),
                    stage("D+43", 2025, 8, 4, -46),
                    stage("D+50", 2025, 8, 11, -53),
                    stage("D+57", 2025, 8, 18, -60),
                    stage("D+64", 2025, 8, 25, -67),
                    stage("D+71", 2025, 9, 3, -76),   // Saturday 30/8 -> past 1/9 and 2/9 -> Wednesday 3/9
                    stage("D+78", 2025, 9, 8, -81),
                    stage("D+85", 2025, 9, 15, -88));
        }

        @Test
        void an_extension_past_the_lock_keeps_the_reminders_before_it_and_ends_at_the_units_own_deadline() {
            Obligation locked = withSettings("QCDC:2025-H1", DeadlineRule.BEFORE_NAMED_DAY, Duration.ofDays(30),
                    Optional.of(Duration.ofDays(14)));
            Instant until = vn(2025, 7, 1, 0, 0, 0); // after the lock of 24/6

            assertThat(ReminderPlan.stages(locked, until, DEFAULTS, DAYS)).containsExactly(
                    stage("OPEN", 2025, 5, 12, 49),
                    stage("D-7", 2025, 6, 24, 6),     // Tuesday
                    stage("D-3", 2025, 6, 27, 3),     // Saturday 28/6 -> Friday 27/6
                    stage("D-1", 2025, 6, 30, 0));    // Monday; uploads close with the deadline
        }

        @Test
        void opening_on_the_day_of_D_minus_7_keeps_only_D_minus_7() {
            Obligation late = withSettings("QCDC:2025-H1", DeadlineRule.BEFORE_NAMED_DAY, Duration.ofDays(7),
                    Optional.empty());

            assertThat(plan(late)).extracting(ReminderStage::id).startsWith("D-7", "D-3", "D-1", "D+1");
            assertThat(plan(late).get(0)).isEqualTo(stage("D-7", 2025, 6, 3, 6));
        }

        @Test
        void no_stage_is_sent_before_the_obligation_opens() {
            // Opens Sunday 8/6 00:00, so OPEN's day is Monday 9/6: D-7 and D-3 would be earlier.
            Obligation late = withSettings("QCDC:2025-H1", DeadlineRule.BEFORE_NAMED_DAY, Duration.ofDays(2),
                    Optional.empty());

            assertThat(plan(late)).extracting(ReminderStage::id).startsWith("D-1", "D+1");
            assertThat(plan(late).get(0)).isEqualTo(stage("D-1", 2025, 6, 9, 0));
        }
    }

    @Nested
    @DisplayName("QCDC:2025-H1, \"đến hết ngày 10/6/2025\" (END_OF_NAMED_DAY)")
    class EndOfNamedDay {
        private final Obligation o = qcdcH1(DeadlineRule.END_OF_NAMED_DAY);

        @Test
        void the_deadline_day_is_the_named_day_and_also_the_last_on_time_day() {
            assertThat(ReminderPlan.deadlineDay(o, o.due())).isEqualTo(LocalDate.of(2025, 6, 10));
            assertThat(ReminderPlan.lastOnTimeDay(o.due())).isEqualTo(LocalDate.of(2025, 6, 10));
        }

        @Test
        void there_is_a_D0_on_tuesday_10_6() {
            List<ReminderStage> plan = plan(o);

            assertThat(plan.subList(0, 7)).containsExactly(
                    stage("OPEN", 2025, 5, 12, 29),
                    stage("D-7", 2025, 6, 3, 7),
                    stage("D-3", 2025, 6, 6, 4),
                    stage("D-1", 2025, 6, 9, 1),
                    stage("D0", 2025, 6, 10, 0),
                    stage("D+1", 2025, 6, 11, -1),
                    stage("D+8", 2025, 6, 18, -8));
            assertThat(plan.get(plan.size() - 1)).isEqualTo(stage("D+85", 2025, 9, 3, -85));
        }

        @Test
        void a_D0_on_the_holiday_2_9_moves_back_to_friday_29_8_and_outranks_D_minus_1_and_D_minus_3() {
            Obligation o = namedOn(LocalDate.of(2025, 9, 2), DeadlineRule.END_OF_NAMED_DAY);

            assertThat(plan(o).subList(0, 4)).containsExactly(
                    stage("OPEN", 2025, 8, 4, 29),    // opens Monday 4/8
                    stage("D-7", 2025, 8, 26, 7),     // Tuesday
                    stage("D0", 2025, 8, 29, 4),      // 30/8 Sat, 1/9 and 2/9 off: all three -> Friday 29/8
                    stage("D+1", 2025, 9, 3, -1));    // Wednesday
        }
    }

    @Nested
    @DisplayName("stages that fall on the 2025 National Day holidays")
    class NationalDay2025 {

        @Test
        void a_D_plus_1_on_tuesday_2_9_moves_on_to_wednesday_3_9_and_D_minus_1_and_D_minus_3_share_friday_29_8() {
            // Named day Monday 1/9 (itself a day off): D-1 = Sunday 31/8, D-3 = Friday 29/8, D+1 = 2/9.
            Obligation o = namedOn(LocalDate.of(2025, 9, 1), DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(plan(o).subList(0, 5)).containsExactly(
                    stage("OPEN", 2025, 8, 4, 27),    // opens Saturday 2/8 -> Monday 4/8
                    stage("D-7", 2025, 8, 25, 6),     // Monday
                    stage("D-1", 2025, 8, 29, 2),     // the later of D-3 and D-1 on Friday 29/8
                    stage("D+1", 2025, 9, 3, -3),
                    stage("D+8", 2025, 9, 9, -9));
        }

        @Test
        void a_D_minus_1_on_tuesday_2_9_moves_back_to_friday_29_8() {
            Obligation o = namedOn(LocalDate.of(2025, 9, 3), DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(plan(o).subList(0, 4)).containsExactly(
                    stage("OPEN", 2025, 8, 4, 29),
                    stage("D-7", 2025, 8, 27, 6),     // Wednesday
                    stage("D-1", 2025, 8, 29, 4),     // D-3 = Sunday 31/8 also lands on 29/8: D-1 wins
                    stage("D+1", 2025, 9, 4, -2));    // Thursday
        }
    }

    @Nested
    @DisplayName("the lock")
    class Lock {

        @Test
        void an_overdue_stage_that_the_weekend_pushes_onto_the_lock_day_is_dropped() {
            // QCDC năm 2025: due Friday 5/12 00:00, locked Sunday 7/12 00:00. D+1 = Saturday 6/12 is before the
            // lock, but it would go out on Monday 8/12, when nothing is accepted any more.
            Obligation o = withSettings("QCDC:2025-Y", DeadlineRule.BEFORE_NAMED_DAY, Duration.ofDays(30),
                    Optional.of(Duration.ofDays(2)));

            assertThat(plan(o)).containsExactly(
                    stage("OPEN", 2025, 11, 5, 29),   // Wednesday
                    stage("D-7", 2025, 11, 28, 6),    // Friday
                    stage("D-3", 2025, 12, 2, 2),     // Tuesday
                    stage("D-1", 2025, 12, 4, 0));    // Thursday
        }
    }

    @Nested
    @DisplayName("schedules configured per report")
    class Schedules {
        private final Obligation o = qcdcH1(DeadlineRule.BEFORE_NAMED_DAY);

        @Test
        void only_two_days_before_and_three_after() {
            assertThat(ReminderPlan.stages(o, o.due(), ReminderSchedule.parse("-2,+3"), DAYS)).containsExactly(
                    stage("D-2", 2025, 6, 6, 3),      // Sunday 8/6 -> Friday 6/6
                    stage("D+3", 2025, 6, 13, -4));   // Friday
        }

        @Test
        void weekly_repeats_stop_at_the_configured_maximum() {
            assertThat(ReminderPlan.stages(o, o.due(), ReminderSchedule.parse("open,+1,every7,max30"), DAYS))
                    .extracting(ReminderStage::id)
                    .containsExactly("OPEN", "D+1", "D+8", "D+15", "D+22", "D+29");
        }

        @Test
        void repeats_without_a_plus_k_count_from_the_deadline_day() {
            assertThat(ReminderPlan.stages(o, o.due(), ReminderSchedule.parse("every30"), DAYS)).containsExactly(
                    stage("D+30", 2025, 7, 10, -31),  // Thursday
                    stage("D+60", 2025, 8, 11, -63),  // Saturday 9/8 -> Monday 11/8
                    stage("D+90", 2025, 9, 8, -91));  // Monday
        }

        @Test
        void none_plans_nothing() {
            assertThat(ReminderPlan.stages(o, o.due(), ReminderSchedule.none(), DAYS)).isEmpty();
            assertThat(ReminderPlan.dueOn(List.of(), LocalDate.of(2025, 6, 11))).isEmpty();
        }
    }

    @Nested
    @DisplayName("dueOn(today)")
    class DueOn {
        private final List<ReminderStage> plan = plan(qcdcH1(DeadlineRule.BEFORE_NAMED_DAY));

        private Optional<String> dueOn(int month, int day) {
            return ReminderPlan.dueOn(plan, LocalDate.of(2025, month, day)).map(ReminderStage::id);
        }

        @Test
        void nothing_is_due_before_OPENs_day() {
            assertThat(dueOn(5, 10)).isEmpty();
            assertThat(dueOn(5, 11)).isEmpty();
        }

        @Test
        void each_stage_is_due_on_its_own_day() {
            assertThat(dueOn(5, 12)).contains("OPEN");
            assertThat(dueOn(6, 3)).contains("D-7");
            assertThat(dueOn(6, 6)).contains("D-3");
            assertThat(dueOn(6, 9)).contains("D-1");
            assertThat(dueOn(6, 11)).contains("D+1");
        }

        @Test
        void a_run_that_missed_days_sends_the_latest_past_stage_never_an_older_one() {
            assertThat(dueOn(6, 2)).contains("OPEN");
            assertThat(dueOn(6, 7)).contains("D-3");   // Saturday: D-3 went out on Friday
            assertThat(dueOn(6, 10)).contains("D-1");  // the deadline day itself has no stage
            assertThat(dueOn(6, 17)).contains("D+1");  // a week of missed runs: D-7, D-3 are superseded
            assertThat(dueOn(12, 31)).contains("D+85");
        }
    }

    @Nested
    @DisplayName("digest days of a receiving department")
    class Digest {

        @Test
        void every_default_stage_day_plus_the_deadline_day() {
            Obligation o = qcdcH1(DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(ReminderPlan.digestDays(o, DEFAULTS, DAYS)).startsWith(
                    LocalDate.of(2025, 5, 12), LocalDate.of(2025, 6, 3), LocalDate.of(2025, 6, 6),
                    LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11),
                    LocalDate.of(2025, 6, 18)).endsWith(LocalDate.of(2025, 9, 3)).hasSize(18);
        }

        @Test
        void a_deadline_day_off_gives_the_digest_on_the_next_working_day_once() {
            // Named day Saturday 7/6/2025: D+1 (Sunday 8/6) and D both go out on Monday 9/6.
            Obligation o = namedOn(LocalDate.of(2025, 6, 7), DeadlineRule.BEFORE_NAMED_DAY);

            assertThat(ReminderPlan.digestDays(o, DEFAULTS, DAYS))
                    .contains(LocalDate.of(2025, 6, 9))
                    .doesNotContain(LocalDate.of(2025, 6, 7), LocalDate.of(2025, 6, 8))
                    .doesNotHaveDuplicates()
                    .isSorted();
        }

        @Test
        void the_digest_ignores_extensions_and_follows_the_obligations_own_deadline() {
            Obligation o = qcdcH1(DeadlineRule.END_OF_NAMED_DAY);

            assertThat(ReminderPlan.digestDays(o, DEFAULTS, DAYS))
                    .isEqualTo(plan(o).stream().map(ReminderStage::sendOn).toList());
        }
    }
}
