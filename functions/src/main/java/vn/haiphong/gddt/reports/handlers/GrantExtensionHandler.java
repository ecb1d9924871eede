package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Set;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Extensions;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.domain.Extension;

/** {@code PUT /v1/extensions/{obligation}/{unit}} with {@code {until, reason}}: grants a later deadline. */
public final class GrantExtensionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Extensions extensions;

    public GrantExtensionHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public GrantExtensionHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.extensions = wiring.extensions();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            var office = access.officeFor(Http.bearer(event));
            Map<String, Object> body = Http.jsonObject(event);
            Json.onlyFields(body, Set.of("until", "reason"));
            Extension granted = extensions.grant(office, Http.pathParameter(event, "obligation"),
                    Http.pathParameter(event, "unit"), Json.text(body, "until"), Json.text(body, "reason"));
            return Http.json(200, ExtensionJson.of(granted));
        });
    }
}
