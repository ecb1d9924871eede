package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * Sends one of a submission's notices (its receipt or refusal, its return notice) exactly once, under
 * the notice's claim: claimed, then sent to the unit's deliverable addresses, then finished. A send
 * that fails gives the claim back and is thrown, so the event's retry or the reconciliation sweep sends
 * it; one SES took without answering in time is counted as sent and never repeated.
 */
final class SubmissionNotices {
    /** How a try ended. */
    enum Result { SENT, UNCONFIRMED, NO_ADDRESS, ALREADY_HANDLED }

    /** How a notice ends that no address could receive (none given, or every one bounced). */
    static final String NO_ADDRESS = "NO_ADDRESS";

    private final SubmissionLedger ledger;
    private final Mailer mailer;
    private final Supplier<Set<String>> undeliverable;
    private final Clock clock;

    SubmissionNotices(SubmissionLedger ledger, Mailer mailer, Supplier<Set<String>> undeliverable, Clock clock) {
        this.ledger = ledger;
        this.mailer = mailer;
        this.undeliverable = undeliverable;
        this.clock = clock;
    }

    /** @param compose the e-mail to these addresses, at this instant (built only when it is to be sent) */
    Result sendOnce(Submission submission, SubmissionLedger.Notice notice, Unit unit, Duration timeLeft,
                    BiFunction<List<String>, Instant, Mailer.Email> compose) {
        return sendOnce(submission, notice, unit, timeLeft, compose, () -> { });
    }

    /** @param onceHeld run once this call holds the notice, before anything is sent */
    Result sendOnce(Submission submission, SubmissionLedger.Notice notice, Unit unit, Duration timeLeft,
                    BiFunction<List<String>, Instant, Mailer.Email> compose, Runnable onceHeld) {
        Optional<Claims.Held> claim = ledger.claimNotice(submission, notice, clock.instant(), Claims.lease(timeLeft));
        if (claim.isEmpty()) {
            return Result.ALREADY_HANDLED;
        }
        onceHeld.run();
        return sendClaimed(claim.get(), unit, compose, undeliverable);
    }

    /**
     * Sends a notice whose claim this caller holds already (a return takes it in the write that records
     * the return), then finishes the claim; a failed send gives it back and is thrown.
     *
     * @param bounced the undeliverable addresses (asked for only if the unit has an address)
     */
    Result sendClaimed(Claims.Held claim, Unit unit, BiFunction<List<String>, Instant, Mailer.Email> compose,
                       Supplier<Set<String>> bounced) {
        Set<String> undeliverableNow = unit.emails().isEmpty() ? Set.of() : bounced.get();
        List<String> to = unit.emails().stream().filter(e -> !undeliverableNow.contains(e.toLowerCase(Locale.ROOT))).toList();
        if (to.isEmpty()) {
            ledger.noticeClosed(claim, NO_ADDRESS);
            return Result.NO_ADDRESS;
        }
        String messageId;
        try {
            messageId = mailer.send(compose.apply(to, clock.instant()));
        } catch (Mailer.Unconfirmed noAnswer) {
            // SES most likely sent it; sending again could not be told apart from a second copy.
            ledger.noticeClosed(claim, Mailer.Unconfirmed.OUTCOME);
            return Result.UNCONFIRMED;
        } catch (RuntimeException e) {
            ledger.releaseNotice(claim);
            throw e;
        }
        ledger.noticeSent(claim, messageId);
        return Result.SENT;
    }

    /** Ends a notice without sending it (what it would say went out in another one); a no-op if it is held or done. */
    void closeUnsent(Submission submission, SubmissionLedger.Notice notice, String outcome) {
        ledger.claimNotice(submission, notice, clock.instant(), Claims.lease(Duration.ofMinutes(1)))
                .ifPresent(claim -> ledger.noticeClosed(claim, outcome));
    }
}
