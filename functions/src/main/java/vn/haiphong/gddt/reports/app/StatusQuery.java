package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Period;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.Report;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.SortedUnits;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/**
 * {@code GET /v1/status}: the status of every obligation the filters name, as it stands now or
 * as it stood at {@code asOf}. Each obligation costs one Query of its partition, plus the unit list and
 * the bounced addresses, all read at once ({@link ConcurrentReads}).
 */
public final class StatusQuery {
    public static final Set<String> PARAMETERS = Set.of("year", "obligation", "report", "period", "category", "unit",
            "asOf", "format");

    /**
     * @param undeliverable addresses SES reported bounced or complained about, lower case
     * @param goLive        the day the system started collecting, when one is set
     * @param note          why the year shows fewer obligations than its plan (those due before go-live)
     */
    public record Result(Instant generatedAt, Instant asOf, List<ObligationStatus> obligations, Set<String> undeliverable,
                         Optional<LocalDate> goLive, Optional<String> note) {
    }

    /** The obligations a query names, and the note that says why some of its year are not there. */
    private record Selection(List<Obligation> obligations, Optional<String> note) {
    }

    private static final Pattern YEAR = Pattern.compile("20\\d\\d");
    private static final Instant EARLIEST_AS_OF = VietnamTime.startOf(java.time.LocalDate.of(2000, 1, 1));

    private final Catalog catalog;
    private final UnitDirectory units;
    private final SubmissionLedger ledger;
    private final Supplier<Set<String>> undeliverable;
    private final ConcurrentReads reads;
    private final Clock clock;

    /** @param reads where the unit list, each obligation's records and the bounced addresses are read at once */
    public StatusQuery(Catalog catalog, UnitDirectory units, SubmissionLedger ledger,
                       Supplier<Set<String>> undeliverable, ConcurrentReads reads, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.ledger = ledger;
        this.undeliverable = undeliverable;
        this.reads = reads;
        this.clock = clock;
    }

