package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.ReminderPlan;
import vn.haiphong.gddt.reports.domain.ReminderSchedule;
import vn.haiphong.gddt.reports.domain.ReminderStage;
import vn.haiphong.gddt.reports.domain.SortedUnits;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitStatus;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.domain.WorkingDays;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.mail.ReminderEmails;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.ReminderClaims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/**
 * The morning sweep: every unit that still owes a report gets the e-mail of its current stage,
 * exactly once; each receiving department gets its digest on the days a stage fires.
 *
 * <p>Exactly once: a claim (conditional write) before sending, the unit's status read again just
 * before the send (a unit that uploaded a minute ago gets nothing), and the claim marked after. A
 * throttled or failing send is retried with backoff and, if it still fails, given back for the
 * next run; a permanent refusal is recorded and the sweep goes on.
 */
public final class Reminders {
    /** What a sweep run without an invocation (a tool, a test) is taken to have left: Lambda's longest run. */
    private static final Duration LONGEST_RUN = Duration.ofMinutes(15);
    /**
     * A run that missed a day (or stopped early) still sends the current stage for this long after
     * its day; older stages are history, never sent late (a new deployment does not e-mail last year).
     */
    public static final int CATCH_UP_DAYS = 6;
    private static final String DIGEST = "_digest";
    private static final int SEND_ATTEMPTS = 4;

    /** @param retryPause how long to wait before sending again after SES failed for now; doubled at each try */
    public record Settings(Map<String, ReminderSchedule> schedules, Map<String, String> receiverEmails, double sendRate,
                           int parallelism, Duration linkValidityAfterDeadline, Duration retryPause) {
    }

    /** One e-mail the sweep would send (dry run) or did. */
    public record Planned(String obligation, String unit, String stage, String sendOn, List<String> to) {
    }

    /**
     * @param problems what the Office should look at (refused addresses, a department without an address)
     * @param errors   what went wrong in the system (a DynamoDB error): the invocation should fail
     */
    public record Outcome(String day, List<Planned> planned, int sent, int alreadyDone, int skippedSubmitted,
                          int failed, int deferred, int notReached, List<String> unreachable, List<String> problems,
                          List<String> errors, boolean stoppedEarly) {
    }

    private final Catalog catalog;
    private final UnitDirectory units;
    private final SubmissionLedger ledger;
    private final ReminderClaims claims;
    private final Mailer mailer;
    private final ReminderEmails emails;
    private final CapabilityTokens tokens;
    private final WorkingDays workingDays;
    private final Settings settings;
    private final SendRate rate;
    private final Clock clock;

    public Reminders(Catalog catalog, UnitDirectory units, SubmissionLedger ledger, ReminderClaims claims, Mailer mailer,
                     ReminderEmails emails, CapabilityTokens tokens, WorkingDays workingDays, Settings settings,
                     Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.ledger = ledger;
        this.claims = claims;
        this.mailer = mailer;
        this.emails = emails;
        this.tokens = tokens;
        this.workingDays = workingDays;
        this.settings = settings;
        this.rate = new SendRate(settings.sendRate());
        this.clock = clock;
    }

    /** @param keepGoing false once the invocation must stop taking new work (the rest waits for the next run) */
    public Outcome sweep(boolean dryRun, BooleanSupplier keepGoing) throws InterruptedException {
        return sweep(dryRun, keepGoing, () -> LONGEST_RUN);
    }

