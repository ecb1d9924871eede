package vn.haiphong.gddt.reports.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Units in the order the Office reads them: category in the plan's order, then name as Vietnamese
 * is sorted (Đ after D, tones after the bare letter; see {@link VietnameseOrder}), then id. A unit
 * list is sorted once and then serves every obligation.
 */
public final class SortedUnits {
    private final List<Unit> units;

    private SortedUnits(List<Unit> units) {
        this.units = List.copyOf(units);
    }

    public List<Unit> units() {
        return units;
    }

    public static SortedUnits of(List<Unit> units) {
        record Keyed(Unit unit, String name) implements Comparable<Keyed> {
            @Override
            public int compareTo(Keyed other) {
                int byCategory = unit.category().compareTo(other.unit.category());
                if (byCategory != 0) {
                    return byCategory;
                }
                int byName = name.compareTo(other.name);
                return byName != 0 ? byName : unit.id().compareTo(other.unit.id());
            }
        }
        List<Keyed> keyed = new ArrayList<>(units.size());
        for (Unit unit : units) {
            keyed.add(new Keyed(unit, VietnameseOrder.key(unit.name())));
        }
        keyed.sort(null);
        List<Unit> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.unit());
        }
        return new SortedUnits(sorted);
    }
}
