package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Extensions;
import vn.haiphong.gddt.reports.app.OfficeAccess;

/** {@code DELETE /v1/extensions/{obligation}/{unit}}: revokes the extension in force; it stays in history. */
public final class RevokeExtensionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Extensions extensions;

    public RevokeExtensionHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public RevokeExtensionHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.extensions = wiring.extensions();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> Http.json(200, ExtensionJson.of(extensions.revoke(
                access.officeFor(Http.bearer(event)), Http.pathParameter(event, "obligation"),
                Http.pathParameter(event, "unit")))));
    }
}