    /** @param timeLeft what remains of the invocation: each claim lapses after it (see {@link Claims}) */
    public Outcome sweep(boolean dryRun, BooleanSupplier keepGoing, Supplier<Duration> timeLeft)
            throws InterruptedException {
        Instant now = clock.instant();
        LocalDate today = VietnamTime.dateOf(now);
        Sweep sweep = new Sweep(dryRun, keepGoing, timeLeft, today);
        SortedUnits everyUnit = SortedUnits.of(units.all());
        Set<String> suppressed = claims.suppressed();
        List<Obligation> obligations = new ArrayList<>(catalog.obligationsOf(today.getYear() - 1));
        obligations.addAll(catalog.obligationsOf(today.getYear()));
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Obligation o : obligations) {
                if (today.isBefore(VietnamTime.dateOf(o.opensAt()))) {
                    continue;
                }
                try {
                    work.addAll(plan(o, everyUnit, suppressed, sweep, now, pool));
                } catch (RuntimeException e) {
                    // One obligation that cannot be planned does not stop the others.
                    sweep.errors.add(o.id() + ": " + e);
                }
            }
            for (Future<?> w : work) {
                try {
                    w.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    sweep.errors.add(String.valueOf(e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(today.toString(), List.copyOf(sweep.planned), sweep.sent.get(), sweep.alreadyDone.get(),
                sweep.skippedSubmitted.get(), sweep.failed.get(), sweep.deferred.get(), sweep.notReached.get(),
                List.copyOf(sweep.unreachable), List.copyOf(sweep.problems), List.copyOf(sweep.errors), sweep.stoppedEarly);
    }

    private List<Future<?>> plan(Obligation o, SortedUnits everyUnit, Set<String> suppressed, Sweep sweep, Instant now,
                                 ExecutorService pool) {
        ReminderSchedule schedule = settings.schedules().getOrDefault(o.report().id(), ReminderSchedule.defaults());
        SubmissionLedger.Records records = ledger.records(o.id());
        ObligationStatus status = ObligationStatus.of(o, everyUnit, records.submissions(), records.extensions(), now);
        Map<String, ReminderClaims.Claim> done = claims.of(o.id());
        List<Future<?>> work = new ArrayList<>();
        for (UnitStatus row : status.units()) {
            if (row.state() != ObligationState.OPEN && row.state() != ObligationState.MISSING) {
                continue;
            }
            Optional<ReminderStage> stage = ReminderPlan.dueOn(
                    ReminderPlan.stages(o, row.dueForUnit(), schedule, workingDays), sweep.today);
            if (stage.isEmpty() || stage.get().sendOn().isBefore(sweep.today.minusDays(CATCH_UP_DAYS))) {
                continue;
            }
            String stageKey = stageKey(o, row, stage.get());
            ReminderClaims.Claim claim = done.get(row.unit().id() + "#" + stageKey);
            if (claim != null && !claim.takeableAt(now)) {
                sweep.alreadyDone.incrementAndGet();
                continue;
            }
            List<String> to = row.unit().emails().stream()
                    .filter(e -> !suppressed.contains(e.toLowerCase(Locale.ROOT))).toList();
            if (to.isEmpty()) {
                sweep.notReached.incrementAndGet();
                sweep.unreachable.add(row.unit().id());
                continue;
            }
            if (sweep.dryRun) {
                sweep.planned.add(new Planned(o.id(), row.unit().id(), stageKey, stage.get().sendOn().toString(), to));
                continue;
            }
            work.add(pool.submit(() -> remind(o, row.unit(), stage.get(), stageKey, to, sweep)));
        }
        if (ReminderPlan.digestDays(o, schedule, workingDays).contains(sweep.today)) {
            digest(o, status, now, suppressed, done, sweep);
        }
        return work;
    }

    private void remind(Obligation o, Unit unit, ReminderStage stage, String stageKey, List<String> to, Sweep sweep) {
        if (!sweep.keepGoing.getAsBoolean()) {
            sweep.stoppedEarly = true;
            return;
        }
        Instant now = clock.instant();
        Optional<Claims.Held> claim = claims.claim(o.id(), unit.id(), stageKey, now, sweep.lease());
        if (claim.isEmpty()) {
            sweep.alreadyDone.incrementAndGet();
            return;
        }
        SubmissionLedger.Records fresh = ledger.records(o.id(), unit.id());
        UnitStatus row = ObligationStatus.row(o, unit, fresh.submissions(), fresh.extensions(), now);
        if (row.state() != ObligationState.OPEN && row.state() != ObligationState.MISSING) {
            claims.markSkipped(claim.get(), "submitted before the send");
            sweep.skippedSubmitted.incrementAndGet();
            return;
        }
        String token = tokens.mint(Capability.unit(unit.id(), unit.tokenVersion(),
                linkExpiry(o, row.dueForUnit(), now, settings.linkValidityAfterDeadline())));
        Mailer.Email email = emails.reminder(unit, o, stage, row.dueForUnit(), sweep.today, token,
                settings.receiverEmails().getOrDefault(o.report().receiverCode(), ""), to);
        send(claim.get(), o.id() + " " + unit.id() + " " + stageKey, email, sweep);
    }

    private void digest(Obligation o, ObligationStatus status, Instant now, Set<String> suppressed,
                        Map<String, ReminderClaims.Claim> done, Sweep sweep) {
        String to = settings.receiverEmails().get(o.report().receiverCode());
        String stage = "DIGEST-" + sweep.today;
        if (to == null || suppressed.contains(to.toLowerCase(Locale.ROOT))) {
            sweep.problems.add(o.id() + ": no deliverable address for receiving department " + o.report().receiverCode());
            return;
        }
        ReminderClaims.Claim claim = done.get(DIGEST + "#" + stage);
        if (claim != null && !claim.takeableAt(now)) {
            sweep.alreadyDone.incrementAndGet();
            return;
        }
        if (sweep.dryRun) {
            sweep.planned.add(new Planned(o.id(), DIGEST, stage, sweep.today.toString(), List.of(to)));
            return;
        }
        Optional<Claims.Held> held = claims.claim(o.id(), DIGEST, stage, now, sweep.lease());
        if (held.isEmpty()) {
            sweep.alreadyDone.incrementAndGet();
            return;
        }
        send(held.get(), o.id() + " " + DIGEST + " " + stage, emails.digest(o, status, now, to), sweep);
    }

    /** Retries only the send; once SES has taken the e-mail it is never sent again, whatever happens next. */
    private void send(Claims.Held claim, String what, Mailer.Email email, Sweep sweep) {
        String messageId = null;
        for (int attempt = 1; attempt <= SEND_ATTEMPTS && messageId == null; attempt++) {
            try {
                rate.acquire();
                messageId = mailer.send(email);
            } catch (Mailer.Rejected refused) {
                claims.markFailed(claim, String.valueOf(refused.getMessage()));
                sweep.failed.incrementAndGet();
                sweep.problems.add(what + ": refused: " + refused.getMessage());
                return;
            } catch (Mailer.Unconfirmed noAnswer) {
                // SES may have sent it. A reminder twice is worse than one stage missed: the next stage follows.
                messageId = Mailer.Unconfirmed.OUTCOME;
                sweep.problems.add(what + ": no answer from SES in time; counted as sent, not sent again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException transientFailure) {
                if (attempt == SEND_ATTEMPTS || !pause(settings.retryPause().multipliedBy(1L << (attempt - 1)))) {
                    break;
                }
            }
        }
        if (messageId == null) {
            claims.release(claim);
            sweep.deferred.incrementAndGet();
            return;
        }
        sweep.sent.incrementAndGet();
        try {
            claims.markSent(claim, messageId);
        } catch (RuntimeException e) {
            // Sent but not marked: the claim stays held and is taken over once it lapses; say so loudly.
            sweep.errors.add(what + ": sent as " + messageId + " but not marked: " + e);
        }
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A link sent to a unit must still open after the deadline, for a late upload, and one sent long
     * after it (a late reminder, a returned file) opens for as long again from when it was sent.
     */
    static Instant linkExpiry(Obligation o, Instant dueForUnit, Instant sentAt, Duration validityAfterDeadline) {
        Instant end = o.locksAt().filter(lock -> lock.isAfter(dueForUnit)).orElse(dueForUnit);
        return (sentAt.isAfter(end) ? sentAt : end).plus(validityAfterDeadline);
    }

    /** A stage of an extended deadline is a new stage: {@code D-3@2025-06-30}, not the D-3 already sent. */
    private static String stageKey(Obligation o, UnitStatus row, ReminderStage stage) {
        return row.dueForUnit().equals(o.due()) ? stage.id()
                : stage.id() + "@" + VietnamTime.dateOf(row.dueForUnit().minusNanos(1));
    }

    private static final class Sweep {
        final boolean dryRun;
        final BooleanSupplier keepGoing;
        final Supplier<Duration> timeLeft;
        final LocalDate today;
        final List<Planned> planned = Collections.synchronizedList(new ArrayList<>());
        final Set<String> unreachable = Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger alreadyDone = new AtomicInteger();
        final AtomicInteger skippedSubmitted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();
        final AtomicInteger notReached = new AtomicInteger();
        volatile boolean stoppedEarly;

        Sweep(boolean dryRun, BooleanSupplier keepGoing, Supplier<Duration> timeLeft, LocalDate today) {
            this.dryRun = dryRun;
            this.keepGoing = keepGoing;
            this.timeLeft = timeLeft;
            this.today = today;
        }

        Duration lease() {
            return Claims.lease(timeLeft.get());
        }
    }
}
