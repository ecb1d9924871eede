package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/**
 * Granting and revoking a later deadline for one unit. Every grant is kept with who gave it and
 * when; revoking marks it, so the status at any past instant can be told again.
 */
public final class Extensions {
    private final Catalog catalog;
    private final UnitDirectory units;
    private final SubmissionLedger ledger;
    private final Clock clock;

    public Extensions(Catalog catalog, UnitDirectory units, SubmissionLedger ledger, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param until an instant with offset ({@code 2025-06-20T17:00:00+07:00}) or a day
     *              ({@code 2025-06-20}, meaning to the end of that day, Vietnam time)
     */
    public Extension grant(OfficeToken office, String obligationId, String unitId, String until, String reason) {
        Obligation obligation = obligation(office, obligationId);
        Unit unit = owingUnit(obligation, unitId);
        Instant untilInstant = parseUntil(until);
        if (!untilInstant.isAfter(obligation.due())) {
            throw new RequestRefused(Problem.EXTENSION_UNTIL_INVALID, Problem.EXTENSION_UNTIL_INVALID.detail()
                    + " Hạn nộp: " + obligation.dueWording() + ".");
        }
        // A report of one year is not owed two years on; the bound also keeps the year at four
        // digits, so the answer and the CSV stay RFC 3339 (9999-12-31 would print as +10000-…).
        int lastYear = obligation.period().year() + 1;
        if (untilInstant.isAfter(VietnamTime.startOf(LocalDate.of(lastYear + 1, 1, 1)))) {
            throw new RequestRefused(Problem.EXTENSION_UNTIL_INVALID, Problem.EXTENSION_UNTIL_INVALID.detail()
                    + " Gia hạn muộn nhất đến hết ngày 31/12/" + lastYear + ".");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > Extension.MAX_REASON) {
            throw new RequestRefused(Problem.EXTENSION_REASON_INVALID);
        }
        Extension extension = new Extension(obligation.id(), unit.id(), untilInstant, why, office.person(),
                clock.instant(), Optional.empty(), Optional.empty());
        ledger.grant(extension);
        return extension;
    }

    public Extension revoke(OfficeToken office, String obligationId, String unitId) {
        Obligation obligation = obligation(office, obligationId);
        Unit unit = owingUnit(obligation, unitId);
        return ledger.revoke(obligation.id(), unit.id(), office.person(), clock.instant())
                .orElseThrow(() -> new RequestRefused(Problem.EXTENSION_NOT_FOUND));
    }

    private Obligation obligation(OfficeToken office, String obligationId) {
        Obligation obligation = catalog.find(obligationId).filter(catalog::collects)
                .orElseThrow(() -> new RequestRefused(Problem.OBLIGATION_UNKNOWN));
        OfficeAccess.requireReadable(office, obligation.report());
        return obligation;
    }

    private Unit owingUnit(Obligation obligation, String unitId) {
        Unit unit = units.find(unitId).orElseThrow(() -> new RequestRefused(Problem.UNIT_NOT_FOUND));
        if (!obligation.owedBy(unit)) {
            throw new RequestRefused(Problem.OBLIGATION_NOT_OWED);
        }
        return unit;
    }

    private static Instant parseUntil(String until) {
        if (until == null) {
            throw new RequestRefused(Problem.EXTENSION_UNTIL_INVALID);
        }
        try {
            return until.length() == 10
                    ? VietnamTime.startOf(LocalDate.parse(until).plusDays(1))
                    : OffsetDateTime.parse(until).toInstant();
        } catch (DateTimeException e) {
            // DateTimeParseException, and the day after LocalDate.MAX (+999999999-12-31)
            throw new RequestRefused(Problem.EXTENSION_UNTIL_INVALID);
        }
    }
}
