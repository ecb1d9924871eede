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
        return sendOnce(submission, notice, unit, timeLeft, compose, onceHeld, undeliverable);
    }

    /** @param bounced the undeliverable addresses as the caller read them already (asked for only if the unit has one) */
    Result sendOnce(Submission submission, SubmissionLedger.Notice notice, Unit unit, Duration timeLeft,
                    BiFunction<List<String>, Instant, Mailer.Email> compose, Runnable onceHeld,
                    Supplier<Set<String>> bounced) {
        Instant now = clock.instant();
        Optional<Claims.Held> claim = ledger.claimNotice(submission, notice, now, Claims.lease(timeLeft));
        if (claim.isEmpty()) {
            return Result.ALREADY_HANDLED;
        }
        onceHeld.run();
        Set<String> undeliverableNow = unit.emails().isEmpty() ? Set.of() : bounced.get();
        List<String> to = unit.emails().stream().filter(e -> !undeliverableNow.contains(e.toLowerCase(Locale.ROOT))).toList();
        if (to.isEmpty()) {
            ledger.noticeClosed(claim.get(), NO_ADDRESS);
            return Result.NO_ADDRESS;
        }
        String messageId;
        try {
            messageId = mailer.send(compose.apply(to, now));
        } catch (Mailer.Unconfirmed noAnswer) {
            // SES most likely sent it; sending again could not be told apart from a second copy.
            ledger.noticeClosed(claim.get(), Mailer.Unconfirmed.OUTCOME);
            return Result.UNCONFIRMED;
        } catch (RuntimeException e) {
            ledger.releaseNotice(claim.get());
            throw e;
        }
        ledger.noticeSent(claim.get(), messageId);
        return Result.SENT;
    }

    /** Ends a notice without sending it (what it would say went out in another one); a no-op if it is held or done. */
    void closeUnsent(Submission submission, SubmissionLedger.Notice notice, String outcome) {
        ledger.claimNotice(submission, notice, clock.instant(), Claims.lease(Duration.ofMinutes(1)))
                .ifPresent(claim -> ledger.noticeClosed(claim, outcome));
    }
}
