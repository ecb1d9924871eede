package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Exports;

/**
 * S3 {@code ObjectCreated} under {@code export-requests/}: builds the export the request names.
 * A repeated event finds the job claimed and does nothing. A failed build is recorded as FAILED and
 * not thrown, so Lambda does not start the whole archive again; only a failure to reach the table
 * is thrown (Lambda's retry then finds the job claimed, and GET reports it FAILED after the
 * longest possible run).
 */
public final class BuildExportHandler implements RequestHandler<Map<String, Object>, String> {
    private final Exports exports;

    public BuildExportHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public BuildExportHandler(Wiring wiring) {
        this.exports = wiring.exports();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        for (StoredObjects.Stored stored : StoredObjects.in(event)) {
            String key = stored.key();
            Optional<String> exportId = Exports.exportIdOf(key);
            if (exportId.isEmpty()) {
                Log.info(context, "export-request-ignored", Map.of("key", key));
                continue;
            }
            long started = System.nanoTime();
            Exports.Built built = exports.build(exportId.get(), Invocation.timeLeft(context));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("exportId", exportId.get());
            fields.put("outcome", built.outcome().name());
            fields.put("files", built.files());
            fields.put("bytes", built.bytes());
            fields.put("parts", built.parts());
            fields.put("millis", (System.nanoTime() - started) / 1_000_000);
            if (built.outcome() == Exports.Outcome.FAILED) {
                fields.put("reason", built.reason());
            }
            Log.info(context, "export-built", fields);
        }
        return "OK";
    }
}
