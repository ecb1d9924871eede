package vn.haiphong.gddt.reports.inspect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.handlers.Priming;

/**
 * The deep inspection of every submitted file, in a function of its own so that the API functions
 * never load PDFBox or Bouncy Castle. Two triggers (template.yaml): storage's "Object Created" event
 * through EventBridge, for each file as it arrives, and a schedule, for any file whose event never came
 * or failed for good (and every file the reconciliation recorded). The Office's trusted roots are a PEM
 * bundle in the bucket ({@code TRUSTED_ROOTS_KEY}); without it, every signature is {@code UNTRUSTED}.
 */
public final class InspectSubmissionHandler implements RequestHandler<Map<String, Object>, String> {
    private static final long STOP_BEFORE_END_MILLIS = 60_000;

    private final SubmissionInspections inspections;

    public InspectSubmissionHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public InspectSubmissionHandler(Wiring wiring) {
        String rootsKey = wiring.env().optional("TRUSTED_ROOTS_KEY").orElse("config/trusted-roots.pem");
        this.inspections = new SubmissionInspections(wiring.catalog(), wiring.ledger(), wiring.files(),
                wiring.submissionRecorder(), new FileInspector(), () -> trustedRoots(wiring.files(), rootsKey), wiring.clock());
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Duration timeLeft = timeLeft(context);
        if ("Object Created".equals(event.get("detail-type")) && event.get("detail") instanceof Map<?, ?> detail
                && detail.get("object") instanceof Map<?, ?> object) {
            String key = String.valueOf(object.get("key"));
            SubmissionInspections.Outcome outcome = inspections.inspect(key, timeLeft);
            // The recorder runs on storage's own notification of the same file and usually writes within
            // a second or two; waiting here (1, 2, 4, 8 s) is cheaper than a retry a minute later.
            for (long wait = 1; outcome == SubmissionInspections.Outcome.NOT_RECORDED && wait <= 8; wait *= 2) {
                pause(wait);
                outcome = inspections.inspect(key, timeLeft(context));
            }
            if (outcome == SubmissionInspections.Outcome.NOT_RECORDED) {
                // Still not recorded: failing makes Lambda try again in a minute (and is alarmed as an error).
                throw new IllegalStateException("submission not recorded after 15 s: " + key);
            }
            return outcome.name();
        }
        SubmissionInspections.Sweep sweep = inspections.sweep(
                () -> context == null || context.getRemainingTimeInMillis() > STOP_BEFORE_END_MILLIS,
                () -> timeLeft(context));
        if (!sweep.errors().isEmpty()) {
            throw new IllegalStateException("inspected " + sweep.inspected() + ", failed " + sweep.errors());
        }
        return "INSPECTED " + sweep.inspected();
    }

    /** The Office's bundle; none when it has not put one (S3 answers 403 for a missing key without ListBucket). */
    private static TrustedRoots trustedRoots(SubmissionFiles files, String key) {
        try {
            Path pem = Files.createTempFile("trusted-roots-", ".pem");
            try {
                files.download(key, pem);
                return TrustedRoots.fromPem(Files.readString(pem));
            } catch (S3Exception missing) {
                if (missing.statusCode() == 404 || missing.statusCode() == 403) {
                    return TrustedRoots.none();
                }
                throw missing;
            } finally {
                Files.deleteIfExists(pem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Duration timeLeft(Context context) {
        return context == null ? Duration.ofMinutes(5) : Duration.ofMillis(context.getRemainingTimeInMillis());
    }
}
