package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An extension (gia hạn) and when it is in force")
class ExtensionTest {
    private static final Instant UNTIL = vn(2025, 6, 20, 0, 0, 0);
    private static final Instant GRANTED = vn(2025, 6, 9, 14, 30, 0);
    private static final Instant REVOKED = vn(2025, 6, 12, 8, 0, 0);

    private static Extension granted() {
        return StatusFixtures.extension("thpt-tran-phu", UNTIL, GRANTED);
    }

    private static Extension revoked() {
        return StatusFixtures.revoked("thpt-tran-phu", UNTIL, GRANTED, REVOKED);
    }

    @Test
    void it_is_not_in_force_before_it_was_granted() {
        assertThat(granted().inForceAt(GRANTED.minusNanos(1))).isFalse();
        assertThat(revoked().inForceAt(GRANTED.minusNanos(1))).isFalse();
    }

    @Test
    void it_is_in_force_from_the_instant_it_was_granted() {
        assertThat(granted().inForceAt(GRANTED)).isTrue();
        assertThat(revoked().inForceAt(GRANTED)).isTrue();
    }

    @Test
    void an_extension_never_revoked_stays_in_force_even_after_its_own_deadline() {
        // it still tells which deadline applied to the unit
        assertThat(granted().inForceAt(UNTIL.plusSeconds(86_400L * 365))).isTrue();
    }

    @Test
    void a_revoked_extension_is_in_force_until_just_before_it_was_revoked() {
        assertThat(revoked().inForceAt(REVOKED.minusNanos(1))).isTrue();
    }

    @Test
    void a_revoked_extension_is_not_in_force_from_the_instant_it_was_revoked_on() {
        assertThat(revoked().inForceAt(REVOKED)).isFalse();
        assertThat(revoked().inForceAt(UNTIL.plusSeconds(1))).isFalse();
    }

    @Test
    void an_extension_revoked_the_instant_it_was_granted_is_never_in_force() {
        Extension e = StatusFixtures.revoked("thpt-tran-phu", UNTIL, GRANTED, GRANTED);

        assertThat(e.inForceAt(GRANTED.minusNanos(1))).isFalse();
        assertThat(e.inForceAt(GRANTED)).isFalse();
        assertThat(e.inForceAt(GRANTED.plusSeconds(1))).isFalse();
    }

    @Test
    void missing_revocation_fields_read_as_not_revoked() {
        Extension e = new Extension("QCDC:2025-H1", "thpt-tran-phu", UNTIL, "Mất điện", new Actor("van-phong-so", "Văn phòng Sở"), GRANTED,
                null, null);

        assertThat(e.revokedAt()).isEmpty();
        assertThat(e.revokedBy()).isEmpty();
        assertThat(e.inForceAt(GRANTED.plusSeconds(1))).isTrue();
    }

    @Test
    void the_reason_is_normalised_to_nfc_and_stripped() {
        String decomposed = Normalizer.normalize("  Trường mất điện do bão  ", Normalizer.Form.NFD);

        Extension e = new Extension("QCDC:2025-H1", "thpt-tran-phu", UNTIL, decomposed, new Actor("van-phong-so", "Văn phòng Sở"), GRANTED,
                Optional.empty(), Optional.empty());

        assertThat(e.reason()).isEqualTo("Trường mất điện do bão");
    }

    @Test
    void an_extension_needs_a_deadline_and_a_grant_instant() {
        assertThatNullPointerException().isThrownBy(() -> new Extension("QCDC:2025-H1", "thpt-tran-phu", null,
                "Mất điện", new Actor("van-phong-so", "Văn phòng Sở"), GRANTED, Optional.empty(), Optional.empty())).withMessageContaining("until");
        assertThatNullPointerException().isThrownBy(() -> new Extension("QCDC:2025-H1", "thpt-tran-phu", UNTIL,
                "Mất điện", new Actor("van-phong-so", "Văn phòng Sở"), null, Optional.empty(), Optional.empty()))
                .withMessageContaining("grantedAt");
    }
}
