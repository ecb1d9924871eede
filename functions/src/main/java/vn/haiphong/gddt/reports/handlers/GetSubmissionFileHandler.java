package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Downloads;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** {@code GET /v1/submissions/{submissionId}/file}: a presigned GET, valid a few minutes, under the original name. */
public final class GetSubmissionFileHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Downloads downloads;

    public GetSubmissionFileHandler() {
        this(System.getenv(), Clock.systemUTC());
        Priming.register();
    }

    public GetSubmissionFileHandler(Map<String, String> env, Clock clock) {
        this(new Wiring(new Env(env), clock));
    }

    private GetSubmissionFileHandler(Wiring wiring) {
        this(wiring.officeAccess(), wiring.downloads());
    }

    GetSubmissionFileHandler(OfficeAccess access, Downloads downloads) {
        this.access = access;
        this.downloads = downloads;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            var link = downloads.linkFor(access.officeFor(Http.bearer(event)), Http.pathParameter(event, "submissionId"));
            return Http.json(200, Map.of("url", link.url(), "expiresAt", VietnamTime.iso(link.expiresAt())));
        });
    }
}
