package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Exports;
import vn.haiphong.gddt.reports.app.OfficeAccess;

/**
 * {@code POST /v1/exports/{obligation}}: records the export and asks for its build; the archive is
 * made by {@link BuildExportHandler}. The route's parameter is named {@code id}, as in
 * {@code GET /v1/exports/{id}}: API Gateway refuses two names at one level of a path.
 */
public final class StartExportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Exports exports;

    public StartExportHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public StartExportHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.exports = wiring.exports();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            String exportId = exports.start(access.officeFor(Http.bearer(event)), Http.pathParameter(event, "id"));
            return Http.json(202, Map.of("exportId", exportId));
        });
    }
}
