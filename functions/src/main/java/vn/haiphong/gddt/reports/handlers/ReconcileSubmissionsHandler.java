package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Reconciliation;

/**
 * Every 15 minutes: records every file of an open or recently due period that has no record, and
 * sends every receipt, refusal and return notice still owed (see {@link Reconciliation}).
 *
 * <p>Its one log line is also a CloudWatch metric (Embedded Metric Format): {@code ReconcileRepairs}
 * in {@code HpReports}, per stack, which template.yaml alarms on when it is above zero, because each
 * repair is something the nets before this one missed. A sweep that could not do everything fails
 * the invocation, so that it is retried and alarmed; its conditional writes and claims make the
 * retry harmless.
 * The schedule's event is taken as a map, not {@code ScheduledEvent} ({@link StoredObjects} says why).
 */
public final class ReconcileSubmissionsHandler implements RequestHandler<Map<String, Object>, String> {
    private static final long STOP_BEFORE_END_MILLIS = 30_000;

    private final Reconciliation reconciliation;
    private final String stack;

    public ReconcileSubmissionsHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public ReconcileSubmissionsHandler(Wiring wiring) {
        this.reconciliation = wiring.reconciliation();
        this.stack = wiring.env().required("STACK_NAME");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Reconciliation.Outcome outcome = reconciliation.sweep(
                () -> context == null || context.getRemainingTimeInMillis() > STOP_BEFORE_END_MILLIS,
                () -> Invocation.timeLeft(context));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("_aws", Map.of("Timestamp", Instant.now().toEpochMilli(), "CloudWatchMetrics", List.of(Map.of(
                "Namespace", "HpReports", "Dimensions", List.of(List.of("Stack")),
                "Metrics", List.of(Map.of("Name", "ReconcileRepairs", "Unit", "Count"))))));
        fields.put("Stack", stack);
        fields.put("ReconcileRepairs", outcome.repairs());
        fields.put("obligations", outcome.obligations());
        fields.put("objectsListed", outcome.objectsListed());
        fields.put("recorded", outcome.recorded());
        fields.put("noticesSent", outcome.noticesSent());
        fields.put("stillOwed", outcome.stillOwed());
        fields.put("stoppedEarly", outcome.stoppedEarly());
        fields.put("errors", outcome.errors());
        Log.info(context, "reconciled", fields);
        if (!outcome.errors().isEmpty()) {
            throw new IllegalStateException("reconciliation ended with " + outcome.errors().size() + " error(s): "
                    + outcome.errors().get(0));
        }
        return Json.write(outcome);
    }
}
