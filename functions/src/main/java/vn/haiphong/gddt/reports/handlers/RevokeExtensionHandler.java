package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Extensions;
import vn.haiphong.gddt.reports.app.OfficeAccess;

/** {@code DELETE /v1/extensions/{obligation}/{unit}}: revokes the extension in force; it stays in history. */
public final class RevokeExtensionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Extensions extensions;

    public RevokeExtensionHandler() {
        this(System.getenv(), Clock.systemUTC());
        Priming.register();
    }

    public RevokeExtensionHandler(Map<String, String> env, Clock clock) {
        this(new Wiring(new Env(env), clock));
    }

    private RevokeExtensionHandler(Wiring wiring) {
        this(wiring.officeAccess(), wiring.extensions());
    }

    RevokeExtensionHandler(OfficeAccess access, Extensions extensions) {
        this.access = access;
        this.extensions = extensions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> Http.json(200, ExtensionJson.of(extensions.revoke(
                access.officeFor(Http.bearer(event)), Http.pathParameter(event, "obligation"),
                Http.pathParameter(event, "unit")))));
    }
}
