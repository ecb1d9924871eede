package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.accepted;
import static vn.haiphong.gddt.reports.domain.Fixtures.refused;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Where a unit stands with an obligation (ObligationState.of)")
class ObligationStateTest {
    private static final String ID = "QCDC:2025-H1";
    /** Defaults: due 00:00 10/6/2025 Vietnam time, opens 30 days earlier, no lock. */
    private final Obligation o = Fixtures.obligation(DeadlineRule.BEFORE_NAMED_DAY, ID);
    private final Instant due = o.due();
    private final Instant opens = o.opensAt();
    private final Instant afterDue = due.plus(Duration.ofDays(5));

    private ObligationState stateOf(List<Submission> submissions, Instant asOf) {
        return ObligationState.of(o, Fixtures.unitOf(UnitCategory.THPT), submissions, asOf);
    }

    @Test
    void the_fixture_obligation_is_due_at_midnight_on_10_june_and_opens_30_days_earlier() {
        assertThat(due).isEqualTo(Instant.parse("2025-06-09T17:00:00Z"));
        assertThat(opens).isEqualTo(Instant.parse("2025-05-10T17:00:00Z"));
    }

    @Test
    void a_category_that_does_not_owe_the_report_is_exempt_even_with_submissions() {
        List<Submission> subs = List.of(accepted(ID, due.minusSeconds(60)));

        assertThat(ObligationState.of(o, Fixtures.unitOf(UnitCategory.PHONG_SO), subs, afterDue)).isEqualTo(ObligationState.EXEMPT);
        assertThat(ObligationState.of(o, Fixtures.unitOf(UnitCategory.PHONG_SO), List.of(), afterDue)).isEqualTo(ObligationState.EXEMPT);
        assertThat(ObligationState.of(o, Fixtures.unitOf(UnitCategory.PHONG_SO), List.of(), opens.minusSeconds(1)))
                .isEqualTo(ObligationState.EXEMPT);
    }

    @ParameterizedTest(name = "{0} is not exempt")
    @EnumSource(value = UnitCategory.class, names = "PHONG_SO", mode = EnumSource.Mode.EXCLUDE)
    void an_education_unit_with_nothing_sent_is_missing_after_the_deadline(UnitCategory category) {
        assertThat(ObligationState.of(o, Fixtures.unitOf(category), List.of(), afterDue)).isEqualTo(ObligationState.MISSING);
    }

    @Test
    void before_the_period_opens_it_is_not_open() {
        assertThat(stateOf(List.of(), opens.minusNanos(1))).isEqualTo(ObligationState.NOT_OPEN);
        assertThat(stateOf(List.of(), Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo(ObligationState.NOT_OPEN);
    }

    @Test
    void from_the_opening_instant_until_the_deadline_it_is_open() {
        assertThat(stateOf(List.of(), opens)).isEqualTo(ObligationState.OPEN);
        assertThat(stateOf(List.of(), due.minusNanos(1))).isEqualTo(ObligationState.OPEN);
    }

    @Test
    void at_the_deadline_with_nothing_sent_it_is_missing() {
        assertThat(stateOf(List.of(), due)).isEqualTo(ObligationState.MISSING);
    }

    @Test
    void long_after_the_deadline_with_nothing_sent_it_is_still_missing() {
        assertThat(stateOf(List.of(), due.plus(Duration.ofDays(400)))).isEqualTo(ObligationState.MISSING);
    }

    @Test
    void a_first_accepted_file_before_the_deadline_is_on_time_even_if_a_later_one_is_late() {
        // GIVEN a file on 8/6 and a corrected one on 12/6, listed late-first
        List<Submission> subs = List.of(
                accepted(ID, Fixtures.vn(2025, 6, 12, 9, 0, 0)),
                accepted(ID, Fixtures.vn(2025, 6, 8, 15, 21, 9)));

        // THEN the first one decides
        assertThat(stateOf(subs, afterDue)).isEqualTo(ObligationState.ON_TIME);
    }

    @Test
    void an_accepted_file_before_the_deadline_makes_the_unit_on_time_before_the_deadline_too() {
        List<Submission> subs = List.of(accepted(ID, due.minus(Duration.ofDays(3))));

        assertThat(stateOf(subs, due.minus(Duration.ofDays(1)))).isEqualTo(ObligationState.ON_TIME);
    }

    @Test
    void a_first_accepted_file_at_or_after_the_deadline_is_late() {
        assertThat(stateOf(List.of(accepted(ID, due)), afterDue)).isEqualTo(ObligationState.LATE);
        assertThat(stateOf(List.of(accepted(ID, due.plusSeconds(1)), accepted(ID, due.plus(Duration.ofDays(2)))),
                afterDue)).isEqualTo(ObligationState.LATE);
    }

    @Test
    void a_refused_file_does_not_count_so_the_unit_is_missing() {
        List<Submission> subs = List.of(refused(ID, due.minus(Duration.ofDays(2)), "file-type-mismatch"));

        assertThat(stateOf(subs, afterDue)).isEqualTo(ObligationState.MISSING);
        assertThat(stateOf(subs, due.minus(Duration.ofDays(1)))).isEqualTo(ObligationState.OPEN);
    }

    @Test
    void a_refused_early_file_followed_by_an_accepted_late_one_is_late() {
        List<Submission> subs = List.of(
                refused(ID, due.minus(Duration.ofDays(2)), "file-type-mismatch"),
                accepted(ID, due.plus(Duration.ofHours(3))));

        assertThat(stateOf(subs, afterDue)).isEqualTo(ObligationState.LATE);
    }

    @Test
    void files_that_arrived_after_as_of_do_not_count() {
        // GIVEN a file that arrived a day after the deadline
        List<Submission> subs = List.of(accepted(ID, due.plus(Duration.ofDays(1))));

        // WHEN asked how things stood an hour after the deadline, and an hour before it
        // THEN that file did not exist yet
        assertThat(stateOf(subs, due.plus(Duration.ofHours(1)))).isEqualTo(ObligationState.MISSING);
        assertThat(stateOf(subs, due.minus(Duration.ofHours(1)))).isEqualTo(ObligationState.OPEN);
        assertThat(stateOf(subs, opens.minusSeconds(1))).isEqualTo(ObligationState.NOT_OPEN);
        assertThat(stateOf(subs, afterDue)).isEqualTo(ObligationState.LATE);
    }

    @Test
    void an_on_time_file_is_not_seen_before_it_arrived() {
        Instant arrival = due.minus(Duration.ofDays(2));
        List<Submission> subs = List.of(accepted(ID, arrival));

        assertThat(stateOf(subs, arrival.minusNanos(1))).isEqualTo(ObligationState.OPEN);
        assertThat(stateOf(subs, arrival)).isEqualTo(ObligationState.ON_TIME);
    }

    @Test
    void as_of_a_past_instant_a_later_on_time_file_is_ignored_but_the_state_changes_once_it_arrives() {
        // an on-time file on 9/6 and nothing else; asked on 1/6 the unit was simply open
        List<Submission> subs = List.of(accepted(ID, Fixtures.vn(2025, 6, 9, 22, 0, 0)));

        assertThat(stateOf(subs, Fixtures.vn(2025, 6, 1, 8, 0, 0))).isEqualTo(ObligationState.OPEN);
        assertThat(stateOf(subs, Fixtures.vn(2025, 6, 9, 23, 0, 0))).isEqualTo(ObligationState.ON_TIME);
    }
}
