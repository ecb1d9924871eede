package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("bench-cold --against: one build's cold start over another's, round by round")
class ColdComparisonTest {
    private static final double[] BEFORE = {1200, 1350, 1100, 1500, 1250, 1300, 1180, 1420, 1260, 1330};

    @Test
    void the_same_cold_starts_compare_as_one_with_no_room_either_way() {
        Map<String, Object> same = ColdComparison.of("GetMeFunction", BEFORE, BEFORE);

        assertThat(same).containsEntry("ratio", 1.0).containsEntry("low", 1.0).containsEntry("high", 1.0)
                .containsEntry("rounds", 10);
    }

    @Test
    void a_build_ten_per_cent_faster_in_every_round_shows_as_nine_tenths_however_much_the_rounds_differ() {
        double[] after = new double[BEFORE.length];
        for (int i = 0; i < after.length; i++) {
            after[i] = BEFORE[i] * 0.9;
        }

        Map<String, Object> faster = ColdComparison.of("RecordSubmissionFunction", after, BEFORE);

        assertThat(faster).containsEntry("ratio", 0.9).containsEntry("low", 0.9).containsEntry("high", 0.9);
        assertThat((double) faster.get("coldMs")).isEqualTo(1152.0);
        assertThat((double) faster.get("againstColdMs")).isEqualTo(1280.0);
    }

    @Test
    void rounds_that_go_either_way_give_an_interval_that_holds_one() {
        double[] after = new double[BEFORE.length];
        for (int i = 0; i < after.length; i++) {
            after[i] = BEFORE[i] * (i % 2 == 0 ? 0.95 : 1.05);
        }

        Map<String, Object> undecided = ColdComparison.of("GetStatusFunction", after, BEFORE);

        assertThat((double) undecided.get("low")).isLessThan(1.0).isGreaterThanOrEqualTo(0.95);
        assertThat((double) undecided.get("high")).isGreaterThan(1.0).isLessThanOrEqualTo(1.05);
    }

    @Test
    void a_function_and_its_twin_swap_places_every_other_round_and_a_subject_without_one_keeps_its_place() {
        List<String> subjects = List.of("baseline: SDK", "GetMeFunction", "GetMeFunction @against",
                "RecordSubmissionFunction", "RecordSubmissionFunction @against");

        assertThat(ColdComparison.inTurn(subjects, Function.identity(), 0)).isEqualTo(subjects);
        assertThat(ColdComparison.inTurn(subjects, Function.identity(), 1)).containsExactly("baseline: SDK",
                "GetMeFunction @against", "GetMeFunction", "RecordSubmissionFunction @against", "RecordSubmissionFunction");
        assertThat(ColdComparison.inTurn(subjects, Function.identity(), 2)).isEqualTo(subjects);
    }

    @Test
    void each_function_is_compared_with_its_own_twin_round_by_round_and_the_baselines_with_nothing() {
        Map<String, double[]> cold = new LinkedHashMap<>();
        cold.put("baseline: SDK", new double[] {1000, 1000});
        cold.put("GetMeFunction", new double[] {900, 1100});
        cold.put("GetMeFunction @against", new double[] {1000, 1000});
        cold.put("RecordSubmissionFunction", new double[] {1300, 1200});
        cold.put("RecordSubmissionFunction @against", new double[] {1300, 1200});

        List<Map<String, Object>> compared = ColdComparison.all(cold);

        assertThat(compared).extracting(c -> c.get("function")).containsExactly("GetMeFunction", "RecordSubmissionFunction");
        assertThat(compared.get(0)).containsEntry("ratio", 1.0).containsEntry("low", 0.9).containsEntry("high", 1.1);
        assertThat(compared.get(1)).containsEntry("ratio", 1.0).containsEntry("low", 1.0).containsEntry("high", 1.0);
    }

    @Test
    void series_of_different_rounds_cannot_be_compared() {
        assertThatThrownBy(() -> ColdComparison.of("GetMeFunction", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetMeFunction");
    }
}
