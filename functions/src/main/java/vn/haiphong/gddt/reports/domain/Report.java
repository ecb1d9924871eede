package vn.haiphong.gddt.reports.domain;

import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

/**
 * What a unit sends and who receives it: a periodic report of the catalog (with the day the plan
 * names for each period), or one of the plan's tasks (no named days; see {@link Task}).
 *
 * @param receiverCode the receiving department as an office token's scope names it (e.g. {@code TCCB})
 * @param owedBy       the kinds of unit that owe it
 * @param owedByUnits  single units that owe it whatever their kind (a task's lead department)
 */
public record Report(String id, String subject, String receiver, String receiverCode, Set<UnitCategory> owedBy,
                     Set<String> owedByUnits, Map<PeriodKind, MonthDay> namedDays, SignatureRule signature) {
    public Report {
        owedBy = Set.copyOf(owedBy);
        owedByUnits = Set.copyOf(owedByUnits);
        namedDays = Map.copyOf(namedDays);
        signature = signature == null ? SignatureRule.RECOMMENDED : signature;
    }

    public Report(String id, String subject, String receiver, String receiverCode, Set<UnitCategory> owedBy,
                  Set<String> owedByUnits, Map<PeriodKind, MonthDay> namedDays) {
        this(id, subject, receiver, receiverCode, owedBy, owedByUnits, namedDays, SignatureRule.RECOMMENDED);
    }

    public Report(String id, String subject, String receiver, String receiverCode, Set<UnitCategory> owedBy,
                  Map<PeriodKind, MonthDay> namedDays) {
        this(id, subject, receiver, receiverCode, owedBy, Set.of(), namedDays);
    }

    /** "Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở". */
    public String title(PeriodKind kind) {
        return "Báo cáo " + kind.label() + " " + subject;
    }

    public boolean owedBy(Unit unit) {
        return owedBy.contains(unit.category()) || owedByUnits.contains(unit.id());
    }
}
