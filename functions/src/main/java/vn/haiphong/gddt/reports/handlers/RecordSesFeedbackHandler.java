package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.reports.JsonIn;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.store.ReminderClaims;

/**
 * SES bounce and complaint notifications (through SNS): a permanently bounced or complaining
 * address is never written to again, and the Office sees it. Safe to receive twice. The SNS delivery
 * is read as a map, as every event handler here reads its event (see {@link StoredObjects} for why).
 */
public final class RecordSesFeedbackHandler implements RequestHandler<Map<String, Object>, String> {
    private final ReminderClaims claims;
    private final Clock clock;

    public RecordSesFeedbackHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public RecordSesFeedbackHandler(Wiring wiring) {
        this.claims = wiring.reminderClaims();
        this.clock = wiring.clock();
    }

    /** Each recipient's address of a bounce or complaint; returns how many were suppressed. */
    private int suppress(Object recipients, String why) {
        int count = 0;
        if (recipients instanceof List<?> list) {
            for (Object recipient : list) {
                Map<String, Object> r = JsonIn.object(recipient);
                if (r != null && r.get("emailAddress") instanceof String address) {
                    claims.suppress(address, why, clock.instant());
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        int suppressed = 0;
        if (event == null || !(event.get("Records") instanceof List<?> records)) {
            // Not an SNS delivery: failing makes Lambda retry it and alarm, where "OK" would hide it.
            throw new IllegalArgumentException("not an SNS event: no Records");
        }
        for (Object record : records) {
            Map<String, Object> sns = record instanceof Map<?, ?> r ? JsonIn.object(r.get("Sns")) : null;
            String raw = sns != null && sns.get("Message") instanceof String m ? m : null;
            Map<String, Object> message;
            try {
                message = raw == null ? null : JsonIn.object(JsonIn.parse(raw));
            } catch (JsonIn.Malformed e) {
                message = null;
            }
            if (message == null) {
                Log.info(context, "ses-feedback-unreadable", Map.of("messageId", String.valueOf(sns == null ? null : sns.get("MessageId"))));
                continue;
            }
            // Event publishing says "eventType"; identity notifications say "notificationType".
            Object type = message.containsKey("eventType") ? message.get("eventType") : message.get("notificationType");
            Map<String, Object> bounce = JsonIn.object(message.get("bounce"));
            Map<String, Object> complaint = JsonIn.object(message.get("complaint"));
            if ("Bounce".equals(type) && bounce != null && "Permanent".equals(bounce.get("bounceType"))) {
                suppressed += suppress(bounce.get("bouncedRecipients"), "bounce");
            } else if ("Complaint".equals(type) && complaint != null) {
                suppressed += suppress(complaint.get("complainedRecipients"), "complaint");
            }
        }
        Log.info(context, "ses-feedback", Map.of("suppressed", suppressed));
        return "suppressed " + suppressed;
    }
}
