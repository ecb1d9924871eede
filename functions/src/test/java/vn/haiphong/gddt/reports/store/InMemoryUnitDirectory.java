package vn.haiphong.gddt.reports.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.haiphong.gddt.reports.domain.Unit;

/** The unit list in a sorted map (by id, as the partition's sort key orders it); checked against DynamoDB by {@code UnitDirectoryContractTest}. */
public final class InMemoryUnitDirectory implements UnitDirectory {
    private final Map<String, Unit> units = new TreeMap<>();

    public InMemoryUnitDirectory(Unit... units) {
        for (Unit unit : units) {
            upsert(unit);
        }
    }

    @Override
    public synchronized Optional<Unit> find(String unitId) {
        return Unit.validId(unitId) ? Optional.ofNullable(units.get(unitId)) : Optional.empty();
    }

    @Override
    public synchronized List<Unit> all() {
        return List.copyOf(units.values());
    }

    /** Keeps the token version already stored, as the table's {@code if_not_exists} does. */
    @Override
    public synchronized void upsert(Unit unit) {
        Unit stored = units.get(unit.id());
        units.put(unit.id(), stored == null ? unit : new Unit(unit.id(), unit.name(), unit.category(), unit.emails(),
                stored.tokenVersion(), unit.activeFrom(), unit.activeUntil()));
    }
}
