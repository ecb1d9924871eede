package vn.haiphong.gddt.reports.domain;

import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

/**
 * A periodic report (báo cáo định kỳ): what it is about, who receives it, which kinds of unit owe
 * it, and the day the plan names for each period.
 *
 * @param receiverCode the receiving department as an office token's scope names it (e.g. {@code TCCB})
 */
public record Report(String id, String subject, String receiver, String receiverCode, Set<UnitCategory> owedBy,
                     Map<PeriodKind, MonthDay> namedDays) {
    public Report {
        owedBy = Set.copyOf(owedBy);
        namedDays = Map.copyOf(namedDays);
    }

    /** "Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở". */
    public String title(PeriodKind kind) {
        return "Báo cáo " + kind.label() + " " + subject;
    }
}
