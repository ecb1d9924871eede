package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.accepted;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.extension;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.refused;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.school;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A file the Office returns (Returned) and what still counts after it")
class ReturnedSubmissionTest {
    private static final Obligation O = StatusFixtures.qcdcH1();
    /** 00:00 on 10/6/2025 in Hải Phòng. */
    private static final Instant DUE = vn(2025, 6, 10, 0, 0, 0);
    private static final Unit SCHOOL = school("thpt-ngo-quyen");
    private static final String REASON = "Thiếu chữ ký của Hiệu trưởng";

    private final Submission first = accepted(SCHOOL.id(), vn(2025, 6, 1, 9, 0, 0));
    private final Submission second = accepted(SCHOOL.id(), vn(2025, 6, 3, 9, 0, 0));

    private static Submission returned(Submission s, Instant at) {
        return s.withReturned(Returned.of(at, new Actor("nguyen-thi-lan", null), REASON));
    }

    private static UnitStatus rowAt(List<Submission> submissions, Instant asOf) {
        return ObligationStatus.row(O, SCHOOL, submissions, List.of(), asOf);
    }

    @Nested
    @DisplayName("the counting rule")
    class Counting {
        @Test
        void a_return_before_the_deadline_leaves_the_unit_open_with_nothing_counted_and_the_return_shown() {
            Instant returnedAt = vn(2025, 6, 4, 10, 0, 0);
            List<Submission> sent = List.of(first, returned(second, returnedAt));

            UnitStatus row = rowAt(sent, returnedAt);

            assertThat(row.state()).isEqualTo(ObligationState.OPEN);
            assertThat(row.stateText()).as("the words every place shows").isEqualTo("Bị trả lại – cần nộp lại");
            assertThat(row.submissions()).isZero();
            assertThat(row.latest()).isEmpty();
            assertThat(row.submittedAt()).isEmpty();
            assertThat(row.returned()).hasValueSatisfying(r -> {
                assertThat(r.submissionId()).isEqualTo(second.submissionId());
                assertThat(r.returned().orElseThrow().reason()).isEqualTo(REASON);
            });
        }

        @Test
        void a_return_after_the_deadline_makes_an_on_time_unit_missing() {
            Instant returnedAt = vn(2025, 6, 12, 10, 0, 0);
            assertThat(rowAt(List.of(first), returnedAt).state()).isEqualTo(ObligationState.ON_TIME);

            UnitStatus row = rowAt(List.of(returned(first, returnedAt)), returnedAt);
            assertThat(row.state()).isEqualTo(ObligationState.MISSING);
            assertThat(row.stateText()).isEqualTo("Bị trả lại – cần nộp lại");
        }

        @Test
        void the_status_as_of_an_instant_before_the_return_is_unchanged() {
            Instant returnedAt = vn(2025, 6, 12, 10, 0, 0);
            List<Submission> sent = List.of(first, returned(second, returnedAt));

            UnitStatus before = rowAt(sent, returnedAt.minusNanos(1));

            assertThat(before.state()).isEqualTo(ObligationState.ON_TIME);
            assertThat(before.submissions()).isEqualTo(2);
            assertThat(before.submittedAt()).contains(first.receivedAt());
            assertThat(before.latest()).map(Submission::submissionId).contains(second.submissionId());
            assertThat(before.returned()).isEmpty();
        }

        @Test
        void a_file_sent_again_before_the_deadline_is_on_time_and_the_earlier_files_no_longer_count() {
            Instant returnedAt = vn(2025, 6, 4, 10, 0, 0);
            Submission again = accepted(SCHOOL.id(), vn(2025, 6, 5, 8, 0, 0));

            UnitStatus row = rowAt(List.of(first, returned(second, returnedAt), again), vn(2025, 6, 20, 8, 0, 0));

            assertThat(row.state()).isEqualTo(ObligationState.ON_TIME);
            assertThat(row.stateText()).as("the new file answers the return").isEqualTo("Đúng hạn");
            assertThat(row.submissions()).isEqualTo(1);
            assertThat(row.latest()).contains(again);
            assertThat(row.submittedAt()).contains(again.receivedAt());
            assertThat(row.returned()).map(Submission::submissionId).contains(second.submissionId());
        }

        @Test
        void a_file_sent_again_after_the_deadline_is_late_even_though_the_returned_one_was_on_time() {
            Instant returnedAt = vn(2025, 6, 11, 10, 0, 0);
            Submission again = accepted(SCHOOL.id(), vn(2025, 6, 11, 15, 0, 0));

            UnitStatus row = rowAt(List.of(returned(first, returnedAt), again), vn(2025, 6, 20, 8, 0, 0));

            assertThat(row.state()).isEqualTo(ObligationState.LATE);
            assertThat(row.submittedAt()).contains(again.receivedAt());
        }

