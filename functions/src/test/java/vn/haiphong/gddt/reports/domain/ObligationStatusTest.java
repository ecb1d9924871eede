package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.accepted;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.extension;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.refused;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.revoked;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.rowOf;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.school;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.unit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Where every unit stands with QCDC 6 tháng 2025 (ObligationStatus)")
class ObligationStatusTest {
    private static final Obligation O = StatusFixtures.qcdcH1();
    /** 00:00 on 10/6/2025 in Hải Phòng. */
    private static final Instant DUE = vn(2025, 6, 10, 0, 0, 0);
    /** 00:00 on 11/5/2025 in Hải Phòng: thirty days before the deadline. */
    private static final Instant OPENS = vn(2025, 5, 11, 0, 0, 0);
    private static final Instant LONG_AFTER = vn(2025, 7, 1, 8, 0, 0);

    private static final Unit TRAN_PHU = school("thpt-tran-phu");

    private static UnitStatus rowAt(Unit unit, List<Submission> submissions, List<Extension> extensions,
                                    Instant asOf) {
        ObligationStatus status = ObligationStatus.of(O, List.of(unit), submissions, extensions, asOf);
        assertThat(status.units()).hasSize(1);
        UnitStatus viaList = status.units().get(0);
        // the row the unit sees on its own page is the row the Office sees
        assertThat(ObligationStatus.row(O, unit, submissions, extensions, asOf)).isEqualTo(viaList);
        return viaList;
    }

    private static UnitStatus rowAt(List<Submission> submissions, List<Extension> extensions, Instant asOf) {
        return rowAt(TRAN_PHU, submissions, extensions, asOf);
    }

    private static ObligationState stateAt(List<Submission> submissions, List<Extension> extensions, Instant asOf) {
        return rowAt(submissions, extensions, asOf).state();
    }

    @Test
    void the_fixture_obligation_is_due_at_midnight_starting_10_june_vietnam_time_and_opens_on_11_may() {
        assertThat(O.due()).isEqualTo(DUE).isEqualTo(Instant.parse("2025-06-09T17:00:00Z"));
        assertThat(O.opensAt()).isEqualTo(OPENS);
        assertThat(O.namedDay()).isEqualTo(StatusFixtures.NAMED_DAY);
    }

    @Nested
    @DisplayName("every state")
    class EveryState {
        @Test
        void before_the_period_opens_a_unit_with_nothing_sent_is_not_open() {
            assertThat(stateAt(List.of(), List.of(), OPENS.minusNanos(1))).isEqualTo(ObligationState.NOT_OPEN);
            assertThat(stateAt(List.of(), List.of(), vn(2025, 1, 2, 8, 0, 0))).isEqualTo(ObligationState.NOT_OPEN);
        }

        @Test
        void from_the_opening_instant_until_just_before_the_deadline_a_unit_with_nothing_sent_is_open() {
            assertThat(stateAt(List.of(), List.of(), OPENS)).isEqualTo(ObligationState.OPEN);
            assertThat(stateAt(List.of(), List.of(), vn(2025, 6, 9, 23, 59, 59))).isEqualTo(ObligationState.OPEN);
            assertThat(stateAt(List.of(), List.of(), DUE.minusNanos(1))).isEqualTo(ObligationState.OPEN);
        }

        @Test
        void at_the_deadline_and_after_it_a_unit_with_nothing_sent_is_missing() {
            assertThat(stateAt(List.of(), List.of(), DUE)).isEqualTo(ObligationState.MISSING);
            assertThat(stateAt(List.of(), List.of(), LONG_AFTER)).isEqualTo(ObligationState.MISSING);
        }

        @Test
        void a_unit_whose_first_file_arrived_before_the_deadline_is_on_time() {
            Instant at = vn(2025, 6, 8, 15, 21, 9);

            UnitStatus row = rowAt(List.of(accepted(TRAN_PHU.id(), at)), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.ON_TIME);
            assertThat(row.submittedAt()).contains(at);
        }

        @Test
        void a_unit_whose_first_file_arrived_at_the_deadline_is_late() {
            UnitStatus row = rowAt(List.of(accepted(TRAN_PHU.id(), DUE)), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.LATE);
            assertThat(row.submittedAt()).contains(DUE);
        }