    public Result run(OfficeToken office, Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new RequestRefused(Problem.QUERY_INVALID, "Tham số không được hỗ trợ: " + name + ".");
            }
        }
        Instant now = clock.instant();
        Instant asOf = asOf(query.get("asOf"), now);
        UnitCategory category = query.get("category") == null ? null : category(query.get("category"));
        Optional<String> unitId = Optional.ofNullable(query.get("unit"));
        // Every parameter is checked before anything is read: a wrong query costs no read.
        Selection selection = obligations(office, query, asOf);
        Supplier<List<Unit>> selected;
        if (unitId.isPresent()) {
            // Looked up first (one GetItem): a unit that does not exist costs no Query.
            List<Unit> one = List.of(units.find(unitId.get()).orElseThrow(() -> new RequestRefused(Problem.UNIT_NOT_FOUND)));
            selected = () -> one;
        } else {
            selected = reads.start(units::all);
        }
        List<Supplier<SubmissionLedger.Records>> records = startReading(selection.obligations(), unitId);
        Supplier<Set<String>> bounced = reads.start(undeliverable);

        List<Unit> inCategory = new ArrayList<>();
        for (Unit unit : selected.get()) {
            if (category == null || unit.category() == category) {
                inCategory.add(unit);
            }
        }
        return new Result(now, asOf, statuses(selection.obligations(), SortedUnits.of(inCategory), records, asOf),
                bounced.get(), catalog.settings().goLive(), selection.note());
    }

    /** Every unit, for these obligations, as of that instant: what the snapshots keep. */
    public Result all(List<Obligation> obligations, Instant asOf) {
        Supplier<List<Unit>> everyUnit = reads.start(units::all);
        List<Supplier<SubmissionLedger.Records>> records = startReading(obligations, Optional.empty());
        Supplier<Set<String>> bounced = reads.start(undeliverable);
        return new Result(clock.instant(), asOf, statuses(obligations, SortedUnits.of(everyUnit.get()), records, asOf),
                bounced.get(), catalog.settings().goLive(), Optional.empty());
    }

    /** Each obligation's records (of one unit, when given), read at once. */
    private List<Supplier<SubmissionLedger.Records>> startReading(List<Obligation> obligations, Optional<String> unitId) {
        List<Supplier<SubmissionLedger.Records>> records = new ArrayList<>(obligations.size());
        for (Obligation obligation : obligations) {
            records.add(reads.start(() -> unitId.isPresent()
                    ? ledger.records(obligation.id(), unitId.get())
                    : ledger.records(obligation.id())));
        }
        return records;
    }

    private static List<ObligationStatus> statuses(List<Obligation> obligations, SortedUnits units,
                                                   List<Supplier<SubmissionLedger.Records>> records, Instant asOf) {
        List<ObligationStatus> statuses = new ArrayList<>(obligations.size());
        for (int i = 0; i < obligations.size(); i++) {
            SubmissionLedger.Records read = records.get(i).get();
            statuses.add(ObligationStatus.of(obligations.get(i), units, read.submissions(), read.extensions(), asOf));
        }
        return List.copyOf(statuses);
    }

    private Selection obligations(OfficeToken office, Map<String, String> query, Instant asOf) {
        if (query.containsKey("obligation")) {
            Obligation one = catalog.find(query.get("obligation")).filter(catalog::collects)
                    .orElseThrow(() -> new RequestRefused(Problem.OBLIGATION_UNKNOWN));
            OfficeAccess.requireReadable(office, one.report());
            boolean contradicted = (query.containsKey("year") && year(query.get("year"), asOf) != one.period().year())
                    || (query.containsKey("report") && !query.get("report").equals(one.report().id()))
                    || (query.containsKey("period") && !query.get("period").equals(one.period().id()));
            if (contradicted) {
                throw new RequestRefused(Problem.QUERY_INVALID, "Tham số year, report hoặc period mâu thuẫn với obligation.");
            }
            return new Selection(List.of(one), Optional.empty());
        }
        Optional<Period> period = Optional.ofNullable(query.get("period"))
                .map(p -> Period.parse(p).orElseThrow(() -> new RequestRefused(Problem.OBLIGATION_UNKNOWN,
                        "Không có kỳ báo cáo " + p + " (viết như 2025-H1, 2025-Y, 2025-Q1 hoặc 2025-Q1-Q3).")));
        Optional<Report> report = Optional.ofNullable(query.get("report"))
                .map(r -> catalog.report(r)
                        .orElseThrow(() -> new RequestRefused(Problem.OBLIGATION_UNKNOWN, "Không có báo cáo " + r + ".")));
        report.ifPresent(r -> OfficeAccess.requireReadable(office, r));
        int year = period.isPresent() ? period.get().year() : year(query.get("year"), asOf);
        if (period.isPresent() && query.containsKey("year") && year(query.get("year"), asOf) != year) {
            throw new RequestRefused(Problem.QUERY_INVALID, "Tham số year và period không khớp nhau.");
        }
        List<Obligation> selected = new ArrayList<>();
        for (Obligation o : catalog.obligationsOf(year)) {
            if (office.mayRead(o.report()) && (report.isEmpty() || report.get().id().equals(o.report().id()))
                    && (period.isEmpty() || period.get().equals(o.period()))) {
                selected.add(o);
            }
        }
        return new Selection(List.copyOf(selected), catalog.goLiveNote(year));
    }

    private static int year(String given, Instant asOf) {
        if (given == null) {
            return VietnamTime.dateOf(asOf).getYear();
        }
        if (!YEAR.matcher(given).matches()) {
            throw new RequestRefused(Problem.QUERY_INVALID, "Năm không hợp lệ: " + given + ".");
        }
        return Integer.parseInt(given);
    }

    private static Instant asOf(String given, Instant now) {
        if (given == null) {
            return now;
        }
        Instant asOf;
        try {
            asOf = OffsetDateTime.parse(given).toInstant();
        } catch (DateTimeException e) {
            throw new RequestRefused(Problem.AS_OF_INVALID);
        }
        if (asOf.isBefore(EARLIEST_AS_OF)) {
            // Nothing was collected before then, and a year of five or more digits would not print as RFC 3339.
            throw new RequestRefused(Problem.AS_OF_INVALID, Problem.AS_OF_INVALID.detail() + " Không nhận thời điểm trước năm 2000.");
        }
        if (asOf.isAfter(now)) {
            throw new RequestRefused(Problem.AS_OF_IN_FUTURE);
        }
        return asOf;
    }

    private static UnitCategory category(String given) {
        try {
            return UnitCategory.valueOf(given);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(Problem.CATEGORY_UNKNOWN, "Không có loại đơn vị " + given + ".");
        }
    }
}
