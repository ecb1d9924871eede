package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;
import static vn.haiphong.gddt.reports.domain.StatusFixtures.unit;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The order of the rows: the plan's order of categories, then the names as Vietnamese sorts them.
 * Expected orders are written out by hand, never computed with a Collator.
 */
@DisplayName("The order of the units in a status")
class StatusOrderTest {
    private static final Obligation O = StatusFixtures.qcdcH1();
    private static final Instant AS_OF = vn(2025, 6, 11, 8, 0, 0);

    /** Builds one unit per name (ids in input order), lists them in a shuffled order, returns the names listed. */
    private static List<String> listedNames(UnitCategory category, List<String> names, long shuffleSeed) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            units.add(unit("don-vi-" + i, names.get(i), category));
        }
        Collections.shuffle(units, new Random(shuffleSeed));
        return ObligationStatus.of(O, units, List.of(), List.of(), AS_OF).units().stream()
                .map(r -> r.unit().name()).toList();
    }

    private static void assertListedInThisOrder(UnitCategory category, String... expected) {
        List<String> names = List.of(expected);
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(listedNames(category, names, seed)).as("shuffled with seed %d", seed).containsExactly(expected);
        }
    }

    @Test
    void categories_come_in_the_plans_order_whatever_order_the_units_are_given_in() {
        List<Unit> units = new ArrayList<>(List.of(
                unit("truc-thuoc-1", "A Trung tâm", UnitCategory.TRUC_THUOC),
                unit("gdnn-1", "A Trung tâm GDNN-GDTX", UnitCategory.GDNN_GDTX),
                unit("pt-1", "A Trường nhiều cấp", UnitCategory.PT_NHIEU_CAP),
                unit("thpt-1", "A Trường THPT", UnitCategory.THPT),
                unit("phong-gddt-1", "Z Phòng GDĐT", UnitCategory.PHONG_GDDT),
                unit("phong-so-1", "Z Phòng Sở", UnitCategory.PHONG_SO)));
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(units, new Random(seed));

            List<UnitCategory> listed = ObligationStatus.of(O, units, List.of(), List.of(), AS_OF).units().stream()
                    .map(r -> r.unit().category()).toList();

            assertThat(listed).containsExactly(UnitCategory.PHONG_SO, UnitCategory.PHONG_GDDT, UnitCategory.THPT,
                    UnitCategory.PT_NHIEU_CAP, UnitCategory.GDNN_GDTX, UnitCategory.TRUC_THUOC);
        }
    }

    @Test
    void the_category_comes_before_the_name() {
        List<Unit> units = List.of(
                unit("thpt-an-duong", "Trường THPT An Dương", UnitCategory.THPT),
                unit("phong-gddt-vinh-bao", "Phòng GDĐT huyện Vĩnh Bảo", UnitCategory.PHONG_GDDT),
                unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO));

        assertThat(ObligationStatus.of(O, units, List.of(), List.of(), AS_OF).units())
                .extracting(r -> r.unit().id())
                .containsExactly("van-phong-so", "phong-gddt-vinh-bao", "thpt-an-duong");
    }

    @Test
    void a_comes_before_a_breve_before_a_circumflex_before_b() {
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT An Dương", "Trường THPT Ăng Ka", "Trường THPT Âu Cơ", "Trường THPT Bạch Đằng");
    }

    @Test
    void an_dương_comes_before_âu_cơ_although_â_looks_like_a_with_a_hat() {
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT An Dương", "Trường THPT Âu Cơ");
    }

    @Test
    void đ_is_its_own_letter_after_every_d_and_before_e() {
        assertListedInThisOrder(UnitCategory.PHONG_GDDT,
                "Phòng GDĐT quận Dương Kinh", "Phòng GDĐT quận Đồ Sơn", "Phòng GDĐT quận Eakar");
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Duy Tân", "Trường THPT Dzũng", "Trường THPT Đa Phúc", "Trường THPT Đồ Sơn");
    }

    @Test
    void đồ_sơn_comes_after_dương_kinh_although_ồ_sorts_before_ư() {
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Dương Kinh", "Trường THPT Đồ Sơn");
    }

    @Test
    void e_comes_before_ê_o_before_ô_before_ơ_and_u_before_ư() {
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Eakar", "Trường THPT Êa Súp", "Trường THPT Ông Ích Khiêm", "Trường THPT Ơn Trời");
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Ông Ích Khiêm", "Trường THPT Ơn Trời");
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Uông Bí", "Trường THPT Ưng Hòa", "Trường THPT Vĩnh Bảo");
    }

    @Test
    void a_tone_mark_sorts_after_the_bare_letter_in_the_order_ngang_huyền_hỏi_ngã_sắc_nặng() {
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Ma", "Trường THPT Mà", "Trường THPT Mả", "Trường THPT Mã", "Trường THPT Má",
                "Trường THPT Mạ");
    }

    @Test
    void on_ê_and_ô_too_the_tones_come_in_the_order_ngang_huyền_hỏi_ngã_sắc_nặng() {
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Lê", "Trường THPT Lề", "Trường THPT Lể", "Trường THPT Lễ", "Trường THPT Lế",
                "Trường THPT Lệ");
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Cô", "Trường THPT Cồ", "Trường THPT Cổ", "Trường THPT Cỗ", "Trường THPT Cố",
                "Trường THPT Cộ");
    }

    @Test
    void on_ă_and_â_too_the_tones_come_in_the_order_ngang_huyền_hỏi_ngã_sắc_nặng() {
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Dăm", "Trường THPT Dằm", "Trường THPT Dẳm", "Trường THPT Dẵm", "Trường THPT Dắm",
                "Trường THPT Dặm");
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT Dân", "Trường THPT Dần", "Trường THPT Dẩn", "Trường THPT Dẫn", "Trường THPT Dấn",
                "Trường THPT Dận");
    }

    @Test
    void a_nặng_tone_does_not_change_the_letter_under_it_đào_duy_từ_before_đặng_thai_mai() {
        // a < ă: the dot under ặ is a tone, the breve makes the letter
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Đào Duy Từ", "Trường THPT Đặng Thai Mai");
    }

    @Test
    void a_nặng_tone_does_not_change_the_letter_under_it_cổ_loa_before_cộng_hiền() {
        // "Cổ" and "Cộng" both start c-ô; "Cổ" is the shorter word
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Cổ Loa", "Trường THPT Cộng Hiền");
    }

    @Test
    void a_nặng_tone_does_not_change_the_letter_under_it_viên_before_việt() {
        // v-i-ê-n before v-i-ê-t: n before t; the tone of ệ only matters when the letters tie
        assertListedInThisOrder(UnitCategory.TRUC_THUOC, "Trung tâm Viên Chức", "Trung tâm Việt Đức");
    }

    @Test
    void a_later_letter_outweighs_an_earlier_tone() {
        // "Cát Bà" and "Cát Hải": b before h decides, the tones do not
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Cát Bà", "Trường THPT Cát Hải");
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Hải An", "Trường THPT Hồng Bàng",
                "Trường THPT Hùng Thắng");
    }

    @Test
    void upper_and_lower_case_do_not_change_the_order_of_different_names() {
        assertListedInThisOrder(UnitCategory.TRUC_THUOC, "trung tâm An Lão", "Trung tâm Bạch Long", "trung tâm Cát Hải");
    }

    @Test
    void a_name_typed_decomposed_sorts_like_the_same_name_typed_precomposed() {
        String decomposed = Normalizer.normalize("Trường THPT Đồ Sơn", Normalizer.Form.NFD);
        List<Unit> units = List.of(
                unit("thpt-dinh-tien-hoang", "Trường THPT Đinh Tiên Hoàng", UnitCategory.THPT),
                unit("thpt-do-son", decomposed, UnitCategory.THPT),
                unit("thpt-duong-kinh", "Trường THPT Dương Kinh", UnitCategory.THPT));

        assertThat(ObligationStatus.of(O, units, List.of(), List.of(), AS_OF).units())
                .extracting(r -> r.unit().id())
                .containsExactly("thpt-duong-kinh", "thpt-dinh-tien-hoang", "thpt-do-son");
    }

    @Test
    void units_with_the_same_name_are_listed_by_id_whatever_order_they_are_given_in() {
        List<Unit> units = new ArrayList<>(IntStream.rangeClosed(1, 6)
                .mapToObj(i -> unit("truong-" + i, "Trường THPT Trần Phú", UnitCategory.THPT)).toList());
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(units, new Random(seed));

            assertThat(ObligationStatus.of(O, units, List.of(), List.of(), AS_OF).units())
                    .extracting(r -> r.unit().id())
                    .containsExactly("truong-1", "truong-2", "truong-3", "truong-4", "truong-5", "truong-6");
        }
    }

    @Test
    void the_office_sees_the_seed_schools_in_dictionary_order() {
        assertListedInThisOrder(UnitCategory.THPT,
                "Trường THPT An Dương", "Trường THPT An Hải", "Trường THPT An Lão", "Trường THPT Bạch Đằng",
                "Trường THPT Cát Bà", "Trường THPT Cát Hải", "Trường THPT Cộng Hiền", "Trường THPT Hải An",
                "Trường THPT Kiến An", "Trường THPT Kiến Thụy", "Trường THPT Lê Hồng Phong",
                "Trường THPT Lê Ích Mộc", "Trường THPT Lê Quý Đôn", "Trường THPT Lý Thường Kiệt",
                "Trường THPT Mạc Đĩnh Chi", "Trường THPT Nam Triệu", "Trường THPT Ngô Quyền",
                "Trường THPT Nguyễn Đức Cảnh", "Trường THPT Nguyễn Khuyến", "Trường THPT Nguyễn Trãi",
                "Trường THPT Phạm Ngũ Lão", "Trường THPT Phan Đăng Lưu", "Trường THPT Quang Trung",
                "Trường THPT Thái Phiên", "Trường THPT Tiên Lãng", "Trường THPT Trần Phú", "Trường THPT Vĩnh Bảo");
    }

    /**
     * Vietnamese is sorted syllable by syllable: "Đồ" and everything that starts with the word "Đồ"
     * come before "Đồng" (dictionaries, CLDR/ICU's vi collation, spreadsheets all agree). Both
     * schools are in {@code infrastructure/seed/units.csv}.
     */
    @Test
    void a_name_whose_word_is_a_prefix_of_anothers_comes_first_đồ_sơn_before_đồng_hòa() {
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Đồ Sơn", "Trường THPT Đồng Hòa");
    }

    @Test
    void a_space_separates_words_tô_vĩnh_diện_before_tôn_đức_thắng() {
        assertListedInThisOrder(UnitCategory.THPT, "Trường THPT Tô Hiệu", "Trường THPT Tô Vĩnh Diện",
                "Trường THPT Tôn Đức Thắng");
    }
}