        @Test
        void a_unit_with_nothing_sent_has_the_obligations_deadline_and_no_file() {
            UnitStatus row = rowAt(List.of(), List.of(), LONG_AFTER);

            assertThat(row.unit()).isEqualTo(TRAN_PHU);
            assertThat(row.dueForUnit()).isEqualTo(DUE);
            assertThat(row.extension()).isEmpty();
            assertThat(row.submittedAt()).isEmpty();
            assertThat(row.submissions()).isZero();
            assertThat(row.latest()).isEmpty();
        }

        @Test
        void a_department_of_the_so_is_listed_as_exempt_and_counted_apart_from_the_expected_units() {
            Unit tccb = unit("phong-to-chuc-can-bo", "Phòng Tổ chức cán bộ", UnitCategory.PHONG_SO);
            Unit school = TRAN_PHU;

            ObligationStatus status = ObligationStatus.of(O, List.of(tccb, school),
                    List.of(accepted(tccb.id(), DUE.minus(Duration.ofDays(1)))), List.of(), LONG_AFTER);

            assertThat(rowOf(status, tccb.id()).state()).isEqualTo(ObligationState.EXEMPT);
            assertThat(rowOf(status, school.id()).state()).isEqualTo(ObligationState.MISSING);
            assertThat(status.summary().exempt()).isEqualTo(1);
            assertThat(status.summary().expected()).isEqualTo(1);
            assertThat(status.summary().onTime()).isZero();
            assertThat(status.summary().missing()).isEqualTo(1);
        }

        @Test
        void a_department_of_the_so_is_exempt_before_the_period_opens_and_long_after_it() {
            Unit vp = unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO);

            assertThat(rowAt(vp, List.of(), List.of(), OPENS.minusSeconds(1)).state()).isEqualTo(ObligationState.EXEMPT);
            assertThat(rowAt(vp, List.of(), List.of(), LONG_AFTER).state()).isEqualTo(ObligationState.EXEMPT);
        }

