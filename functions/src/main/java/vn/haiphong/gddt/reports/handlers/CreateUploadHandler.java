package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.UnitAccess;
import vn.haiphong.gddt.reports.app.UploadRequest;
import vn.haiphong.gddt.reports.app.Uploads;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * {@code POST /v1/uploads}: grants a unit a presigned PUT for exactly the file it described. Nothing
 * is written here; the submission is recorded when the file arrives.
 */
public final class CreateUploadHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Set<String> FIELDS = Set.of("obligation", "fileName", "contentType", "size", "sha256");

    private final UnitAccess access;
    private final Uploads uploads;

    public CreateUploadHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public CreateUploadHandler(Wiring wiring) {
        this.access = wiring.unitAccess();
        this.uploads = wiring.uploads();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            Unit unit = access.unitFor(Http.bearer(event));
            Uploads.Grant grant = uploads.grant(unit, parse(Http.jsonObject(event)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("submissionId", grant.submissionId());
            body.put("uploadUrl", grant.upload().url());
            body.put("method", grant.upload().method());
            body.put("headers", grant.upload().headers());
            body.put("expiresAt", VietnamTime.iso(grant.upload().expiresAt()));
            return Http.json(201, body);
        });
    }

    private static UploadRequest parse(Map<String, Object> body) {
        Json.onlyFields(body, FIELDS);
        return new UploadRequest(Json.text(body, "obligation"), Json.text(body, "fileName"),
                Json.text(body, "contentType"), Json.wholeNumber(body, "size", Problem.SIZE_INVALID),
                Json.text(body, "sha256"));
    }
}
