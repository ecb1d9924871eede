package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.SubmissionRecorder;

/**
 * S3 {@code ObjectCreated} under {@code submissions/}: records each file once and tells the unit.
 * Safe to receive the same event twice. A failure is rethrown so Lambda retries the event.
 */
public final class RecordSubmissionHandler implements RequestHandler<Map<String, Object>, String> {
    private final SubmissionRecorder recorder;

    public RecordSubmissionHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public RecordSubmissionHandler(Wiring wiring) {
        this.recorder = wiring.submissionRecorder();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        for (StoredObjects.Stored stored : StoredObjects.in(event)) {
            SubmissionRecorder.Outcome outcome = recorder.onObjectCreated(stored.key(), stored.versionId(), stored.at(),
                    Invocation.timeLeft(context));
            Log.info(context, "object-created", Map.of("key", stored.key(), "outcome", outcome.name()));
        }
        return "OK";
    }
}
