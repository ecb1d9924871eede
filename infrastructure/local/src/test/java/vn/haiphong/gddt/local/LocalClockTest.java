package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.ServerTime;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** Business time with its history: a real instant maps onto the business time it was then. */
class LocalClockTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Instant BUSINESS_START = Instant.parse("2026-11-30T02:00:00Z");

    private final AtomicReference<Instant> realNow = new AtomicReference<>(T0);
    private final InstantSource real = realNow::get;

    @Test
    void a_file_stored_before_the_clock_moved_keeps_the_business_time_it_was_stored_at() {
        LocalClock clock = new LocalClock(real, BUSINESS_START);
        Instant storedAt = T0.plusSeconds(10);
        realNow.set(T0.plusSeconds(60));

        clock.moveTo(Instant.parse("2026-12-10T02:00:00Z"));
        realNow.set(T0.plusSeconds(70));

        assertThat(clock.toBusinessTime(storedAt)).isEqualTo(BUSINESS_START.plusSeconds(10));
        assertThat(clock.toBusinessTime(T0.plusSeconds(65))).isEqualTo(Instant.parse("2026-12-10T02:00:05Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-10T02:00:10Z"));
    }

    @Test
    void each_move_holds_from_its_own_real_instant_until_the_next() {
        LocalClock clock = new LocalClock(real, null);
        realNow.set(T0.plusSeconds(100));
        clock.moveTo(T0.plus(Duration.ofDays(1)).plusSeconds(100));
        realNow.set(T0.plusSeconds(200));
        clock.moveTo(T0.minus(Duration.ofHours(1)).plusSeconds(200));

        assertThat(clock.toBusinessTime(T0.plusSeconds(50))).isEqualTo(T0.plusSeconds(50));
        assertThat(clock.toBusinessTime(T0.plusSeconds(150))).isEqualTo(T0.plus(Duration.ofDays(1)).plusSeconds(150));
        assertThat(clock.toBusinessTime(T0.plusSeconds(250))).isEqualTo(T0.minus(Duration.ofHours(1)).plusSeconds(250));
    }

    @Test
    void a_time_from_before_the_runner_started_takes_the_starting_offset() {
        LocalClock clock = new LocalClock(real, BUSINESS_START);

        assertThat(clock.toBusinessTime(T0.minus(Duration.ofDays(2)))).isEqualTo(BUSINESS_START.minus(Duration.ofDays(2)));
    }

    @Test
    void the_functions_find_the_mapping_through_the_clock_they_are_given_even_in_another_zone() {
        LocalClock clock = new LocalClock(real, BUSINESS_START);
        Clock inVietnam = clock.withZone(VietnamTime.ZONE);
        realNow.set(T0.plusSeconds(60));

        clock.moveTo(Instant.parse("2026-12-10T02:00:00Z"));

        assertThat(ServerTime.of(inVietnam).toBusinessTime(T0)).isEqualTo(BUSINESS_START);
        assertThat(inVietnam.instant()).isEqualTo(Instant.parse("2026-12-10T02:00:00Z"));
        assertThat(ServerTime.of(Clock.systemUTC()).toBusinessTime(T0)).isEqualTo(T0);
    }
}
