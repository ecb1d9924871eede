package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.FileType;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitStatus;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * What a school sees when it opens its link ({@code GET /v1/me}): this year's and last year's
 * obligations, so a year-end report sent late in January is still there.
 */
public final class UnitOverview {
    private static final Comparator<Submission> BY_RECEIPT = Comparator.comparing(Submission::receivedAt);
    /**
     * @param uploads  what the upload page checks before sending anything: the same rules the API applies
     * @param contacts whom the unit writes to for help: each receiving department of what it owes, with its address
     */
    public record View(UnitView unit, String now, UploadRules uploads, List<ObligationView> obligations,
                       List<ContactView> contacts) {
    }

    public record ContactView(String department, String email) {
    }

    public record UploadRules(long maxBytes, Map<String, String> contentTypes) {
    }

    public record UnitView(String id, String name, String category, String categoryName, List<String> emails) {
    }

    public record ObligationView(String obligation, String report, String period, String periodText, String title, String receiver,
                                 String opensAt, String due, String dueText, String dueForUnit,
                                 ExtensionView extension, String locksAt, String state, String stateText, boolean acceptsUploads,
                                 StatusDocument.DataWindowView dataWindow, StatusDocument.TaskView task,
                                 List<SubmissionView> submissions) {
    }

    public record ExtensionView(String until, String untilText, String reason, String grantedAt) {
        static ExtensionView of(Extension e) {
            return new ExtensionView(VietnamTime.iso(e.until()), untilText(e), e.reason(), VietnamTime.iso(e.grantedAt()));
        }

        /** An extension to midnight reads as the end of the day before: "đến hết ngày 20/12/2026". */
        private static String untilText(Extension e) {
            boolean midnight = e.until().atZone(VietnamTime.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
            return midnight ? "đến hết ngày " + VietnamTime.date(VietnamTime.dateOf(e.until()).minusDays(1))
                    : "đến " + VietnamTime.dateTime(e.until());
        }
    }

    /** @param returned null unless the Office sent the file back */
    public record SubmissionView(String submissionId, String fileName, long size, String sha256, String contentType,
                                 String receivedAt, boolean onTime, boolean accepted, String refusal,
                                 ReturnedView returned, InspectionView inspection) {
    }

    /** A return as the unit sees it: when and why (who, only the Office sees). */
    public record ReturnedView(String returnedAt, String reason) {
        static ReturnedView of(Returned r) {
            return new ReturnedView(VietnamTime.iso(r.returnedAt()), r.reason());
        }
    }

    private final Catalog catalog;
    private final SubmissionLedger ledger;
    private final UploadRules rules;
    private final Map<String, String> contacts;
    private final Clock clock;

    /** @param contacts each receiving department's name and address ({@code Wiring.receiverContacts}) */
    public UnitOverview(Catalog catalog, SubmissionLedger ledger, long maxUploadBytes, Map<String, String> contacts,
                        Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.contacts = Map.copyOf(contacts);
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (FileType type : FileType.values()) {
            types.put(type.name().toLowerCase(java.util.Locale.ROOT), type.contentType());
        }
        this.rules = new UploadRules(maxUploadBytes, types);
        this.clock = clock;
    }

    public View of(Unit unit) {
        Instant now = clock.instant();
        int year = VietnamTime.dateOf(now).getYear();
        // Loops rather than streams: each lambda costs a class of its own the first time it runs, on a
        // function's cold start, and this is the first thing a school's page asks for.
        List<ObligationView> obligations = new ArrayList<>();
        Set<String> receivers = new LinkedHashSet<>();
        for (Obligation o : catalog.owedBy(unit, year - 1, year)) {
            ObligationView view = view(o, unit, ledger.records(o.id(), unit.id()), now);
            obligations.add(view);
            receivers.add(view.receiver());
        }
        List<ContactView> help = new ArrayList<>();
        for (String department : receivers) {
            if (contacts.containsKey(department)) {
                help.add(new ContactView(department, contacts.get(department)));
            }
        }
        return new View(new UnitView(unit.id(), unit.name(), unit.category().name(), unit.category().label(),
                unit.emails()), VietnamTime.iso(now), rules, List.copyOf(obligations), List.copyOf(help));
    }

    private static ObligationView view(Obligation o, Unit unit, SubmissionLedger.Records records, Instant now) {
        UnitStatus status = ObligationStatus.row(o, unit, records.submissions(), records.extensions(), now);
        List<Submission> byReceipt = new ArrayList<>(records.submissions());
        byReceipt.sort(BY_RECEIPT);
        List<SubmissionView> sent = new ArrayList<>(byReceipt.size());
        for (Submission s : byReceipt) {
            sent.add(new SubmissionView(s.submissionId(), s.fileName(), s.size(), s.sha256(), s.contentType(),
                    VietnamTime.iso(s.receivedAt()), s.receivedAt().isBefore(status.dueForUnit()), s.accepted(),
                    s.refusal().orElse(null), s.returned().isPresent() ? ReturnedView.of(s.returned().get()) : null,
                    InspectionView.of(s, o.report().signature())));
        }
        var window = o.dataWindow();
        return new ObligationView(o.id(), o.report().id(), o.period().id(), o.period().text(), o.title(), o.report().receiver(),
                VietnamTime.iso(o.opensAt()), VietnamTime.iso(o.due()), o.dueWording(),
                VietnamTime.iso(status.dueForUnit()), status.extension().isPresent() ? ExtensionView.of(status.extension().get()) : null,
                o.locksAt().isPresent() ? VietnamTime.iso(o.locksAt().get()) : null, status.state().name(), status.stateText(),
                o.acceptsUploadsAt(now, status.dueForUnit()),
                window.isPresent() ? StatusDocument.DataWindowView.of(window.get()) : null,
                o.task().isPresent() ? StatusDocument.TaskView.of(o.task().get()) : null, List.copyOf(sent));
    }
}
