package vn.haiphong.gddt.reports.inspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import vn.haiphong.gddt.reports.app.Reconciliation;
import vn.haiphong.gddt.reports.app.SubmissionRecorder;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.SignatureRule;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * Inspects each recorded submission once: reads the file from storage into a temporary file, inspects
 * it ({@link FileInspector}), keeps the result on the submission (a conditional write: of two runs, one
 * writes) as the report's {@link SignatureRule} reads it, and for a refused file moves it to quarantine
 * and tells the unit once. Safe to run twice on
 * the same file, and after any failure: what is done is read back, what is not is done again.
 *
 * <p>The trusted roots are asked for at each file, so the Office's new bundle counts from the next file
 * (a function resumed from a snapshot would otherwise keep the bundle it was published with).
 */
public final class SubmissionInspections {
    /** A file younger than this is left to its own event; the sweep is for events that never came. */
    static final Duration LEFT_TO_ITS_EVENT = Duration.ofMinutes(2);

    public enum Outcome { INSPECTED, ALREADY_INSPECTED, NOT_RECORDED, IGNORED }

    /** What one sweep did. */
    public record Sweep(int inspected, List<String> errors) {
    }

    private final Catalog catalog;
    private final SubmissionLedger ledger;
    private final SubmissionFiles files;
    private final SubmissionRecorder recorder;
    private final FileInspector inspector;
    private final Supplier<TrustedRoots> roots;
    private final Clock clock;

    public SubmissionInspections(Catalog catalog, SubmissionLedger ledger, SubmissionFiles files, SubmissionRecorder recorder,
                                 FileInspector inspector, Supplier<TrustedRoots> roots, Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.files = files;
        this.recorder = recorder;
        this.inspector = inspector;
        this.roots = roots;
        this.clock = clock;
    }

    /**
     * The file storage announced under {@code key}. Its record may not be written yet (the recorder
     * runs on the same announcement): then {@link Outcome#NOT_RECORDED}, and the caller fails so that
     * the event is retried.
     */
    public Outcome inspect(String key, Duration timeLeft) {
        Optional<SubmissionKey> parsed = SubmissionKey.parse(key);
        if (parsed.isEmpty()) {
            return Outcome.IGNORED;
        }
        SubmissionKey k = parsed.get();
        return ledger.find(k.obligationId(), k.unitId(), k.submissionId())
                .map(submission -> inspect(submission, timeLeft, roots))
                .orElse(Outcome.NOT_RECORDED);
    }

    /** Every recorded file of an open obligation that is still uninspected two minutes after it arrived. */
    public Sweep sweep(BooleanSupplier keepGoing, Supplier<Duration> timeLeft) {
        Instant before = clock.instant().minus(LEFT_TO_ITS_EVENT);
        Supplier<TrustedRoots> rootsOfThisSweep = once(roots);
        int inspected = 0;
        List<String> errors = new ArrayList<>();
        for (Obligation o : Reconciliation.opened(catalog, clock.instant())) {
            for (Submission s : ledger.records(o.id()).submissions()) {
                if (!keepGoing.getAsBoolean()) {
                    return new Sweep(inspected, List.copyOf(errors));
                }
                boolean waiting = s.accepted() && s.inspection().isEmpty() && s.receivedAt().isBefore(before);
                boolean owed = s.inspection().filter(i -> i.verdict() == Inspection.Verdict.REFUSED).isPresent();
                if (!waiting && !owed) {
                    continue;
                }
                try {
                    inspected += inspect(s, timeLeft.get(), rootsOfThisSweep) == Outcome.INSPECTED ? 1 : 0;
                } catch (RuntimeException e) {
                    errors.add(s.submissionId() + ": " + e);
                }
            }
        }
        return new Sweep(inspected, List.copyOf(errors));
    }

    /** Read at the first file that needs it, then kept: one sweep does not fetch the bundle for every file. */
    private static Supplier<TrustedRoots> once(Supplier<TrustedRoots> roots) {
        TrustedRoots[] read = new TrustedRoots[1];
        return () -> read[0] != null ? read[0] : (read[0] = roots.get());
    }

    private Outcome inspect(Submission submission, Duration timeLeft, Supplier<TrustedRoots> trusted) {
        Submission inspected = submission;
        boolean wrote = false;
        if (submission.inspection().isEmpty()) {
            if (!submission.accepted()) {
                // Refused on arrival, already in quarantine: nothing in it is worth a deeper look.
                return Outcome.ALREADY_INSPECTED;
            }
            Optional<Format> format = Format.ofFileName(submission.key());
            Inspection inspection = catalog.find(submission.obligationId())
                    .map(o -> o.report().signature()).orElse(SignatureRule.RECOMMENDED)
                    .judge(inspectFile(submission, format, trusted), format.filter(f -> f == Format.PDF).isPresent());
            wrote = ledger.recordInspection(submission, inspection, clock.instant());
            // Another run may have written first: then its result is the one that stands.
            inspected = wrote ? submission.withInspection(inspection)
                    : ledger.find(submission.obligationId(), submission.unitId(), submission.submissionId())
                            .orElse(submission.withInspection(inspection));
        }
        if (!inspected.accepted()) {
            // Repeated on every run until it holds: a failed move or send is finished by the next one.
            SubmissionKey.parse(inspected.key()).ifPresent(k -> files.move(k.key(), k.quarantineKey()));
            recorder.sendOwedInspectionRefusal(inspected, timeLeft);
        }
        return wrote ? Outcome.INSPECTED : Outcome.ALREADY_INSPECTED;
    }

    private Inspection inspectFile(Submission submission, Optional<Format> format, Supplier<TrustedRoots> trusted) {
        if (format.isEmpty()) {
            // DOC and XLS (OLE2) are accepted on their first bytes, as the recorder checked them.
            return new Inspection(Inspection.Verdict.OK, List.of(), Optional.empty(), List.of());
        }
        Path file = null;
        try {
            file = Files.createTempFile("submission-", ".bin");
            files.download(submission.key(), file);
            return inspector.inspect(file, format.get(), trusted.get(), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // /tmp is the invocation's own; the next cold start clears it
                }
            }
        }
    }
}