        @Test
        void an_extension_given_to_a_department_of_the_so_does_not_make_it_owe_the_report() {
            Unit vp = unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO);
            Extension e = extension(vp.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 1, 8, 0, 0));

            assertThat(rowAt(vp, List.of(), List.of(e), LONG_AFTER).state()).isEqualTo(ObligationState.EXEMPT);
        }

        @ParameterizedTest(name = "{0} owes the report")
        @EnumSource(value = UnitCategory.class, names = "PHONG_SO", mode = EnumSource.Mode.EXCLUDE)
        void every_education_unit_is_expected_and_missing_when_nothing_came(UnitCategory category) {
            Unit u = unit("don-vi-1", "Đơn vị 1", category);

            ObligationStatus status = ObligationStatus.of(O, List.of(u), List.of(), List.of(), LONG_AFTER);

            assertThat(status.units()).singleElement().extracting(UnitStatus::state).isEqualTo(ObligationState.MISSING);
            assertThat(status.summary().expected()).isEqualTo(1);
            assertThat(status.summary().exempt()).isZero();
        }
    }

    @Nested
    @DisplayName("several versions of the report")
    class Versions {
        private final Instant first = vn(2025, 6, 8, 15, 21, 9);
        private final Instant second = vn(2025, 6, 12, 9, 0, 0);
        private final Instant third = vn(2025, 6, 20, 10, 30, 0);
        private final Submission s1 = accepted(TRAN_PHU.id(), first);
        private final Submission s2 = accepted(TRAN_PHU.id(), second);
        private final Submission s3 = accepted(TRAN_PHU.id(), third);

        @Test
        void an_on_time_first_file_stays_on_time_when_a_corrected_one_arrives_after_the_deadline() {
            UnitStatus row = rowAt(List.of(s2, s1), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void submitted_at_is_the_arrival_of_the_first_accepted_file() {
            assertThat(rowAt(List.of(s3, s2, s1), List.of(), LONG_AFTER).submittedAt()).contains(first);
        }

        @Test
        void the_count_is_of_every_accepted_file_and_the_latest_is_the_most_recent_one() {
            UnitStatus row = rowAt(List.of(s2, s3, s1), List.of(), LONG_AFTER);

            assertThat(row.submissions()).isEqualTo(3);
            assertThat(row.latest()).contains(s3);
        }

        @Test
        void only_files_received_by_as_of_are_counted_and_the_latest_is_the_most_recent_of_those() {
            UnitStatus row = rowAt(List.of(s3, s1, s2), List.of(), vn(2025, 6, 15, 0, 0, 0));

            assertThat(row.submissions()).isEqualTo(2);
            assertThat(row.latest()).contains(s2);
            assertThat(row.submittedAt()).contains(first);
            assertThat(row.state()).isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void a_file_received_exactly_at_as_of_already_counts() {
            UnitStatus row = rowAt(List.of(s1, s2), List.of(), second);

            assertThat(row.submissions()).isEqualTo(2);
            assertThat(row.latest()).contains(s2);
        }

        @Test
        void asked_before_the_first_file_arrived_the_unit_had_sent_nothing() {
            UnitStatus row = rowAt(List.of(s1, s2), List.of(), first.minusNanos(1));

            assertThat(row.state()).isEqualTo(ObligationState.OPEN);
            assertThat(row.submissions()).isZero();
            assertThat(row.submittedAt()).isEmpty();
            assertThat(row.latest()).isEmpty();
        }

        @Test
        void two_late_files_make_the_unit_late_from_the_first_of_them() {
            UnitStatus row = rowAt(List.of(s3, s2), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.LATE);
            assertThat(row.submittedAt()).contains(second);
            assertThat(row.latest()).contains(s3);
        }
    }

    @Nested
    @DisplayName("refused files")
    class RefusedFiles {
        private final Instant early = vn(2025, 6, 1, 9, 0, 0);

        @Test
        void a_unit_with_only_a_refused_file_is_open_before_the_deadline() {
            UnitStatus row = rowAt(List.of(refused(TRAN_PHU.id(), early)), List.of(), vn(2025, 6, 5, 0, 0, 0));

            assertThat(row.state()).isEqualTo(ObligationState.OPEN);
            assertThat(row.submissions()).isZero();
            assertThat(row.submittedAt()).isEmpty();
            assertThat(row.latest()).isEmpty();
        }

        @Test
        void a_unit_with_only_refused_files_is_missing_after_the_deadline_and_shows_its_newest_refusal() {
            Submission newest = refused(TRAN_PHU.id(), DUE.minusSeconds(1));
            UnitStatus row = rowAt(List.of(refused(TRAN_PHU.id(), early), newest), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.MISSING);
            assertThat(row.submissions()).isZero();
            assertThat(row.latest()).isEmpty();
            assertThat(row.refused()).contains(newest);
        }

        @Test
        void a_refusal_received_after_as_of_is_not_shown_yet() {
            UnitStatus row = rowAt(List.of(refused(TRAN_PHU.id(), DUE.minusSeconds(1))), List.of(), early);

            assertThat(row.refused()).isEmpty();
        }

        @Test
        void a_refused_on_time_file_then_an_accepted_late_one_is_late_from_the_accepted_one() {
            Instant late = vn(2025, 6, 11, 8, 0, 0);
            Submission good = accepted(TRAN_PHU.id(), late);

            UnitStatus row = rowAt(List.of(refused(TRAN_PHU.id(), early), good), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.LATE);
            assertThat(row.submittedAt()).contains(late);
            assertThat(row.submissions()).isEqualTo(1);
            assertThat(row.latest()).contains(good);
            assertThat(row.refused()).as("a refusal the unit has since fixed").isEmpty();
        }

        @Test
        void a_refused_file_after_an_accepted_one_is_neither_counted_nor_the_latest_but_shown_as_refused() {
            Submission good = accepted(TRAN_PHU.id(), early);
            Submission bad = refused(TRAN_PHU.id(), vn(2025, 6, 3, 9, 0, 0));

            UnitStatus row = rowAt(List.of(good, bad), List.of(), LONG_AFTER);

            assertThat(row.state()).isEqualTo(ObligationState.ON_TIME);
            assertThat(row.submissions()).isEqualTo(1);
            assertThat(row.latest()).contains(good);
            assertThat(row.refused()).contains(bad);
        }

        @Test
        void a_refused_file_does_not_count_towards_the_summary() {
            ObligationStatus status = ObligationStatus.of(O, List.of(TRAN_PHU),
                    List.of(refused(TRAN_PHU.id(), early)), List.of(), LONG_AFTER);

            assertThat(status.summary().onTime()).isZero();
            assertThat(status.summary().missing()).isEqualTo(1);
            assertThat(status.summary().completeness()).isEqualTo(0.0);
        }
    }

    @Nested
    @DisplayName("as of an instant")
    class AsOf {
        @Test
        void a_file_received_after_as_of_does_not_exist_yet() {
            Submission later = accepted(TRAN_PHU.id(), vn(2025, 6, 12, 8, 0, 0));

            UnitStatus then = rowAt(List.of(later), List.of(), vn(2025, 6, 11, 8, 0, 0));

            assertThat(then.state()).isEqualTo(ObligationState.MISSING);
            assertThat(then.submissions()).isZero();
            assertThat(then.latest()).isEmpty();
            assertThat(stateAt(List.of(later), List.of(), LONG_AFTER)).isEqualTo(ObligationState.LATE);
        }

        @Test
        void an_extension_granted_after_as_of_does_not_apply_yet() {
            Extension e = extension(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 12, 9, 0, 0));

            UnitStatus before = rowAt(List.of(), List.of(e), vn(2025, 6, 11, 8, 0, 0));

            assertThat(before.state()).isEqualTo(ObligationState.MISSING);
            assertThat(before.dueForUnit()).isEqualTo(DUE);
            assertThat(before.extension()).isEmpty();
        }

        @Test
        void from_the_moment_it_is_granted_an_extension_sets_the_units_deadline() {
            Instant until = vn(2025, 6, 20, 0, 0, 0);
            Instant grantedAt = vn(2025, 6, 12, 9, 0, 0);
            Extension e = extension(TRAN_PHU.id(), until, grantedAt);

            UnitStatus row = rowAt(List.of(), List.of(e), grantedAt);

            assertThat(row.state()).isEqualTo(ObligationState.OPEN);
            assertThat(row.dueForUnit()).isEqualTo(until);
            assertThat(row.extension()).contains(e);
            assertThat(rowAt(List.of(), List.of(e), grantedAt.minusNanos(1)).dueForUnit()).isEqualTo(DUE);
        }

        @Test
        void a_unit_with_an_extension_is_missing_from_its_extended_deadline() {
            Instant until = vn(2025, 6, 20, 0, 0, 0);
            Extension e = extension(TRAN_PHU.id(), until, vn(2025, 6, 9, 9, 0, 0));

            assertThat(stateAt(List.of(), List.of(e), until.minusNanos(1))).isEqualTo(ObligationState.OPEN);
            assertThat(stateAt(List.of(), List.of(e), until)).isEqualTo(ObligationState.MISSING);
        }

        @Test
        void a_file_sent_after_the_plans_deadline_but_before_the_extended_one_is_on_time() {
            Extension e = extension(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0));

            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), vn(2025, 6, 15, 10, 0, 0))), List.of(e), LONG_AFTER))
                    .isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void an_extension_granted_after_a_late_file_makes_it_on_time_only_from_the_grant_on() {
            // the file came on 11/6; the Office granted until 20/6 on 12/6
            Submission s = accepted(TRAN_PHU.id(), vn(2025, 6, 11, 10, 0, 0));
            Instant grantedAt = vn(2025, 6, 12, 9, 0, 0);
            Extension e = extension(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0), grantedAt);

            assertThat(stateAt(List.of(s), List.of(e), grantedAt.minusSeconds(1))).isEqualTo(ObligationState.LATE);
            assertThat(stateAt(List.of(s), List.of(e), grantedAt)).isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void an_extension_revoked_before_as_of_no_longer_applies() {
            Instant revokedAt = vn(2025, 6, 14, 9, 0, 0);
            Extension e = revoked(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0), revokedAt);

            UnitStatus after = rowAt(List.of(), List.of(e), vn(2025, 6, 15, 8, 0, 0));

            assertThat(after.state()).isEqualTo(ObligationState.MISSING);
            assertThat(after.dueForUnit()).isEqualTo(DUE);
            assertThat(after.extension()).isEmpty();
        }

        @Test
        void an_extension_no_longer_applies_from_the_instant_it_is_revoked_but_did_until_then() {
            Instant until = vn(2025, 6, 20, 0, 0, 0);
            Instant revokedAt = vn(2025, 6, 14, 9, 0, 0);
            Extension e = revoked(TRAN_PHU.id(), until, vn(2025, 6, 9, 9, 0, 0), revokedAt);

            UnitStatus justBefore = rowAt(List.of(), List.of(e), revokedAt.minusNanos(1));
            assertThat(justBefore.state()).isEqualTo(ObligationState.OPEN);
            assertThat(justBefore.dueForUnit()).isEqualTo(until);
            assertThat(justBefore.extension()).contains(e);

            UnitStatus atRevocation = rowAt(List.of(), List.of(e), revokedAt);
            assertThat(atRevocation.state()).isEqualTo(ObligationState.MISSING);
            assertThat(atRevocation.dueForUnit()).isEqualTo(DUE);
        }

        @Test
        void a_file_on_time_only_thanks_to_an_extension_is_late_once_the_extension_is_revoked() {
            Submission s = accepted(TRAN_PHU.id(), vn(2025, 6, 15, 10, 0, 0));
            Instant revokedAt = vn(2025, 6, 16, 9, 0, 0);
            Extension e = revoked(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0), revokedAt);

            assertThat(stateAt(List.of(s), List.of(e), revokedAt.minusSeconds(1))).isEqualTo(ObligationState.ON_TIME);
            assertThat(stateAt(List.of(s), List.of(e), revokedAt)).isEqualTo(ObligationState.LATE);
        }

        @Test
        void of_two_extensions_in_force_the_later_granted_one_wins_even_when_it_is_shorter() {
            Extension longer = extension(TRAN_PHU.id(), vn(2025, 6, 25, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0));
            Extension shorter = extension(TRAN_PHU.id(), vn(2025, 6, 18, 0, 0, 0), vn(2025, 6, 11, 9, 0, 0));

            for (List<Extension> given : List.of(List.of(longer, shorter), List.of(shorter, longer))) {
                UnitStatus row = rowAt(List.of(), given, vn(2025, 6, 19, 8, 0, 0));
                assertThat(row.dueForUnit()).isEqualTo(vn(2025, 6, 18, 0, 0, 0));
                assertThat(row.extension()).contains(shorter);
                assertThat(row.state()).isEqualTo(ObligationState.MISSING);
            }
        }

        @Test
        void before_the_second_extension_was_granted_the_first_one_applied() {
            Extension first = extension(TRAN_PHU.id(), vn(2025, 6, 25, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0));
            Extension second = extension(TRAN_PHU.id(), vn(2025, 6, 18, 0, 0, 0), vn(2025, 6, 11, 9, 0, 0));

            UnitStatus row = rowAt(List.of(), List.of(second, first), vn(2025, 6, 10, 8, 0, 0));

            assertThat(row.extension()).contains(first);
            assertThat(row.dueForUnit()).isEqualTo(vn(2025, 6, 25, 0, 0, 0));
        }

        @Test
        void when_the_later_extension_is_revoked_the_earlier_one_in_force_applies_again() {
            Extension first = extension(TRAN_PHU.id(), vn(2025, 6, 25, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0));
            Extension second = revoked(TRAN_PHU.id(), vn(2025, 6, 30, 0, 0, 0), vn(2025, 6, 11, 9, 0, 0),
                    vn(2025, 6, 12, 9, 0, 0));

            UnitStatus row = rowAt(List.of(), List.of(second, first), vn(2025, 6, 20, 8, 0, 0));

            assertThat(row.extension()).contains(first);
            assertThat(row.dueForUnit()).isEqualTo(vn(2025, 6, 25, 0, 0, 0));
            assertThat(row.state()).isEqualTo(ObligationState.OPEN);
        }

        @Test
        void an_extension_for_another_unit_does_not_move_this_units_deadline() {
            Unit other = school("thpt-ngo-quyen");
            Extension forOther = extension(other.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 9, 9, 0, 0));

            ObligationStatus status = ObligationStatus.of(O, List.of(TRAN_PHU, other), List.of(), List.of(forOther),
                    vn(2025, 6, 12, 8, 0, 0));

            assertThat(rowOf(status, TRAN_PHU.id()).state()).isEqualTo(ObligationState.MISSING);
            assertThat(rowOf(status, TRAN_PHU.id()).dueForUnit()).isEqualTo(DUE);
            assertThat(rowOf(status, other.id()).state()).isEqualTo(ObligationState.OPEN);
            assertThat(rowOf(status, other.id()).dueForUnit()).isEqualTo(vn(2025, 6, 20, 0, 0, 0));
        }

        @Test
        void a_file_of_another_unit_does_not_count_for_this_one() {
            Unit other = school("thpt-ngo-quyen");

            ObligationStatus status = ObligationStatus.of(O, List.of(TRAN_PHU, other),
                    List.of(accepted(other.id(), vn(2025, 6, 1, 8, 0, 0))), List.of(), LONG_AFTER);

            assertThat(rowOf(status, TRAN_PHU.id()).state()).isEqualTo(ObligationState.MISSING);
            assertThat(rowOf(status, other.id()).state()).isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void the_status_remembers_the_instant_it_was_asked_about_and_the_obligation() {
            Instant asOf = vn(2025, 6, 11, 8, 0, 0);

            ObligationStatus status = ObligationStatus.of(O, List.of(TRAN_PHU), List.of(), List.of(), asOf);

            assertThat(status.asOf()).isEqualTo(asOf);
            assertThat(status.obligation()).isEqualTo(O);
        }
    }

    @Nested
    @DisplayName("around midnight, Vietnam time")
    class AroundMidnight {
        /** "gia hạn đến hết ngày 11/6": 00:00 on 12/6 in Hải Phòng, 17:00 on 11/6 UTC. */
        private final Instant until = vn(2025, 6, 12, 0, 0, 0);
        private final Extension e = extension(TRAN_PHU.id(), until, vn(2025, 6, 9, 9, 0, 0));

        @Test
        void the_extended_deadline_is_five_pm_utc_on_11_june() {
            assertThat(until).isEqualTo(Instant.parse("2025-06-11T17:00:00Z"));
            assertThat(rowAt(List.of(), List.of(e), LONG_AFTER).dueForUnit()).isEqualTo(until);
        }

        @Test
        void a_file_at_23_59_59_on_11_june_vietnam_time_is_on_time() {
            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), vn(2025, 6, 11, 23, 59, 59))), List.of(e), LONG_AFTER))
                    .isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void a_file_in_the_last_nanosecond_of_11_june_vietnam_time_is_on_time() {
            Instant last = ZonedDateTime.of(2025, 6, 11, 23, 59, 59, 999_999_999, Fixtures.VN).toInstant();

            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), last)), List.of(e), LONG_AFTER))
                    .isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void a_file_at_00_00_00_on_12_june_vietnam_time_is_late() {
            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), vn(2025, 6, 12, 0, 0, 0))), List.of(e), LONG_AFTER))
                    .isEqualTo(ObligationState.LATE);
        }

        @Test
        void a_file_at_three_in_the_morning_of_12_june_in_hai_phong_is_late_although_utc_still_says_11_june() {
            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), Instant.parse("2025-06-11T20:00:00Z"))), List.of(e),
                    LONG_AFTER)).isEqualTo(ObligationState.LATE);
        }

        @Test
        void with_nothing_sent_the_unit_is_open_until_midnight_and_missing_from_it() {
            assertThat(stateAt(List.of(), List.of(e), vn(2025, 6, 11, 23, 59, 59))).isEqualTo(ObligationState.OPEN);
            assertThat(stateAt(List.of(), List.of(e), vn(2025, 6, 12, 0, 0, 0))).isEqualTo(ObligationState.MISSING);
        }

        @Test
        void without_the_extension_the_plans_own_midnight_decides() {
            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), vn(2025, 6, 9, 23, 59, 59))), List.of(), LONG_AFTER))
                    .isEqualTo(ObligationState.ON_TIME);
            assertThat(stateAt(List.of(accepted(TRAN_PHU.id(), vn(2025, 6, 10, 0, 0, 0))), List.of(), LONG_AFTER))
                    .isEqualTo(ObligationState.LATE);
        }

        @Test
        void an_extension_granted_a_second_before_midnight_applies_at_midnight_and_a_second_after_does_not() {
            Extension grantedLate = extension(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0), vn(2025, 6, 10, 0, 0, 1));
            Extension grantedJustInTime = extension(TRAN_PHU.id(), vn(2025, 6, 20, 0, 0, 0),
                    vn(2025, 6, 9, 23, 59, 59));

            assertThat(stateAt(List.of(), List.of(grantedLate), DUE)).isEqualTo(ObligationState.MISSING);
            assertThat(stateAt(List.of(), List.of(grantedJustInTime), DUE)).isEqualTo(ObligationState.OPEN);
        }
    }
}
