package vn.haiphong.gddt.reports.store;

import vn.haiphong.gddt.reports.OnEmulators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.store.ReminderClaims.State;

/**
 * One set of rules for reminder claims and suppressed addresses, held by DynamoDB (dynalite) and by
 * the maps the rule tests use: one claim per unit and stage, a lapsed one taken over, a finished one
 * never again, a given-back one as if never taken.
 */
class ReminderClaimsContractTest {
    private static final Instant T0 = Instant.parse("2025-06-09T01:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(15);

    abstract static class Contract {
        abstract ReminderClaims claims();

        private final String obligation = "DVCQ:2025-H1";

        @Test
        void a_stage_is_claimed_once_and_a_sent_one_is_never_claimed_again() {
            Claims.Held held = claims().claim(obligation, "thpt-tran-phu", "D-7", T0, LEASE).orElseThrow();
            assertThat(claims().claim(obligation, "thpt-tran-phu", "D-7", T0.plusSeconds(5), LEASE)).as("held").isEmpty();
            assertThat(claims().claim(obligation, "thpt-tran-phu", "D-3", T0, LEASE)).as("another stage").isPresent();
            assertThat(claims().of(obligation).get("thpt-tran-phu#D-7"))
                    .isEqualTo(new ReminderClaims.Claim("thpt-tran-phu", "D-7", State.CLAIMED, java.util.Optional.of(T0.plus(LEASE))));

            claims().markSent(held, "ses-1");

            assertThat(claims().of(obligation).get("thpt-tran-phu#D-7").state()).isEqualTo(State.SENT);
            assertThat(claims().claim(obligation, "thpt-tran-phu", "D-7", T0.plus(Duration.ofDays(3)), LEASE)).isEmpty();
        }

        @Test
        void skipped_and_failed_stages_are_finished_too() {
            claims().markSkipped(claims().claim(obligation, "thpt-a", "D-1", T0, LEASE).orElseThrow(), "không có địa chỉ");
            claims().markFailed(claims().claim(obligation, "thpt-b", "D-1", T0, LEASE).orElseThrow(), "Rejected");

            assertThat(claims().of(obligation)).hasSize(2);
            assertThat(claims().of(obligation).get("thpt-a#D-1").state()).isEqualTo(State.SKIPPED);
            assertThat(claims().of(obligation).get("thpt-b#D-1").state()).isEqualTo(State.FAILED);
            assertThat(claims().claim(obligation, "thpt-a", "D-1", T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
        }

        @Test
        void a_claim_given_back_is_as_if_never_taken_and_a_lapsed_one_is_taken_over() {
            claims().release(claims().claim(obligation, "thpt-a", "OPEN", T0, LEASE).orElseThrow());
            assertThat(claims().of(obligation)).as("given back").doesNotContainKey("thpt-a#OPEN");

            Claims.Held dead = claims().claim(obligation, "thpt-a", "OPEN", T0, LEASE).orElseThrow();
            assertThat(claims().claim(obligation, "thpt-a", "OPEN", T0.plus(LEASE), LEASE)).as("at its lapse").isEmpty();
            Claims.Held next = claims().claim(obligation, "thpt-a", "OPEN", T0.plus(LEASE).plusMillis(1), LEASE).orElseThrow();
            assertThatThrownBy(() -> claims().markSent(dead, "ses-late")).isInstanceOf(IllegalStateException.class);
            claims().markSent(next, "ses-2");
            assertThat(claims().of(obligation).get("thpt-a#OPEN").state()).isEqualTo(State.SENT);
        }

        @Test
        void a_suppressed_address_is_kept_in_lower_case_without_spaces() {
            claims().suppress("  Van-Thu@THPT-Tran-Phu.example.edu.vn ", "Permanent bounce", T0);

            assertThat(claims().suppressed()).contains("van-thu@thpt-tran-phu.example.edu.vn");
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryReminderClaims claims = new InMemoryReminderClaims();

        @Override
        ReminderClaims claims() {
            return claims;
        }
    }

    @Nested
    @OnEmulators
    class OnDynamoDb extends Contract {
        private final DynamoDbReminderClaims claims;

        OnDynamoDb(Emulators emulators) {
            claims = new DynamoDbReminderClaims(EmulatorClients.dynamoDb(emulators), EmulatorClients.newTable(emulators, "reminders"));
        }

        @Override
        ReminderClaims claims() {
            return claims;
        }
    }
}
