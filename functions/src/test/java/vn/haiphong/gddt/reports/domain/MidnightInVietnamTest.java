package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.accepted;
import static vn.haiphong.gddt.reports.domain.Fixtures.obligation;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("On time or late, decided on the Vietnam clock around midnight")
class MidnightInVietnamTest {
    private static final String QCDC_2025_H1 = "QCDC:2025-H1";

    @Nested
    @DisplayName("trước ngày 10/6/2025 (BEFORE_NAMED_DAY)")
    class BeforeNamedDay {
        private final Obligation o = obligation(DeadlineRule.BEFORE_NAMED_DAY, QCDC_2025_H1);

        @Test
        void one_second_before_midnight_on_9_june_vietnam_time_is_on_time() {
            assertThat(o.isOnTime(vn(2025, 6, 9, 23, 59, 59))).isTrue();
            assertThat(o.isOnTime(Instant.parse("2025-06-09T16:59:59Z"))).isTrue();
        }

        @Test
        void the_last_nanosecond_of_9_june_vietnam_time_is_still_on_time() {
            Instant last = ZonedDateTime.of(2025, 6, 9, 23, 59, 59, 999_999_999, Fixtures.VN).toInstant();

            assertThat(o.isOnTime(last)).isTrue();
        }

        @Test
        void midnight_starting_10_june_vietnam_time_is_late() {
            assertThat(o.isOnTime(vn(2025, 6, 10, 0, 0, 0))).isFalse();
            assertThat(o.isOnTime(Instant.parse("2025-06-09T17:00:00Z"))).isFalse();
        }

        @Test
        void early_morning_of_10_june_in_vietnam_is_late_although_it_is_still_9_june_in_utc() {
            // 03:00 on 10/6 in Hải Phòng = 20:00 on 9/6 UTC: a UTC-minded reading would wrongly call it on time
            assertThat(o.isOnTime(Instant.parse("2025-06-09T20:00:00Z"))).isFalse();
        }

        @Test
        void midnight_utc_on_10_june_is_seven_hours_late_in_vietnam() {
            assertThat(o.isOnTime(Instant.parse("2025-06-10T00:00:00Z"))).isFalse();
        }

        @Test
        void the_state_of_a_unit_follows_the_same_boundary() {
            Instant asOf = vn(2025, 6, 20, 8, 0, 0);

            assertThat(ObligationState.of(o, Fixtures.unitOf(UnitCategory.THPT),
                    List.of(accepted(QCDC_2025_H1, vn(2025, 6, 9, 23, 59, 59))), asOf))
                    .isEqualTo(ObligationState.ON_TIME);
            assertThat(ObligationState.of(o, Fixtures.unitOf(UnitCategory.THPT),
                    List.of(accepted(QCDC_2025_H1, vn(2025, 6, 10, 0, 0, 0))), asOf))
                    .isEqualTo(ObligationState.LATE);
        }
    }

    @Nested
    @DisplayName("đến hết ngày 10/6/2025 (END_OF_NAMED_DAY)")
    class EndOfNamedDay {
        private final Obligation o = obligation(DeadlineRule.END_OF_NAMED_DAY, QCDC_2025_H1);

        @Test
        void midnight_starting_10_june_is_on_time_under_the_lenient_reading() {
            assertThat(o.isOnTime(vn(2025, 6, 10, 0, 0, 0))).isTrue();
        }

        @Test
        void one_second_before_midnight_on_10_june_vietnam_time_is_on_time() {
            assertThat(o.isOnTime(vn(2025, 6, 10, 23, 59, 59))).isTrue();
            assertThat(o.isOnTime(Instant.parse("2025-06-10T16:59:59Z"))).isTrue();
        }

        @Test
        void midnight_starting_11_june_vietnam_time_is_late() {
            assertThat(o.isOnTime(vn(2025, 6, 11, 0, 0, 0))).isFalse();
            assertThat(o.isOnTime(Instant.parse("2025-06-10T17:00:00Z"))).isFalse();
        }

        @Test
        void evening_of_10_june_utc_is_already_11_june_in_vietnam_and_late() {
            // 20:00 UTC on 10/6 = 03:00 on 11/6 in Hải Phòng
            assertThat(o.isOnTime(Instant.parse("2025-06-10T20:00:00Z"))).isFalse();
        }
    }

    @ParameterizedTest(name = "JVM default zone {0}")
    @ValueSource(strings = {"UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh", "Europe/Paris"})
    void the_jvm_default_time_zone_does_not_move_the_deadline(String defaultZone) {
        TimeZone before = TimeZone.getDefault();
        try {
            // GIVEN a JVM that believes it lives somewhere else
            TimeZone.setDefault(TimeZone.getTimeZone(defaultZone));

            // WHEN the deadline is computed there
            Obligation literal = obligation(DeadlineRule.BEFORE_NAMED_DAY, QCDC_2025_H1);
            Obligation lenient = obligation(DeadlineRule.END_OF_NAMED_DAY, QCDC_2025_H1);

            // THEN it is the same instant as everywhere else, and so is the wording
            assertThat(literal.due()).isEqualTo(Instant.parse("2025-06-09T17:00:00Z"));
            assertThat(lenient.due()).isEqualTo(Instant.parse("2025-06-10T17:00:00Z"));
            assertThat(literal.isOnTime(Instant.parse("2025-06-09T16:59:59Z"))).isTrue();
            assertThat(literal.isOnTime(Instant.parse("2025-06-09T17:00:00Z"))).isFalse();
            assertThat(literal.dueWording()).isEqualTo("trước ngày 10/6/2025");
            assertThat(VietnamTime.iso(literal.due())).isEqualTo("2025-06-10T00:00:00+07:00");
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
