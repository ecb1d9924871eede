package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.StatusSnapshots;

/** On a schedule: the status at every deadline that has passed (once), and the latest status. */
public final class WriteStatusSnapshotsHandler implements RequestHandler<ScheduledEvent, String> {
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
    public String handleRequest(ScheduledEvent event, Context context) {
        StatusSnapshots.Outcome outcome = snapshots.run();
        Log.info(context, "status-snapshots", Map.of("written", outcome.written(), "alreadyKept", outcome.alreadyKept().size()));
        return "written " + outcome.written().size();
    }
}
