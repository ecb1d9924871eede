package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Reminders;

/**
 * Every morning at 08:00 Vietnam time: reminders to the units that still owe a report, digests to
 * the receiving departments. With {@code {"detail": {"dryRun": true}}} it answers the plan and sends
 * nothing. It stops taking new work a minute before its time is up; the rest goes out next run.
 * The schedule's event is taken as a map, not {@code ScheduledEvent} ({@link StoredObjects} says why).
 */
public final class SendRemindersHandler implements RequestHandler<Map<String, Object>, String> {
    private static final long STOP_BEFORE_END_MILLIS = 60_000;

    private final Reminders reminders;

    public SendRemindersHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public SendRemindersHandler(Wiring wiring) {
        this.reminders = wiring.reminders();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        boolean dryRun = event != null && event.get("detail") instanceof Map<?, ?> detail && Boolean.TRUE.equals(detail.get("dryRun"));
        Reminders.Outcome outcome;
        try {
            outcome = reminders.sweep(dryRun,
                    () -> context == null || context.getRemainingTimeInMillis() > STOP_BEFORE_END_MILLIS,
                    () -> Invocation.timeLeft(context));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reminder sweep interrupted", e);
        }
        Log.info(context, "reminders", Map.ofEntries(Map.entry("day", outcome.day()), Map.entry("dryRun", dryRun),
                Map.entry("sent", outcome.sent()), Map.entry("alreadyDone", outcome.alreadyDone()),
                Map.entry("skippedSubmitted", outcome.skippedSubmitted()), Map.entry("failed", outcome.failed()),
                Map.entry("deferred", outcome.deferred()), Map.entry("notReached", outcome.notReached()),
                Map.entry("problems", outcome.problems().size()), Map.entry("errors", outcome.errors()),
                Map.entry("stoppedEarly", outcome.stoppedEarly())));
        if (!outcome.errors().isEmpty()) {
            // Fail the invocation so it is retried and alarmed; claims make the retry send nothing twice.
            throw new IllegalStateException("reminder sweep ended with " + outcome.errors().size() + " error(s): "
                    + outcome.errors().get(0));
        }
        return Json.write(outcome);
    }
}
