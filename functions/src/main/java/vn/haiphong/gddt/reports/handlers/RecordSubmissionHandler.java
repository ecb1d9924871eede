package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.SubmissionRecorder;

/**
 * S3 {@code ObjectCreated} under {@code submissions/}: records each file once and tells the unit.
 * Safe to receive the same event twice. A failure is rethrown so Lambda retries the event.
 */
public final class RecordSubmissionHandler implements RequestHandler<S3Event, String> {
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
    public String handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            // S3 sends keys form-encoded ("+" for a space).
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            Instant at = Instant.ofEpochMilli(record.getEventTime().getMillis());
            SubmissionRecorder.Outcome outcome = recorder.onObjectCreated(key, record.getS3().getObject().getVersionId(), at,
                    Invocation.timeLeft(context));
            Log.info(context, "object-created", Map.of("key", key, "outcome", outcome.name()));
        }
        return "OK";
    }
}
