package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {
    /** Every character the quick path lets through. */
    private static final String PLAIN = passedThrough();
    /** Combining marks (Vietnamese tones and letter marks among them) and characters NFC changes. */
    private static final String OTHERS = "\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323\u0340\u0344\u1E9B\u2000\u2001\u20D0\u212B";

    @Test
    void every_character_let_through_without_the_normalizer_is_nfc_on_its_own() {
        for (char c : passedThrough().toCharArray()) {
            assertThat(Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFC)).as("U+%04X", (int) c).isTrue();
        }
    }

    @Test
    void random_text_of_those_characters_and_combining_marks_comes_out_as_the_normalizer_makes_it() {
        Random random = new Random(20261207);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                String from = random.nextInt(4) == 0 ? OTHERS : PLAIN;
                text.append(from.charAt(random.nextInt(from.length())));
            }
            String given = text.toString();
            assertThat(Text.nfc(given)).as("%s", given.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList())
                    .isEqualTo(Normalizer.normalize(given, Normalizer.Form.NFC));
        }
    }

    @Test
    void vietnamese_typed_with_combining_marks_is_composed() {
        assertThat(Text.nfc("Tru\u031Bo\u031B\u0300ng THPT \u0110o\u0302\u0300 So\u031Bn")).isEqualTo("Trường THPT Đồ Sơn");
        assertThat(Text.leftAsItIsByNfc("Tru\u031Bo\u031B\u0300ng")).isFalse();
    }

    @Test
    void vietnamese_typed_precomposed_is_left_as_it_is_without_the_normalizer() {
        String name = "Trường THPT Đồ Sơn – Hải Phòng, kỳ báo cáo 6 tháng đầu năm";

        assertThat(Text.leftAsItIsByNfc(name)).isTrue();
        assertThat(Text.nfc(name)).isSameAs(name);
    }

    @Test
    void other_scripts_and_symbols_still_go_through_the_normalizer() {
        assertThat(Text.leftAsItIsByNfc("Ω")).isFalse();
        assertThat(Text.nfc("a\u2000b")).isEqualTo("a\u2002b"); // an en quad is not NFC: an en space is
        assertThat(Text.nfc("\u212B")).isEqualTo("\u00C5"); // the Ångström sign is not NFC: Å is
        assertThat(Text.nfc(null)).isEmpty();
    }

    private static String passedThrough() {
        StringBuilder chars = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            chars.append(c);
        }
        for (char c = 0x1EA0; c <= 0x1EF9; c++) {
            chars.append(c);
        }
        for (char c = 0x2010; c <= 0x205E; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
