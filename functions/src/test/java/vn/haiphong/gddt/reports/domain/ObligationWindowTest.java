package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

@DisplayName("When an obligation accepts uploads")
class ObligationWindowTest {

    private static Obligation qcdc2025H1(Duration openBefore, Optional<Duration> lockAfter) {
        return CatalogFile.bundled(new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ZERO, openBefore, lockAfter))
                .find("QCDC:2025-H1").orElseThrow();
    }

    @Nested
    @DisplayName("with a lock seven days after the deadline")
    class WithLock {
        private final Obligation o = qcdc2025H1(Duration.ofDays(30), Optional.of(Duration.ofDays(7)));
        private final Instant opens = o.opensAt();
        private final Instant locks = o.locksAt().orElseThrow();

        @Test
        void the_window_is_from_30_days_before_to_7_days_after_midnight_on_10_june() {
            assertThat(opens).isEqualTo(Fixtures.vn(2025, 5, 11, 0, 0, 0));
            assertThat(locks).isEqualTo(Fixtures.vn(2025, 6, 17, 0, 0, 0));
        }

        @Test
        void uploads_are_refused_just_before_the_period_opens() {
            assertThat(o.acceptsUploadsAt(opens.minusNanos(1))).isFalse();
            assertThat(o.acceptsUploadsAt(opens.minus(Duration.ofDays(100)))).isFalse();
        }

        @Test
        void uploads_are_accepted_from_the_opening_instant() {
            assertThat(o.acceptsUploadsAt(opens)).isTrue();
        }

        @Test
        void uploads_are_accepted_at_and_after_the_deadline_until_the_lock() {
            assertThat(o.acceptsUploadsAt(o.due().minusNanos(1))).isTrue();
            assertThat(o.acceptsUploadsAt(o.due())).isTrue();
            assertThat(o.acceptsUploadsAt(locks.minusNanos(1))).isTrue();
        }

        @Test
        void uploads_are_refused_from_the_lock_instant() {
            assertThat(o.acceptsUploadsAt(locks)).isFalse();
            assertThat(o.acceptsUploadsAt(locks.plus(Duration.ofDays(365)))).isFalse();
        }

        @Test
        void the_obligation_is_locked_from_the_lock_instant_and_not_a_moment_before() {
            assertThat(o.isLocked(opens.minusSeconds(1))).isFalse();
            assertThat(o.isLocked(o.due())).isFalse();
            assertThat(o.isLocked(locks.minusNanos(1))).isFalse();
            assertThat(o.isLocked(locks)).isTrue();
            assertThat(o.isLocked(locks.plusSeconds(1))).isTrue();
        }
    }

    @Nested
    @DisplayName("without a lock")
    class WithoutLock {
        private final Obligation o = qcdc2025H1(Duration.ofDays(30), Optional.empty());

        @Test
        void late_uploads_are_accepted_for_ever() {
            assertThat(o.acceptsUploadsAt(o.due().plus(Duration.ofDays(3650)))).isTrue();
        }

        @Test
        void it_is_never_locked() {
            assertThat(o.isLocked(o.due().plus(Duration.ofDays(3650)))).isFalse();
        }

        @Test
        void it_still_refuses_uploads_before_it_opens() {
            assertThat(o.acceptsUploadsAt(o.opensAt().minusNanos(1))).isFalse();
            assertThat(o.acceptsUploadsAt(o.opensAt())).isTrue();
        }
    }

    @Test
    void a_lock_at_the_deadline_itself_refuses_everything_from_the_deadline() {
        Obligation o = qcdc2025H1(Duration.ofDays(30), Optional.of(Duration.ZERO));

        assertThat(o.locksAt()).contains(o.due());
        assertThat(o.acceptsUploadsAt(o.due().minusNanos(1))).isTrue();
        assertThat(o.acceptsUploadsAt(o.due())).isFalse();
        assertThat(o.isLocked(o.due())).isTrue();
    }

    @Test
    void with_no_opening_window_the_period_opens_at_the_deadline() {
        Obligation o = qcdc2025H1(Duration.ZERO, Optional.empty());

        assertThat(o.opensAt()).isEqualTo(o.due());
        assertThat(o.acceptsUploadsAt(o.due().minusNanos(1))).isFalse();
        assertThat(o.acceptsUploadsAt(o.due())).isTrue();
    }
}
