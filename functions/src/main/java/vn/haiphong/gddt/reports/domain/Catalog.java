package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The periodic reports and the plan's tasks, and the rule that turns them into obligations for any
 * year. The reports recur every year from the same named days; a task belongs to the year of its
 * plan. Both are data (see {@code CatalogFile}); this class only does the calendar.
 *
 * <p>Immutable, so each year's obligations are worked out once and kept (a function is asked about a
 * few years at most). Plain loops rather than streams: each lambda costs a class of its own the first
 * time it runs, on a function's cold start.
 */
public final class Catalog {
    private static final Pattern OBLIGATION_ID = Pattern.compile("([A-Z0-9_]{2,16}):(.+)");

    private final List<Report> reports;
    private final List<Task> tasks;
    private final CatalogSettings settings;
    private final Map<Integer, List<Obligation>> plannedByYear = new ConcurrentHashMap<>();

    public Catalog(List<Report> reports, List<Task> tasks, CatalogSettings settings) {
        this.reports = List.copyOf(reports);
        this.tasks = List.copyOf(tasks);
        this.settings = settings;
    }

    public CatalogSettings settings() {
        return settings;
    }

    /** The periodic reports (the tasks are {@link #tasks()}). */
    public List<Report> reports() {
        return reports;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public Optional<Report> report(String id) {
        for (Report report : reports) {
            if (report.id().equals(id)) {
                return Optional.of(report);
            }
        }
        for (Task task : tasks) {
            if (task.report().id().equals(id)) {
                return Optional.of(task.report());
            }
        }
        return Optional.empty();
    }

    public Obligation obligation(Report report, Period period) {
        MonthDay day = report.namedDays().get(period.kind());
        if (day == null) {
            throw new IllegalArgumentException(report.id() + " has no " + period.kind() + " period");
        }
        LocalDate namedDay = day.atYear(period.year());
        Instant due = settings.rule().dueInstant(namedDay).plus(settings.grace());
        return new Obligation(report, period, namedDay, withGrace(settings.rule().wording(namedDay), due),
                due.minus(settings.openBefore()), due, settings.lockAfter().map(due::plus));
    }

    /**
     * A task is open from the first day of its time frame and due at the end of the last one. One on
     * the city's calendar has no date of its own: its evidence is due by the end of the plan's year.
     */
    public Obligation obligation(Task task) {
        Period period = task.timeFrame().period();
        LocalDate lastDay = period.lastDay();
        Instant due = VietnamTime.startOf(lastDay.plusDays(1)).plus(settings.grace());
        String wording = task.timeFrame().text() + (task.timeFrame().cityCalendar()
                ? " (minh chứng nộp đến hết ngày " : " (hoàn thành đến hết ngày ") + VietnamTime.date(lastDay) + ")";
        return new Obligation(task.report(), period, lastDay, withGrace(wording, due),
                VietnamTime.startOf(period.firstDay()), due, settings.lockAfter().map(due::plus), Optional.of(task));
    }

    private String withGrace(String wording, Instant due) {
        return settings.grace().isZero() ? wording : wording + " (hệ thống nhận đến " + VietnamTime.dateTime(due) + ")";
    }

    /** {@code QCDC:2025-H1} or {@code NV03:2025-Q1-Q3} -> the obligation, or empty when there is no such thing. */
    public Optional<Obligation> find(String obligationId) {
        Matcher m = OBLIGATION_ID.matcher(obligationId == null ? "" : obligationId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Period> period = Period.parse(m.group(2));
        if (period.isEmpty()) {
            return Optional.empty();
        }
        String id = m.group(1);
        for (Report report : reports) {
            if (report.id().equals(id) && report.namedDays().containsKey(period.get().kind())) {
                return Optional.of(obligation(report, period.get()));
            }
        }
        for (Task task : tasks) {
            if (task.report().id().equals(id) && task.timeFrame().period().equals(period.get())) {
                return Optional.of(obligation(task));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether anyone owes it: not when it fell due before go-live. {@link #find} still finds such an
     * obligation, so that whatever was recorded for it stays readable under the same rules.
     */
    public boolean collects(Obligation obligation) {
        return settings.collects(obligation.due());
    }

    /** Every obligation of a year that falls due after go-live, reports and tasks, ordered by deadline. */
    public List<Obligation> obligationsOf(int year) {
        List<Obligation> collected = new ArrayList<>();
        for (Obligation o : planned(year)) {
            if (collects(o)) {
                collected.add(o);
            }
        }
        return List.copyOf(collected);
    }

    /**
     * Why a year shows fewer obligations than its plan, when it does: those due before go-live are
     * nobody's, since the system did not collect them.
     */
    public Optional<String> goLiveNote(int year) {
        if (settings.goLive().isEmpty()) {
            return Optional.empty();
        }
        for (Obligation o : planned(year)) {
            if (!collects(o)) {
                return Optional.of("Hệ thống nhận báo cáo từ ngày " + VietnamTime.date(settings.goLive().get())
                        + ": các báo cáo và nhiệm vụ có hạn nộp trước ngày đó không được tính cho đơn vị nào.");
            }
        }
        return Optional.empty();
    }

    /** The year's obligations, reports and tasks, ordered by deadline; worked out on first use. */
    private List<Obligation> planned(int year) {
        return plannedByYear.computeIfAbsent(year, this::plan);
    }

    private List<Obligation> plan(int year) {
        List<Obligation> all = new ArrayList<>();
        for (Report report : reports) {
            for (PeriodKind kind : report.namedDays().keySet()) {
                all.add(obligation(report, new Period(year, kind)));
            }
        }
        for (Task task : tasks) {
            if (task.timeFrame().period().year() == year) {
                all.add(obligation(task));
            }
        }
        all.sort(Comparator.comparing(Obligation::due).thenComparing(Obligation::id));
        return List.copyOf(all);
    }

    /** What this unit owes in these years, ordered by deadline. */
    public List<Obligation> owedBy(Unit unit, int... years) {
        List<Obligation> owed = new ArrayList<>();
        for (int year : years) {
            for (Obligation o : obligationsOf(year)) {
                if (o.owedBy(unit)) {
                    owed.add(o);
                }
            }
        }
        return owed;
    }

    /**
     * Decree 09/2019/NĐ-CP art. 8(5)(b): a unit needs at least one working day between the end of
     * the data window and its deadline. One line per periodic report of the year that leaves none.
     */
    public List<String> deadlineWarnings(int year, WorkingDays workingDays) {
        List<String> warnings = new ArrayList<>();
        for (Obligation o : obligationsOf(year)) {
            Optional<DataWindow> window = o.dataWindow();
            if (window.isEmpty()) {
                continue;
            }
            LocalDate lastOnTimeDay = VietnamTime.dateOf(o.due().minusNanos(1));
            boolean room = lastOnTimeDay.isAfter(window.get().to()) && window.get().to().plusDays(1)
                    .datesUntil(lastOnTimeDay.plusDays(1)).anyMatch(workingDays::isWorkingDay);
            if (!room) {
                warnings.add(o.id() + " (" + o.title() + "): hạn nộp " + o.dueWording() + " nhưng số liệu tính đến "
                        + VietnamTime.date(window.get().to()) + " — không còn ngày làm việc nào để tổng hợp"
                        + " (Nghị định 09/2019/NĐ-CP, điều 8, khoản 5, điểm b).");
            }
        }
        return warnings;
    }
}
