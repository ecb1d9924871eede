package vn.haiphong.gddt.reports.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.haiphong.gddt.reports.domain.DataWindow;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.SignatureCounts;
import vn.haiphong.gddt.reports.domain.SignatureRule;
import vn.haiphong.gddt.reports.domain.StatusSummary;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Task;
import vn.haiphong.gddt.reports.domain.UnitStatus;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * The status document of API.md, field for field; its JSON Schema is docs/api/status.schema.json.
 * The periodic reports are under {@code obligations}, the plan's tasks under {@code tasks}.
 *
 * @param goLive the day the system started collecting (YYYY-MM-DD), null when none is set: the
 *               dashboard offers no year before it
 * @param note   why the year has fewer obligations than its plan (those due before go-live), else null
 * @param states every state's words and meaning, in the order a legend lists them: pages take their
 *               wording from here, never from their own code
 *
 * <p>Built with plain loops and {@code isPresent()} rather than streams and {@code Optional.map}: this
 * runs for every row of a status, and each lambda costs a class of its own the first time it runs, on
 * a function's cold start.
 */
public record StatusDocument(String generatedAt, String asOf, List<ObligationView> obligations, List<ObligationView> tasks,
                             String goLive, String note, List<StateView> states) {
    private static final List<StateView> STATES = states(ObligationState.ON_TIME, ObligationState.LATE,
            ObligationState.MISSING, ObligationState.OPEN, ObligationState.NOT_OPEN, ObligationState.EXEMPT);

    public record StateView(String state, String text, String meaning) {
    }

    /** @param dataWindow a report's Decree 09 window; null for a task. @param task null for a report */
    public record ObligationView(String obligation, String report, String period, String periodText, String title, String receiver,
                                 String due, String dueText, DataWindowView dataWindow, TaskView task,
                                 SummaryView summary, List<UnitView> units) {
    }

    /** Dates as ISO days ({@code 2024-12-15}); {@code text} as the school reads it. */
    public record DataWindowView(String from, String to, String text) {
        static DataWindowView of(DataWindow w) {
            return new DataWindowView(w.from().toString(), w.to().toString(), w.text());
        }
    }

    /** A task as the plan writes it: lead and coordinating units, and its time frame in the plan's words. */
    public record TaskView(int number, String content, String lead, String coordinating, String timeFrame,
                           boolean cityCalendar) {
        static TaskView of(Task t) {
            return new TaskView(t.number(), t.content(), t.lead(), t.coordinating(), t.timeFrame().text(),
                    t.timeFrame().cityCalendar());
        }
    }

    public record SummaryView(int expected, int onTime, int late, int missing, int notDue, int exempt,
                              double completeness, double timeliness, Map<String, CategoryView> byCategory,
                              int signed, int unsigned) {
    }

    public record CategoryView(int expected, int onTime, int late, int missing, int notDue, int exempt,
                               double completeness, double timeliness) {
        static CategoryView of(StatusSummary s) {
            return new CategoryView(s.expected(), s.onTime(), s.late(), s.missing(), s.notDue(), s.exempt(),
                    s.completeness(), s.timeliness());
        }
    }

    /**
     * @param returned the newest file the Office sent back by asOf, or null
     * @param refused  the unit's newest file by asOf if it was refused (quarantined), or null
     */
    public record UnitView(String unit, String name, String category, String state, String stateText, String dueForUnit,
                           ExtensionView extension, String submittedAt, int submissions, LatestView latest,
                           List<String> emails, boolean contactable, List<String> undeliverable,
                           ReturnedView returned, RefusedView refused) {
    }

    public record RefusedView(String submissionId, String fileName, String receivedAt, String reason) {
        static RefusedView of(Submission s) {
            return new RefusedView(s.submissionId(), s.fileName(), VietnamTime.iso(s.receivedAt()),
                    s.refusal().orElse(""));
        }
    }

    public record ReturnedView(String submissionId, String fileName, String receivedAt, String returnedAt,
                               String returnedBy, String returnedByName, String reason) {
        static ReturnedView of(Submission s) {
            Returned r = s.returned().orElseThrow();
            return new ReturnedView(s.submissionId(), s.fileName(), VietnamTime.iso(s.receivedAt()),
                    VietnamTime.iso(r.returnedAt()), r.returnedBy().id(), r.returnedBy().name(), r.reason());
        }
    }

    public record ExtensionView(String until, String reason, String grantedBy, String grantedByName, String grantedAt) {
        static ExtensionView of(Extension e) {
            return new ExtensionView(VietnamTime.iso(e.until()), e.reason(), e.grantedBy().id(), e.grantedBy().name(),
                    VietnamTime.iso(e.grantedAt()));
        }
    }

    public record LatestView(String submissionId, String fileName, long size, String sha256, String receivedAt,
                             InspectionView inspection) {
        static LatestView of(Submission s, SignatureRule rule) {
            return new LatestView(s.submissionId(), s.fileName(), s.size(), s.sha256(), VietnamTime.iso(s.receivedAt()),
                    InspectionView.of(s, rule));
        }
    }

    public static StatusDocument of(StatusQuery.Result result) {
        List<ObligationView> reports = new ArrayList<>();
        List<ObligationView> tasks = new ArrayList<>();
        for (ObligationStatus o : result.obligations()) {
            (o.obligation().task().isPresent() ? tasks : reports).add(obligation(o, result.undeliverable()));
        }
        return new StatusDocument(VietnamTime.iso(result.generatedAt()), VietnamTime.iso(result.asOf()),
                List.copyOf(reports), List.copyOf(tasks), result.goLive().isPresent() ? result.goLive().get().toString() : null,
                result.note().orElse(null), STATES);
    }

    private static List<StateView> states(ObligationState... states) {
        List<StateView> views = new ArrayList<>();
        for (ObligationState s : states) {
            views.add(new StateView(s.name(), s.words(), s.meaning()));
        }
        return List.copyOf(views);
    }

    private static ObligationView obligation(ObligationStatus s, Set<String> undeliverable) {
        var o = s.obligation();
        Map<String, CategoryView> byCategory = new LinkedHashMap<>();
        for (var category : s.byCategory().entrySet()) {
            byCategory.put(category.getKey().name(), CategoryView.of(category.getValue()));
        }
        StatusSummary t = s.summary();
        SignatureCounts signatures = o.report().signature() == SignatureRule.OFF
                ? new SignatureCounts(0, 0) : SignatureCounts.of(s.units());
        Optional<DataWindow> window = o.dataWindow();
        List<UnitView> units = new ArrayList<>(s.units().size());
        for (UnitStatus u : s.units()) {
            units.add(unit(u, undeliverable, o.report().signature()));
        }
        return new ObligationView(o.id(), o.report().id(), o.period().id(), o.period().text(), o.title(), o.report().receiver(),
                VietnamTime.iso(o.due()), o.dueWording(), window.isPresent() ? DataWindowView.of(window.get()) : null,
                o.task().isPresent() ? TaskView.of(o.task().get()) : null,
                new SummaryView(t.expected(), t.onTime(), t.late(), t.missing(), t.notDue(), t.exempt(),
                        t.completeness(), t.timeliness(), byCategory, signatures.signed(), signatures.unsigned()),
                List.copyOf(units));
    }

    static UnitView unit(UnitStatus u, Set<String> undeliverable, SignatureRule rule) {
        List<String> emails = u.unit().emails();
        List<String> bounced = new ArrayList<>(0);
        for (String e : emails) {
            if (undeliverable.contains(e.toLowerCase(Locale.ROOT))) {
                bounced.add(e);
            }
        }
        return new UnitView(u.unit().id(), u.unit().name(), u.unit().category().name(), u.state().name(), u.stateText(),
                VietnamTime.iso(u.dueForUnit()), u.extension().isPresent() ? ExtensionView.of(u.extension().get()) : null,
                u.submittedAt().isPresent() ? VietnamTime.iso(u.submittedAt().get()) : null, u.submissions(),
                u.latest().isPresent() ? LatestView.of(u.latest().get(), rule) : null, emails, bounced.size() < emails.size(),
                List.copyOf(bounced), u.returned().isPresent() ? ReturnedView.of(u.returned().get()) : null,
                u.refused().isPresent() ? RefusedView.of(u.refused().get()) : null);
    }
}
