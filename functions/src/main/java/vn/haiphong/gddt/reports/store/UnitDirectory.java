package vn.haiphong.gddt.reports.store;

import java.util.List;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Unit;

/** The Office's list of units. */
public interface UnitDirectory {
    Optional<Unit> find(String unitId);

    List<Unit> all();

    /** Adds or updates name, category and e-mails; keeps the unit's token version (revocations survive). */
    void upsert(Unit unit);
}
