package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.store.ReminderClaims;

/**
 * SES bounce and complaint notifications (through SNS): a permanently bounced or complaining
 * address is never written to again, and the Office sees it. Safe to receive twice.
 */
public final class RecordSesFeedbackHandler implements RequestHandler<SNSEvent, String> {
    private final ReminderClaims claims;
    private final Clock clock;

    public RecordSesFeedbackHandler() {
        this(System.getenv(), Clock.systemUTC());
        Priming.register();
    }

    public RecordSesFeedbackHandler(Map<String, String> env, Clock clock) {
        this(new Wiring(new Env(env), clock).reminderClaims(), clock);
    }

    RecordSesFeedbackHandler(ReminderClaims claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public String handleRequest(SNSEvent event, Context context) {
        int suppressed = 0;
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            JsonNode message;
            try {
                message = Json.MAPPER.readTree(record.getSNS().getMessage());
            } catch (JsonProcessingException e) {
                Log.info(context, "ses-feedback-unreadable", Map.of("messageId", String.valueOf(record.getSNS().getMessageId())));
                continue;
            }
            // Event publishing says "eventType"; identity notifications say "notificationType".
            String type = message.path("eventType").asText(message.path("notificationType").asText());
            if (type.equals("Bounce") && message.at("/bounce/bounceType").asText().equals("Permanent")) {
                for (JsonNode r : message.at("/bounce/bouncedRecipients")) {
                    claims.suppress(r.path("emailAddress").asText(), "bounce", clock.instant());
                    suppressed++;
                }
            } else if (type.equals("Complaint")) {
                for (JsonNode r : message.at("/complaint/complainedRecipients")) {
                    claims.suppress(r.path("emailAddress").asText(), "complaint", clock.instant());
                    suppressed++;
                }
            }
        }
        Log.info(context, "ses-feedback", Map.of("suppressed", suppressed));
        return "suppressed " + suppressed;
    }
}
