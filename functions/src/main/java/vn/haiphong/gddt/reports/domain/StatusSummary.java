package vn.haiphong.gddt.reports.domain;

import java.util.Collection;

/**
 * Counts the Office pastes into its own report. {@code notDue} is NOT_OPEN plus OPEN; exempt units
 * are counted apart and are not expected.
 * completeness = (onTime + late) / expected, timeliness = onTime / expected, to three decimals.
 */
public record StatusSummary(int expected, int onTime, int late, int missing, int notDue, int exempt,
                            double completeness, double timeliness) {

    public static StatusSummary of(Collection<UnitStatus> rows) {
        int onTime = 0;
        int late = 0;
        int missing = 0;
        int notDue = 0;
        int exempt = 0;
        for (UnitStatus row : rows) {
            switch (row.state()) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MISSING -> missing++;
                case NOT_OPEN, OPEN -> notDue++;
                case EXEMPT -> exempt++;
            }
        }
        int expected = rows.size() - exempt;
        return new StatusSummary(expected, onTime, late, missing, notDue, exempt,
                ratio(onTime + late, expected), ratio(onTime, expected));
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
