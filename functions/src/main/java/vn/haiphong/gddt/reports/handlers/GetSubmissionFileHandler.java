package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Downloads;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** {@code GET /v1/submissions/{submissionId}/file}: a presigned GET, valid a few minutes, under the original name. */
public final class GetSubmissionFileHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final Downloads downloads;

    public GetSubmissionFileHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public GetSubmissionFileHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.downloads = wiring.downloads();
    }

    /** Only {@code quarantined=true} asks for a refused file's bytes; absent or {@code false} asks for the report. */
    private static boolean quarantined(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of());
        for (String name : query.keySet()) {
            if (!name.equals("quarantined")) {
                throw new RequestRefused(Problem.QUERY_INVALID, "Tham số không được hỗ trợ: " + name + ".");
            }
        }
        String value = query.getOrDefault("quarantined", "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new RequestRefused(Problem.QUERY_INVALID, "Tham số quarantined chỉ nhận true hoặc false.");
        }
        return value.equals("true");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            var link = downloads.linkFor(access.officeFor(Http.bearer(event)), Http.pathParameter(event, "submissionId"),
                    quarantined(event));
            return Http.json(200, Map.of("url", link.url(), "expiresAt", VietnamTime.iso(link.expiresAt())));
        });
    }
}
