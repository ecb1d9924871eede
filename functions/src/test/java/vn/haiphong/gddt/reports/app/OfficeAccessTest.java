package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.store.InMemoryOfficeTokens;

/** Office tokens are checked against their record: revocable one by one, within a minute, and nothing else moves. */
class OfficeAccessTest {
    private static final Instant T0 = Instant.parse("2025-06-11T01:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse(
            "k1:" + Base64.getEncoder().encodeToString(new byte[32])));
    private final InMemoryOfficeTokens register = new InMemoryOfficeTokens();
    private final OfficeCredentials credentials = new OfficeCredentials(tokens, register, clock);
    private final OfficeAccess access = new OfficeAccess(tokens, register, clock);

    @Test
    void an_issued_token_acts_as_the_person_it_was_issued_to_with_their_display_name() {
        OfficeCredentials.Issued hoa = credentials.issue("*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", Duration.ofDays(30));

        OfficeToken office = access.officeFor(hoa.token());

        assertThat(office.tokenId()).isEqualTo(hoa.record().tokenId());
        assertThat(office.person().id()).isEqualTo("hoa.nt");
        assertThat(office.person().name()).isEqualTo("Nguyễn Thị Hoa — Văn phòng");
        assertThat(OfficeToken.validId(office.tokenId())).isTrue();
    }

    @Test
    void a_revoked_token_is_refused_within_a_minute_while_another_office_token_keeps_working() {
        OfficeCredentials.Issued hoa = credentials.issue("*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", Duration.ofDays(30));
        OfficeCredentials.Issued lan = credentials.issue("TCCB", "lan.pt", "Phạm Thị Lan — Phòng TCCB", Duration.ofDays(30));
        access.officeFor(hoa.token());

        assertThat(register.revoke(hoa.record().tokenId(), clock.instant())).isPresent();
        clock.set(T0.plus(Duration.ofSeconds(60)));

        assertRefused(hoa.token(), Problem.TOKEN_REVOKED);
        assertThat(access.officeFor(lan.token()).scope()).isEqualTo("TCCB");
    }

    @Test
    void the_register_is_read_at_most_once_per_half_minute_per_token() {
        OfficeCredentials.Issued hoa = credentials.issue("*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", Duration.ofDays(30));
        for (int second = 0; second < 30; second++) {
            clock.set(T0.plusSeconds(second));
            access.officeFor(hoa.token());
        }
        assertThat(register.finds.get()).isEqualTo(1);

        clock.set(T0.plusSeconds(30));
        access.officeFor(hoa.token());
        assertThat(register.finds.get()).isEqualTo(2);
    }

    @Test
    void a_clock_set_back_reads_the_record_again() {
        OfficeCredentials.Issued hoa = credentials.issue("*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", Duration.ofDays(30));
        access.officeFor(hoa.token());
        register.revoke(hoa.record().tokenId(), clock.instant());

        clock.set(T0.minusSeconds(1));

        assertRefused(hoa.token(), Problem.TOKEN_REVOKED);
    }

    @Test
    void a_signed_office_token_that_was_never_recorded_is_refused_as_revoked() {
        String unrecorded = tokens.mint(Capability.office("*", "hoa.nt", T0.plusSeconds(3600), "zzzzzzzzzzzzzzz2"));

        assertRefused(unrecorded, Problem.TOKEN_REVOKED);
    }

    @Test
    void an_office_token_from_before_the_register_has_no_id_and_is_invalid() {
        String withoutId = tokens.mint(new Capability(Capability.Kind.OFFICE, "*@hoa.nt", 1, T0.plusSeconds(3600), ""));

        assertRefused(withoutId, Problem.TOKEN_INVALID);
    }

    @Test
    void a_token_whose_signed_scope_differs_from_its_record_is_refused() {
        OfficeCredentials.Issued lan = credentials.issue("TCCB", "lan.pt", "Phạm Thị Lan — Phòng TCCB", Duration.ofDays(30));
        String wider = tokens.mint(Capability.office("*", "lan.pt", lan.record().expiresAt(), lan.record().tokenId()));

        assertRefused(wider, Problem.TOKEN_REVOKED);
    }

    @Test
    void a_school_link_is_the_wrong_kind_of_token_here() {
        assertRefused(tokens.mint(Capability.unit("thpt-tran-phu", 1, T0.plusSeconds(3600))), Problem.WRONG_TOKEN_KIND);
    }

    @Test
    void issuing_for_longer_than_ninety_days_records_nothing() {
        assertThatThrownBy(() -> credentials.issue("*", "hoa.nt", "Nguyễn Thị Hoa", Duration.ofDays(91)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90");
        assertThatThrownBy(() -> credentials.issue("*", "Hoa NT", "Nguyễn Thị Hoa", Duration.ofDays(1)))
                .as("an actor id that is not a lowercase name").isInstanceOf(IllegalArgumentException.class);
        assertThat(register.all()).isEmpty();
    }

    private void assertRefused(String token, Problem problem) {
        assertThatThrownBy(() -> access.officeFor(token)).isInstanceOfSatisfying(RequestRefused.class,
                refused -> assertThat(refused.problem()).isEqualTo(problem));
    }

}