        @Test
        void a_file_sent_again_is_judged_against_the_extension_in_force() {
            Instant returnedAt = vn(2025, 6, 11, 10, 0, 0);
            Submission again = accepted(SCHOOL.id(), vn(2025, 6, 14, 15, 0, 0));
            Extension toJune15 = extension(SCHOOL.id(), vn(2025, 6, 16, 0, 0, 0), returnedAt);

            UnitStatus row = ObligationStatus.row(O, SCHOOL, List.of(returned(first, returnedAt), again),
                    List.of(toJune15), vn(2025, 6, 20, 8, 0, 0));

            assertThat(row.state()).isEqualTo(ObligationState.ON_TIME);
        }

        @Test
        void a_refused_file_after_a_return_still_never_counts() {
            Instant returnedAt = vn(2025, 6, 4, 10, 0, 0);
            Submission bad = refused(SCHOOL.id(), vn(2025, 6, 5, 8, 0, 0));

            assertThat(rowAt(List.of(returned(first, returnedAt), bad), vn(2025, 6, 20, 8, 0, 0)).state())
                    .isEqualTo(ObligationState.MISSING);
        }

        @Test
        void the_office_sees_the_same_row_in_the_whole_status_as_the_unit_on_its_page() {
            Instant returnedAt = vn(2025, 6, 4, 10, 0, 0);
            List<Submission> sent = List.of(first, returned(second, returnedAt));

            ObligationStatus status = ObligationStatus.of(O, List.of(SCHOOL), sent, List.of(), returnedAt);

            assertThat(status.units()).containsExactly(rowAt(sent, returnedAt));
            assertThat(status.summary().notDue()).isEqualTo(1);
            assertThat(status.summary().onTime()).isZero();
        }
    }

    @Nested
    @DisplayName("what may be returned")
    class Returnable {
        @Test
        void the_units_latest_accepted_file_may_be_returned_even_with_a_refused_file_after_it() {
            Submission badLater = refused(SCHOOL.id(), vn(2025, 6, 4, 9, 0, 0));

            Returned.requireReturnable(second, List.of(first, second, badLater));
        }

        @Test
        void an_older_file_is_not_the_latest() {
            assertRefused(() -> Returned.requireReturnable(first, List.of(first, second)), Problem.SUBMISSION_NOT_LATEST);
        }

        @Test
        void a_file_returned_already_is_refused_as_such() {
            Submission done = returned(second, vn(2025, 6, 4, 9, 0, 0));

            assertRefused(() -> Returned.requireReturnable(done, List.of(first, done)), Problem.SUBMISSION_ALREADY_RETURNED);
        }

        @Test
        void a_refused_file_is_not_accepted() {
            Submission bad = refused(SCHOOL.id(), vn(2025, 6, 4, 9, 0, 0));

            assertRefused(() -> Returned.requireReturnable(bad, List.of(first, bad)), Problem.SUBMISSION_NOT_ACCEPTED);
        }
    }

    @Nested
    @DisplayName("the reason")
    class Reason {
        @Test
        void is_kept_in_nfc_without_surrounding_blanks() {
            String nfd = Normalizer.normalize("  Thiếu chữ ký, đề nghị bổ sung \n", Normalizer.Form.NFD);

            assertThat(Returned.of(DUE, new Actor("nguyen-thi-lan", null), nfd).reason()).isEqualTo("Thiếu chữ ký, đề nghị bổ sung");
        }

        @Test
        void may_be_a_thousand_characters_long() {
            assertThat(Returned.of(DUE, new Actor("a", null), "ơ".repeat(1000)).reason()).hasSize(1000);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\t\n"})
        void blank_is_refused(String reason) {
            assertRefused(() -> Returned.of(DUE, new Actor("a", null), reason), Problem.RETURN_REASON_INVALID);
        }

        @Test
        void missing_or_over_a_thousand_characters_is_refused() {
            assertRefused(() -> Returned.of(DUE, new Actor("a", null), null), Problem.RETURN_REASON_INVALID);
            assertRefused(() -> Returned.of(DUE, new Actor("a", null), "ơ".repeat(1001)), Problem.RETURN_REASON_INVALID);
        }
    }

    private static void assertRefused(Runnable call, Problem problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RequestRefused.class,
                refused -> assertThat(refused.problem()).isEqualTo(problem));
    }
}
