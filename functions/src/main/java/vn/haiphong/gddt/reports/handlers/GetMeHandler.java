package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.UnitAccess;
import vn.haiphong.gddt.reports.app.UnitOverview;

/** {@code GET /v1/me}: the unit behind the link, what it owes, by when, and what it has sent. */
public final class GetMeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final UnitAccess access;
    private final UnitOverview overview;

    public GetMeHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public GetMeHandler(Wiring wiring) {
        this.access = wiring.unitAccess();
        this.overview = wiring.unitOverview();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> Http.json(200, overview.of(access.unitFor(Http.bearer(event)))));
    }
}
