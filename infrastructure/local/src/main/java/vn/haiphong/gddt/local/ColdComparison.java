package vn.haiphong.gddt.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * One function's cold start in this build over another build's ({@code bench-cold --against}), from
 * the two JVMs of each round, which ran one right after the other: the median of those per-round
 * ratios, and a 90 % bootstrap interval around it (the rounds resampled with replacement). Two separate
 * runs here differ by up to 0.14 in a ratio (docs/benchmarks.md); a change of a few per cent shows only
 * against its own "before" in the same rounds, and only when the interval leaves out 1.
 */
final class ColdComparison {
    /** How a function run from the {@code --against} build is named: its own name and this. */
    static final String AGAINST = " @against";
    private static final int RESAMPLES = 2_000;

    private ColdComparison() {
    }

    /**
     * The order of one round: a subject and its twin (named as it, and {@link #AGAINST}, right after it) swap
     * places every other round, so that going first or second (a JVM just ended, the page cache) falls on
     * both builds alike.
     */
    static <T> List<T> inTurn(List<T> subjects, Function<T, String> name, int round) {
        List<T> order = new ArrayList<>(subjects);
        if (round % 2 == 1) {
            for (int i = 0; i + 1 < order.size(); i++) {
                if (name.apply(order.get(i + 1)).equals(name.apply(order.get(i)) + AGAINST)) {
                    Collections.swap(order, i, i + 1);
                    i++;
                }
            }
        }
        return order;
    }

    /**
     * Every subject that has a twin, compared with it.
     *
     * @param cold each subject's cold starts by name, one per kept round, in round order
     */
    static List<Map<String, Object>> all(Map<String, double[]> cold) {
        List<Map<String, Object>> compared = new ArrayList<>();
        cold.forEach((name, mine) -> {
            double[] theirs = cold.get(name + AGAINST);
            if (theirs != null) {
                compared.add(of(name, mine, theirs));
            }
        });
        return compared;
    }

    /**
     * @param mine   this build's cold starts, one per round
     * @param theirs the other build's, the same rounds in the same order
     */
    static Map<String, Object> of(String function, double[] mine, double[] theirs) {
        if (mine.length != theirs.length || mine.length == 0) {
            throw new IllegalArgumentException(function + ": " + mine.length + " rounds against " + theirs.length);
        }
        double[] ratios = new double[mine.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = mine[i] / theirs[i];
        }
        // Seeded: the same samples print the same interval.
        Random random = new Random(1);
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[ratios.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < resample.length; i++) {
                resample[i] = ratios[random.nextInt(ratios.length)];
            }
            medians[r] = median(resample);
        }
        Arrays.sort(medians);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("function", function);
        result.put("rounds", ratios.length);
        result.put("ratio", round(median(ratios)));
        result.put("low", round(medians[(int) (0.05 * (RESAMPLES - 1))]));
        result.put("high", round(medians[(int) Math.ceil(0.95 * (RESAMPLES - 1))]));
        result.put("coldMs", round(median(mine)));
        result.put("againstColdMs", round(median(theirs)));
        return result;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
