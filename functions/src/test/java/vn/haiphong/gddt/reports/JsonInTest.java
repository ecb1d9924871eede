package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the strict reader refuses: each of these once became a 500 or a silently altered text. */
class JsonInTest {
    @Test
    void a_number_of_5000_digits_is_malformed_not_an_io_failure() {
        assertThatThrownBy(() -> JsonIn.parse("{\"size\":1" + "0".repeat(5000) + "}"))
                .isInstanceOf(JsonIn.Malformed.class);
    }

    @Test
    void a_whole_number_past_a_long_is_read_as_a_big_integer() {
        assertThat(JsonIn.parse("{\"size\":" + "9".repeat(30) + "}"))
                .isEqualTo(Map.of("size", new BigInteger("9".repeat(30))));
    }

    @Test
    void nesting_2000_deep_is_malformed() {
        assertThatThrownBy(() -> JsonIn.parse("[".repeat(2000) + "]".repeat(2000)))
                .isInstanceOf(JsonIn.Malformed.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_not_replaced() {
        byte[] latin1 = "{\"fileName\":\"Báo cáo.pdf\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> JsonIn.parse(latin1)).isInstanceOf(JsonIn.Malformed.class);
        assertThatThrownBy(() -> JsonIn.utf8(new byte[] {'"', (byte) 0xC3, '"'})).isInstanceOf(JsonIn.Malformed.class);
    }

    @Test
    void an_encoded_surrogate_in_utf8_bytes_is_refused() {
        // CESU-style bytes for U+D800: not UTF-8, though a lenient decoder lets them through.
        assertThatThrownBy(() -> JsonIn.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .isInstanceOf(JsonIn.Malformed.class);
    }

    @Test
    void a_lone_surrogate_in_the_text_is_refused_not_written_as_a_question_mark() {
        assertThatThrownBy(() -> JsonIn.parse("{\"fileName\":\"bc\uD800.pdf\"}")).isInstanceOf(JsonIn.Malformed.class);
    }

    @Test
    void a_lone_surrogate_escaped_in_a_value_or_a_name_is_refused() {
        assertThatThrownBy(() -> JsonIn.parse("{\"fileName\":\"bc\\ud800.pdf\"}")).isInstanceOf(JsonIn.Malformed.class);
        assertThatThrownBy(() -> JsonIn.parse("{\"\\udc00\":1}")).isInstanceOf(JsonIn.Malformed.class);
    }

    @Test
    void a_surrogate_pair_escaped_or_raw_is_one_character_and_kept() {
        assertThat(JsonIn.parse("[\"\\ud83d\\ude00\", \"\uD83D\uDE00\"]")).isEqualTo(java.util.List.of("😀", "😀"));
    }
}
