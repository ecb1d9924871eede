package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports of the plan and the rule that turns them into obligations for any year.
 *
 * <p>Section III.2 of the plan ("Các đơn vị giáo dục") sets both reports for every education
 * unit; the Sở's own departments (PHONG_SO) lead the plan and are evaluated instead, so they owe
 * neither.
 */
public final class Catalog {
    private static final Pattern OBLIGATION_ID = Pattern.compile("([A-Z0-9_]{2,16}):(.+)");
    private static final Set<UnitCategory> EDUCATION_UNITS = EnumSet.complementOf(EnumSet.of(UnitCategory.PHONG_SO));

    public static final Report QCDC = new Report("QCDC",
            "kết quả thực hiện quy chế dân chủ ở cơ sở", "Phòng Tổ chức cán bộ", "TCCB", EDUCATION_UNITS,
            Map.of(PeriodKind.H1, MonthDay.of(Month.JUNE, 10), PeriodKind.YEAR, MonthDay.of(Month.DECEMBER, 5)));
    public static final Report DVCQ = new Report("DVCQ",
            "kết quả thực hiện công tác dân vận của chính quyền", "Văn phòng Sở", "VP", EDUCATION_UNITS,
            Map.of(PeriodKind.H1, MonthDay.of(Month.JUNE, 15), PeriodKind.YEAR, MonthDay.of(Month.DECEMBER, 10)));

    private final List<Report> reports;
    private final CatalogSettings settings;

    public Catalog(List<Report> reports, CatalogSettings settings) {
        this.reports = List.copyOf(reports);
        this.settings = settings;
    }

    public static Catalog standard(CatalogSettings settings) {
        return new Catalog(List.of(QCDC, DVCQ), settings);
    }

    public CatalogSettings settings() {
        return settings;
    }

    public List<Report> reports() {
        return reports;
    }

    public Obligation obligation(Report report, Period period) {
        MonthDay day = report.namedDays().get(period.kind());
        if (day == null) {
            throw new IllegalArgumentException(report.id() + " has no " + period.kind() + " period");
        }
        LocalDate namedDay = day.atYear(period.year());
        Instant due = settings.rule().dueInstant(namedDay).plus(settings.grace());
        String wording = settings.rule().wording(namedDay);
        if (!settings.grace().isZero()) {
            wording += " (hệ thống nhận đến " + VietnamTime.dateTime(due) + ")";
        }
        return new Obligation(report, period, namedDay, wording,
                due.minus(settings.openBefore()), due, settings.lockAfter().map(due::plus));
    }

    /** {@code QCDC:2025-H1} -> the obligation, or empty when no such report or period exists. */
    public Optional<Obligation> find(String obligationId) {
        Matcher m = OBLIGATION_ID.matcher(obligationId == null ? "" : obligationId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Period> period = Period.parse(m.group(2));
        return reports.stream()
                .filter(r -> r.id().equals(m.group(1)))
                .filter(r -> period.isPresent() && r.namedDays().containsKey(period.get().kind()))
                .findFirst()
                .map(r -> obligation(r, period.get()));
    }

    /** Every obligation of a year, ordered by deadline. */
    public List<Obligation> obligationsOf(int year) {
        List<Obligation> all = new ArrayList<>();
        for (Report report : reports) {
            for (PeriodKind kind : report.namedDays().keySet()) {
                all.add(obligation(report, new Period(year, kind)));
            }
        }
        all.sort((a, b) -> a.due().compareTo(b.due()));
        return all;
    }

    /** What a unit of this category owes in these years, ordered by deadline. */
    public List<Obligation> owedBy(UnitCategory category, int... years) {
        List<Obligation> owed = new ArrayList<>();
        for (int year : years) {
            obligationsOf(year).stream().filter(o -> o.owedBy(category)).forEach(owed::add);
        }
        return owed;
    }
}
