package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfficeTokenTest {
    private static final Instant NOW = Instant.parse("2025-06-11T01:00:00Z");
    private static final String ID = "vp7hoa2lan3an4bc";

    @Test
    void a_token_lives_at_most_ninety_days() {
        assertThat(OfficeToken.issue(ID, "*", "hoa.nt", "Nguyễn Thị Hoa", NOW, Duration.ofDays(90)).expiresAt())
                .isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeToken.issue(ID, "*", "hoa.nt", "Nguyễn Thị Hoa", NOW,
                Duration.ofDays(90).plusSeconds(1))).withMessageContaining("tối đa 90 ngày");
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeToken.issue(ID, "*", "hoa.nt", "Nguyễn Thị Hoa", NOW,
                Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Nguyễn Thị Hoa\nVăn phòng", "\u0007"})
    void a_display_name_people_could_not_read_on_one_line_is_refused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeToken.issue(ID, "*", "hoa.nt", name, NOW, Duration.ofDays(1)))
                .withMessageContaining("tên hiển thị");
    }

    @Test
    void a_display_name_is_kept_in_nfc_and_at_most_120_characters() {
        String nfd = Normalizer.normalize("  Nguyễn Thị Hoa — Văn phòng ", Normalizer.Form.NFD);

        assertThat(OfficeToken.issue(ID, "*", "hoa.nt", nfd, NOW, Duration.ofDays(1)).displayName())
                .isEqualTo("Nguyễn Thị Hoa — Văn phòng");
        assertThat(OfficeToken.issue(ID, "*", "hoa.nt", "ơ".repeat(120), NOW, Duration.ofDays(1)).displayName()).hasSize(120);
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeToken.issue(ID, "*", "hoa.nt", "ơ".repeat(121), NOW,
                Duration.ofDays(1)));
    }

    @Test
    void a_token_id_is_sixteen_base32_characters() {
        assertThat(OfficeToken.validId(ID)).isTrue();
        assertThat(OfficeToken.validId("VP7HOA2LAN3AN4BC")).isFalse();
        assertThat(OfficeToken.validId("vp7hoa2lan3an4b")).isFalse();
        assertThat(OfficeToken.validId("vp7hoa2lan3an4b1")).as("1 is not base32").isFalse();
        assertThat(OfficeToken.validId(null)).isFalse();
    }

    @Test
    void an_actor_without_a_recorded_name_is_shown_by_id() {
        assertThat(new Actor("van-phong-so", null).name()).isEqualTo("van-phong-so");
        assertThat(new Actor("van-phong-so", " ").name()).isEqualTo("van-phong-so");
    }
}
