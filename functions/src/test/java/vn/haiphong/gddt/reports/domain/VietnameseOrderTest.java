package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VietnameseOrderTest {
    private static List<String> sorted(List<String> names) {
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(Comparator.comparing(VietnameseOrder::key));
        return shuffled;
    }

    @Test
    void letters_follow_the_vietnamese_alphabet_with_its_own_letters_after_their_base() {
        List<String> alphabet = List.of("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "o", "ô", "ơ", "u", "ư", "y");

        assertThat(sorted(alphabet)).containsExactlyElementsOf(alphabet);
    }

    @Test
    void the_letters_decide_first_then_the_tones_in_dictionary_order() {
        List<String> tones = List.of("ma", "mà", "mả", "mã", "má", "mạ", "mac", "mác");

        assertThat(sorted(tones)).containsExactlyElementsOf(tones);
    }

    @Test
    void names_sort_word_by_word_as_a_directory_lists_them() {
        List<String> names = List.of("Trường THPT Ba Vì", "Trường THPT Bạch Đằng", "Trường THPT Dương Kinh",
                "Trường THPT Đồ Sơn", "Trường THPT Ngô Quyền", "Trường THPT Ông Ích Khiêm", "Trường THPT Ơn", "Trường THPT Uy",
                "Trường THPT Ưng");

        assertThat(sorted(names)).containsExactlyElementsOf(names);
    }

    @Test
    void case_only_breaks_ties_and_nfd_sorts_like_nfc() {
        String nfd = Normalizer.normalize("Đồ Sơn", Normalizer.Form.NFD);

        assertThat(VietnameseOrder.key(nfd)).isEqualTo(VietnameseOrder.key("Đồ Sơn"));
        assertThat(sorted(List.of("an dương", "An Dương", "An Dưỡng"))).containsExactly("an dương", "An Dương", "An Dưỡng");
    }
}
