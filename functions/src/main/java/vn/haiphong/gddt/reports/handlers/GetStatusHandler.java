package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.app.StatusCsv;
import vn.haiphong.gddt.reports.app.StatusDocument;
import vn.haiphong.gddt.reports.app.StatusQuery;
import vn.haiphong.gddt.reports.app.StatusWorkbook;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;

/** {@code GET /v1/status}: the Office's status document, as JSON, as CSV for programs, or as an Excel workbook for people. */
public final class GetStatusHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final OfficeAccess access;
    private final StatusQuery status;

    public GetStatusHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public GetStatusHandler(Wiring wiring) {
        this.access = wiring.officeAccess();
        this.status = wiring.statusQuery();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            var office = access.officeFor(Http.bearer(event));
            Map<String, String> query = Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of());
            String format = query.getOrDefault("format", "json");
            if (!format.equals("json") && !format.equals("csv") && !format.equals("xlsx")) {
                throw new RequestRefused(Problem.QUERY_INVALID, "Tham số format chỉ nhận json, csv hoặc xlsx.");
            }
            StatusDocument document = StatusDocument.of(status.run(office, query));
            APIGatewayV2HTTPResponse answer = Http.compressed(event, switch (format) {
                case "csv" -> Http.text(200, "text/csv; charset=utf-8", StatusCsv.of(document),
                        Map.of("content-disposition", "attachment; filename=\"trang-thai-bao-cao.csv\""));
                case "xlsx" -> Http.binary(200, StatusWorkbook.CONTENT_TYPE, StatusWorkbook.of(document),
                        Map.of("content-disposition", "attachment; filename=\"trang-thai-bao-cao.xlsx\""));
                default -> Http.json(200, document);
            });
            // Lambda cannot carry more: the caller is told how to ask for less (a year at 5,000 units fits gzipped).
            if (!Http.fits(answer)) {
                throw new RequestRefused(Problem.STATUS_TOO_LARGE);
            }
            return answer;
        });
    }
}
