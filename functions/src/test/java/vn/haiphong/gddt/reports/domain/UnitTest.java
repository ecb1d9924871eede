package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A reporting unit")
class UnitTest {
    private static final List<String> EMAILS = List.of("vanthu@thpt-tran-phu.example.edu.vn");

    private static Unit unit(String id, String name, List<String> emails) {
        return new Unit(id, name, UnitCategory.THPT, emails, 1);
    }

    @Test
    void a_well_formed_unit_is_accepted_as_given() {
        Unit u = new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
                List.of("a@example.edu.vn", "b.c+d@sub.example.edu.vn"), 2);

        assertThat(u.id()).isEqualTo("thpt-tran-phu");
        assertThat(u.name()).isEqualTo("Trường THPT Trần Phú");
        assertThat(u.category()).isEqualTo(UnitCategory.THPT);
        assertThat(u.emails()).containsExactly("a@example.edu.vn", "b.c+d@sub.example.edu.vn");
        assertThat(u.tokenVersion()).isEqualTo(2);
    }

    @Test
    void the_name_is_normalised_to_nfc_and_stripped() {
        String nfd = Normalizer.normalize("  Trường THPT Lê Quý Đôn ", Normalizer.Form.NFD);

        Unit u = unit("thpt-le-quy-don", nfd, EMAILS);

        assertThat(u.name()).isEqualTo(Normalizer.normalize("Trường THPT Lê Quý Đôn", Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(u.name(), Normalizer.Form.NFC)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is a valid id")
    @ValueSource(strings = {"a", "thpt-tran-phu", "phong-gddt-thuy-nguyen", "thpt-so-1", "2025", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void lowercase_slugs_up_to_64_characters_are_valid_ids(String id) {
        assertThat(unit(id, "Đơn vị", EMAILS).id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {
        " ", "THPT-Tran-Phu", "thpt_tran_phu", "thpt tran phu", "-thpt", "thpt-", "thpt--tran", "trường",
        "thpt.tran", "../thpt", "thpt/tran", " thpt", "thpt\n",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", // 65
    })
    void an_invalid_id_is_refused(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> unit(id, "Đơn vị", EMAILS));
        assertThat(Unit.validId(id)).isFalse();
    }

    @ParameterizedTest(name = "name \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "\u2003"})
    void a_blank_name_is_refused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> unit("thpt-tran-phu", name, EMAILS));
    }

    @ParameterizedTest(name = "e-mail \"{0}\" is refused")
    @ValueSource(strings = {
        "", " ", "vanthu", "vanthu@", "@example.edu.vn", "vanthu@example", "a@@example.edu.vn",
        "van thu@example.edu.vn", "a@example.edu.vn;b@example.edu.vn", "a@example.edu.vn,b@example.edu.vn",
        "a@example.edu.vn ", "Văn Thư <a@example.edu.vn>",
    })
    void a_bad_e_mail_is_refused(String email) {
        assertThatIllegalArgumentException().isThrownBy(() -> unit("thpt-tran-phu", "Đơn vị", List.of(email)));
        assertThat(Unit.validEmail(email)).isFalse();
    }

    @Test
    void one_bad_e_mail_among_good_ones_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> unit("thpt-tran-phu", "Đơn vị", List.of("a@example.edu.vn", "not-an-address")));
    }

    @Test
    void an_e_mail_longer_than_254_characters_is_refused() {
        String tooLong = "a".repeat(64) + "@" + "b".repeat(187) + ".vn";
        assertThat(tooLong).hasSize(255);

        assertThatIllegalArgumentException().isThrownBy(() -> unit("thpt-tran-phu", "Đơn vị", List.of(tooLong)));
    }

    @Test
    void a_unit_without_an_e_mail_yet_is_allowed_but_a_missing_list_is_not() {
        assertThat(unit("thpt-tran-phu", "Đơn vị", List.of()).emails()).as("a unit without an address yet is allowed").isEmpty();
        assertThatThrownBy(() -> unit("thpt-tran-phu", "Đơn vị", null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_token_version_below_one_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Unit("thpt-tran-phu", "Đơn vị", UnitCategory.THPT, EMAILS, 0));
    }

    @Test
    void a_unit_without_a_category_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> new Unit("thpt-tran-phu", "Đơn vị", null, EMAILS, 1));
    }

    @Test
    void the_e_mail_list_is_the_units_own_copy() {
        List<String> emails = new ArrayList<>(EMAILS);
        Unit u = unit("thpt-tran-phu", "Đơn vị", emails);

        emails.add("someone-else@example.edu.vn");

        assertThat(u.emails()).containsExactlyElementsOf(EMAILS);
        assertThatThrownBy(() -> u.emails().add("x@example.edu.vn")).isInstanceOf(UnsupportedOperationException.class);
    }
}
