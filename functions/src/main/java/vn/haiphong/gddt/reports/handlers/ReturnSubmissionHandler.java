package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.app.Returns;

/**
 * {@code POST /v1/submissions/{submissionId}/return} with {@code {reason}}: the Office sends the unit's
 * latest file back; answers the unit's row as the status document has it.
 */
public final class ReturnSubmissionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Returns returns;

    public ReturnSubmissionHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public ReturnSubmissionHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.returns = wiring.returns();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            var office = access.officeFor(Http.bearer(event));
            Map<String, Object> body = Http.jsonObject(event);
            Json.onlyFields(body, Set.of("reason"));
            // A missing reason is the reason's problem (return-reason-invalid), a non-text one the body's.
            String reason = body.get("reason") != null ? Json.text(body, "reason") : null;
            String submissionId = Http.pathParameter(event, "submissionId");
            Returns.Outcome outcome = returns.giveBack(office, submissionId, reason, Invocation.timeLeft(context));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("submissionId", submissionId);
            fields.put("notice", outcome.notice().name());
            if (outcome.failure() != null) {
                fields.put("failure", outcome.failure());
            }
            Log.info(context, "returned", fields);
            return Http.json(200, outcome.row());
        });
    }
}
