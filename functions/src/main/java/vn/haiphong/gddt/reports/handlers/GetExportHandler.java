package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Exports;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** {@code GET /v1/exports/{exportId}}: {@code {state}}, and once READY a presigned GET valid a few minutes. */
public final class GetExportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Exports exports;

    public GetExportHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public GetExportHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.exports = wiring.exports();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            Exports.View view = exports.view(access.officeFor(Http.bearer(event)), Http.pathParameter(event, "id"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", view.state().name());
            view.url().ifPresent(url -> body.put("url", url));
            view.expiresAt().ifPresent(at -> body.put("expiresAt", VietnamTime.iso(at)));
            return Http.json(200, body);
        });
    }
}
