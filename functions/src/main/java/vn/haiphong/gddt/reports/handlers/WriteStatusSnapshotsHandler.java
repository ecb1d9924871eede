package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.StatusSnapshots;

/**
 * On a schedule: the status at every deadline that has passed (once), and the latest status.
 * The schedule's event is taken as a map, not {@code ScheduledEvent} ({@link StoredObjects} says why).
 */
public final class WriteStatusSnapshotsHandler implements RequestHandler<Map<String, Object>, String> {
    private final StatusSnapshots snapshots;

    public WriteStatusSnapshotsHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public WriteStatusSnapshotsHandler(Wiring wiring) {
        this.snapshots = wiring.statusSnapshots();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        StatusSnapshots.Outcome outcome = snapshots.run();
        Log.info(context, "status-snapshots", Map.of("written", outcome.written(), "alreadyKept", outcome.alreadyKept().size()));
        return "written " + outcome.written().size();
    }
}
