package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import vn.haiphong.gddt.reports.ServerTime;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * The last net under every file: whatever failed on the way (DynamoDB down through every retry of
 * the storage event, SES down through every retry of the receipt, an invocation killed mid-send),
 * this sweep finds it and finishes it, every 15 minutes.
 *
 * <p>For each obligation of this year and last year that has opened (what a unit can still upload
 * to, so the sweep never walks the bucket's whole history), it lists {@code submissions/} of that
 * obligation and records every file that has no record, through the same {@link SubmissionRecorder}
 * path as the storage event, with the time storage received it ({@code LastModified}), so on time
 * or late is decided as if the event had come. Then it sends every receipt, refusal and return
 * notice that is owed and not held by a live claim. Everything it does is a conditional write or a
 * claim, so two sweeps at once, or a sweep and a late event, record one submission and send one
 * e-mail.
 */
public final class Reconciliation {
    /**
     * What one sweep found and did.
     *
     * @param recorded     files in storage that had no record, now recorded
     * @param noticesSent  receipts, refusals and return notices that were owed, now sent
     * @param stillOwed    notices left for the next sweep (held by a live claim, or SES failing)
     * @param errors       what could not be done (the invocation should fail, so that it alarms)
     */
    public record Outcome(int obligations, int objectsListed, int recorded, int noticesSent, int stillOwed,
                          List<String> errors, boolean stoppedEarly) {
        /** How many things the nets before this one missed: zero on a healthy day. */
        public int repairs() {
            return recorded + noticesSent;
        }
    }

    private final Catalog catalog;
    private final SubmissionLedger ledger;
    private final SubmissionFiles files;
    private final SubmissionRecorder recorder;
    private final Returns returns;
    private final ServerTime serverTime;
    private final ConcurrentReads reads;
    private final Clock clock;

    /** @param reads where every opened obligation's records and listing are read at once */
    public Reconciliation(Catalog catalog, SubmissionLedger ledger, SubmissionFiles files, SubmissionRecorder recorder,
                          Returns returns, ServerTime serverTime, ConcurrentReads reads, Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.files = files;
        this.recorder = recorder;
        this.returns = returns;
        this.serverTime = serverTime;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * @param keepGoing false once the invocation must stop taking new work (the rest waits 15 minutes)
     * @param timeLeft  what remains of the invocation: every claim taken lapses after it
     */
    public Outcome sweep(BooleanSupplier keepGoing, Supplier<Duration> timeLeft) {
        Sweep sweep = new Sweep(keepGoing, timeLeft);
        // Every obligation's records and listing are read at once, then gone through one by one: the sweep
        // waits for the slowest read, not for two a obligation. Recording is a conditional write, so a file
        // stored between its obligation's two reads is recorded once, now or at the next sweep.
        List<Reading> readings = new ArrayList<>();
        for (Obligation o : opened(catalog, clock.instant())) {
            readings.add(new Reading(o, reads.start(() -> ledger.records(o.id())),
                    reads.start(() -> files.list(SubmissionKey.prefixOf(o)))));
        }
        int swept = 0;
        for (Reading reading : readings) {
            Obligation o = reading.obligation();
            if (!keepGoing.getAsBoolean()) {
                sweep.stoppedEarly = true;
                break;
            }
            swept++;
            try {
                reconcile(reading.records().get(), reading.listing().get(), sweep);
            } catch (RuntimeException e) {
                // One obligation that cannot be read (the table or the bucket down) does not stop the others.
                sweep.errors.add(o.id() + ": " + e);
            }
        }
        return new Outcome(swept, sweep.listed, sweep.recorded, sweep.sent, sweep.stillOwed, List.copyOf(sweep.errors),
                sweep.stoppedEarly);
    }

    /** An obligation's two reads, started. */
    private record Reading(Obligation obligation, Supplier<SubmissionLedger.Records> records,
                           Supplier<List<SubmissionFiles.Listed>> listing) {
    }

    private void reconcile(SubmissionLedger.Records records, List<SubmissionFiles.Listed> listing, Sweep sweep) {
        // A refused file still under submissions/ was not moved yet: it goes through the recorder again.
        Set<String> settled = new HashSet<>();
        records.submissions().stream().filter(Submission::accepted).forEach(s -> settled.add(s.submissionId()));
        List<SubmissionLedger.Owed> owed = new ArrayList<>(records.owed());
        for (SubmissionFiles.Listed object : listing) {
            sweep.listed++;
            Optional<SubmissionKey> key = SubmissionKey.parse(object.key());
            if (key.isPresent() && settled.contains(key.get().submissionId()) || !sweep.keepGoing.getAsBoolean()) {
                continue;
            }
            try {
                SubmissionRecorder.Recorded r = recorder.record(object.key(), null,
                        serverTime.toBusinessTime(object.lastModified()));
                if (r.outcome() == SubmissionRecorder.Outcome.RECORDED) {
                    sweep.recorded++;
                    owed.add(new SubmissionLedger.Owed(r.submission().orElseThrow(), SubmissionLedger.Notice.RECEIPT,
                            Optional.empty()));
                }
            } catch (RuntimeException e) {
                sweep.errors.add(object.key() + ": " + e);
            }
        }
        Instant now = clock.instant();
        for (SubmissionLedger.Owed notice : owed) {
            if (notice.heldUntil().map(until -> !until.isBefore(now)).orElse(false) || sweep.mailFailing
                    || !sweep.keepGoing.getAsBoolean()) {
                sweep.stillOwed++;
                continue;
            }
            try {
                if (send(notice, sweep.timeLeft.get())) {
                    sweep.sent++;
                }
            } catch (RuntimeException e) {
                // SES is likely down: the rest waits for the next sweep rather than each waiting out a timeout now.
                sweep.mailFailing = true;
                sweep.stillOwed++;
                sweep.errors.add(notice.notice() + " " + notice.submission().submissionId() + ": " + e);
            }
        }
    }

    /** What a unit can still upload for, where files may wait unseen: the obligations of this year and last that have opened. */
    public static List<Obligation> opened(Catalog catalog, Instant now) {
        int year = VietnamTime.dateOf(now).getYear();
        List<Obligation> obligations = new ArrayList<>(catalog.obligationsOf(year - 1));
        obligations.addAll(catalog.obligationsOf(year));
        obligations.removeIf(o -> now.isBefore(o.opensAt()));
        return obligations;
    }

    private boolean send(SubmissionLedger.Owed owed, Duration timeLeft) {
        Submission s = owed.submission();
        return switch (owed.notice()) {
            case RECEIPT -> recorder.sendOwedReceipt(s, timeLeft);
            case INSPECTION_REFUSAL -> recorder.sendOwedInspectionRefusal(s, timeLeft);
            case RETURN -> returns.sendOwedNotice(s, timeLeft);
        };
    }

    private static final class Sweep {
        final BooleanSupplier keepGoing;
        final Supplier<Duration> timeLeft;
        final List<String> errors = new ArrayList<>();
        int listed;
        int recorded;
        int sent;
        int stillOwed;
        boolean mailFailing;
        boolean stoppedEarly;

        Sweep(BooleanSupplier keepGoing, Supplier<Duration> timeLeft) {
            this.keepGoing = keepGoing;
            this.timeLeft = timeLeft;
        }
    }
}
