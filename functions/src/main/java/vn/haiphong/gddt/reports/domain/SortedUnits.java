package vn.haiphong.gddt.reports.domain;

import java.util.ArrayList;
import java.util.Comparator;
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
        record Keyed(Unit unit, String name) {
        }
        List<Keyed> keyed = new ArrayList<>(units.size());
        for (Unit unit : units) {
            keyed.add(new Keyed(unit, VietnameseOrder.key(unit.name())));
        }
        keyed.sort(Comparator.comparing((Keyed k) -> k.unit().category()).thenComparing(Keyed::name)
                .thenComparing(k -> k.unit().id()));
        return new SortedUnits(keyed.stream().map(Keyed::unit).toList());
    }
}
