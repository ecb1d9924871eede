package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitStatus;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.mail.ReminderEmails;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/**
 * {@code POST /v1/submissions/{id}/return}: the Office sends a unit's latest file back with a reason;
 * it stops counting and the unit is asked, by e-mail with its own link, for a new one.
 *
 * <p>Every check comes before the one write, a conditional update that only the first of two
 * concurrent returns wins, so a refused request writes nothing. That write also takes the notice's
 * claim ({@link Claims}): the e-mail is sent only by the request that won it. A failed send does not
 * undo the return (the unit's page shows it and the reason); it is reported to the caller, and the
 * reconciliation sweep sends the notice later ({@link #sendOwedNotice}).
 */
public final class Returns {
    /**
     * Whether the unit was told by e-mail (UNCONFIRMED: SES did not answer in time and most likely sent
     * it; ALREADY_HANDLED: someone else holds or finished the notice).
     */
    public enum Notice { SENT, UNCONFIRMED, NO_ADDRESS, FAILED, ALREADY_HANDLED }

    /** @param failure what went wrong with the e-mail (an exception's class), null unless FAILED */
    public record Outcome(StatusDocument.UnitView row, Notice notice, String failure) {
    }

    private final Catalog catalog;
    private final UnitDirectory units;
    private final SubmissionLedger ledger;
    private final SubmissionNotices notices;
    private final ReminderEmails emails;
    private final CapabilityTokens tokens;
    private final Supplier<Set<String>> undeliverable;
    private final Duration linkValidityAfterDeadline;
    private final ConcurrentReads reads;
    private final Clock clock;

    /**
     * @param undeliverable addresses SES reported bounced or complained about (lower case): never written to
     * @param reads         where the unit, its records and the bounced addresses are read at once
     */
    public Returns(Catalog catalog, UnitDirectory units, SubmissionLedger ledger, Mailer mailer, ReminderEmails emails,
                   CapabilityTokens tokens, Supplier<Set<String>> undeliverable, Duration linkValidityAfterDeadline,
                   ConcurrentReads reads, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.ledger = ledger;
        this.notices = new SubmissionNotices(ledger, mailer, undeliverable, clock);
        this.emails = emails;
        this.tokens = tokens;
        this.undeliverable = undeliverable;
        this.linkValidityAfterDeadline = linkValidityAfterDeadline;
        this.reads = reads;
        this.clock = clock;
    }

    /** @param timeLeft what remains of this invocation: the notice's claim lapses after it */
    public Outcome giveBack(OfficeToken office, String submissionId, String reason, Duration timeLeft) {
        Submission found = ledger.findById(submissionId).orElseThrow(() -> new RequestRefused(Problem.SUBMISSION_NOT_FOUND));
        Obligation obligation = catalog.find(found.obligationId())
                .orElseThrow(() -> new RequestRefused(Problem.SUBMISSION_NOT_FOUND));
        OfficeAccess.requireReadable(office, obligation.report());
        Instant now = clock.instant();
        Returned returned = Returned.of(now, office.person(), reason);
        Supplier<Optional<Unit>> unitRead = reads.start(() -> units.find(found.unitId()));
        Supplier<SubmissionLedger.Records> recordsRead = reads.start(() -> ledger.records(obligation.id(), found.unitId()));
        // Read once for the row the Office gets back and for the notice's addresses.
        Supplier<Set<String>> bounced = reads.start(undeliverable);
        Unit unit = unitRead.get().orElseThrow(() -> new RequestRefused(Problem.UNIT_NOT_FOUND));
        SubmissionLedger.Records records = recordsRead.get();
        // The index behind findById may lag; the unit's own records are read consistently.
        Submission target = records.submissions().stream().filter(s -> s.submissionId().equals(submissionId))
                .findFirst().orElse(found);
        Returned.requireReturnable(target, records.submissions());
        // Every read is in before the write: a read that failed answers 503 with nothing written, not after a
        // return whose notice would stay claimed until its lease ran out.
        Set<String> undeliverableNow = bounced.get();
        Claims.Held claim = ledger.markReturned(target, returned, now, Claims.lease(timeLeft))
                .orElseThrow(() -> new RequestRefused(Problem.SUBMISSION_ALREADY_RETURNED));

        List<Submission> after = new ArrayList<>(records.submissions());
        after.replaceAll(s -> s == target ? target.withReturned(returned) : s);
        UnitStatus row = ObligationStatus.row(obligation, unit, after, records.extensions(), now);
        StatusDocument.UnitView view = StatusDocument.unit(row, undeliverableNow, obligation.report().signature());
        try {
            SubmissionNotices.Result told = notices.sendClaimed(claim, unit,
                    notice(target.withReturned(returned), unit, obligation, row.dueForUnit()), () -> undeliverableNow);
            return new Outcome(view, Notice.valueOf(told.name()), null);
        } catch (RuntimeException e) {
            // The return stands; the reconciliation sweep sends the notice once SES answers again.
            return new Outcome(view, Notice.FAILED, e.getClass().getSimpleName());
        }
    }

    /**
     * Sends a return notice that is still owed (its send failed, or the request that claimed it died);
     * nothing when someone else holds it or it went out meanwhile.
     *
     * @return true when this call sent it
     */
    public boolean sendOwedNotice(Submission returnedSubmission, Duration timeLeft) {
        Optional<Obligation> obligation = catalog.find(returnedSubmission.obligationId());
        Optional<Unit> unit = units.find(returnedSubmission.unitId());
        if (obligation.isEmpty() || unit.isEmpty() || returnedSubmission.returned().isEmpty()) {
            return false;
        }
        SubmissionLedger.Records records = ledger.records(obligation.get().id(), unit.get().id());
        Instant due = ObligationStatus.row(obligation.get(), unit.get(), records.submissions(), records.extensions(),
                clock.instant()).dueForUnit();
        SubmissionNotices.Result told = notices.sendOnce(returnedSubmission, SubmissionLedger.Notice.RETURN, unit.get(),
                timeLeft, notice(returnedSubmission, unit.get(), obligation.get(), due));
        return told == SubmissionNotices.Result.SENT || told == SubmissionNotices.Result.UNCONFIRMED;
    }

    /** The return notice, to these addresses at this instant, with a link for a new file. */
    private BiFunction<List<String>, Instant, Mailer.Email> notice(Submission target, Unit unit, Obligation obligation,
                                                                 Instant dueForUnit) {
        return (to, now) -> emails.returned(unit, obligation, target, target.returned().orElseThrow(), dueForUnit,
                tokens.mint(Capability.unit(unit.id(), unit.tokenVersion(),
                        Reminders.linkExpiry(obligation, dueForUnit, now, linkValidityAfterDeadline))), to);
    }
}
