package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import vn.haiphong.gddt.reports.JsonIn;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Text;

/** The HTTP edge every API handler shares: bearer token, JSON body, JSON and problem+json answers. */
final class Http {
    /** No legitimate request body comes near this; a larger one is refused before it is parsed. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private Http() {
    }

    /**
     * Lambda fails an invocation whose response, as the runtime serialises it, exceeds 6 MiB (and the
     * API then answers a bare 500); a few KiB are kept for the headers and the JSON around the body.
     */
    static final int LARGEST_BODY_BYTES = 6 * 1024 * 1024 - 16 * 1024;
    /** Below this, compressing saves less than the header costs. */
    private static final int SMALLEST_COMPRESSED_BYTES = 1024;

    /**
     * Runs the request and compresses its answer when the client accepts gzip; a refusal becomes its
     * problem+json, an answer too large for Lambda {@code response-too-large}, anything unexpected a
     * logged 500 without details.
     */
    static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Context context,
                                            Supplier<APIGatewayV2HTTPResponse> handling) {
        String route = event.getRouteKey();
        try {
            APIGatewayV2HTTPResponse response = compressed(event, handling.get());
            if (!fits(response)) {
                throw new RequestRefused(Problem.RESPONSE_TOO_LARGE);
            }
            Log.info(context, "request", Map.of("route", String.valueOf(route), "status", response.getStatusCode()));
            return response;
        } catch (RequestRefused refused) {
            Log.info(context, "refused", Map.of("route", String.valueOf(route), "code", refused.problem().code()));
            APIGatewayV2HTTPResponse answer = problem(refused.problem(), refused.detail());
            refused.retryAfter().ifPresent(wait -> {
                Map<String, String> headers = new java.util.HashMap<>(answer.getHeaders());
                headers.put("retry-after", Long.toString(Math.max(1, wait.toSeconds())));
                answer.setHeaders(headers);
            });
            return answer;
        } catch (RuntimeException e) {
            Log.error(context, "failed", Map.of("route", String.valueOf(route)), e);
            if (isOutage(e)) {
                // DynamoDB, S3 or SES unreachable or failing: the request was fine and may be sent again.
                APIGatewayV2HTTPResponse answer = problem(Problem.SERVICE_UNAVAILABLE, Problem.SERVICE_UNAVAILABLE.detail());
                Map<String, String> headers = new java.util.HashMap<>(answer.getHeaders());
                headers.put("retry-after", "60");
                answer.setHeaders(headers);
                return answer;
            }
            return problem(Problem.INTERNAL, Problem.INTERNAL.detail());
        }
    }

    /**
     * Text (JSON, CSV, HTML, JavaScript, CSS, SVG, problem+json) gzip-compressed and base64-encoded, as API
     * Gateway passes a binary body on, when the request's {@code Accept-Encoding} allows gzip; anything
     * else, or an answer already compressed, as it is.
     */
    static APIGatewayV2HTTPResponse compressed(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        String type = headers.getOrDefault("content-type", "");
        boolean text = type.startsWith("text/") || type.startsWith("application/json")
                || type.startsWith("application/problem+json") || type.startsWith("image/svg+xml");
        if (!text || response.getIsBase64Encoded() || response.getBody() == null || headers.containsKey("content-encoding")
                || !acceptsGzip(header(event, "accept-encoding"))) {
            return response;
        }
        byte[] plain = response.getBody().getBytes(StandardCharsets.UTF_8);
        if (plain.length < SMALLEST_COMPRESSED_BYTES) {
            return response;
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream(plain.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-encoding", "gzip");
        all.put("vary", "accept-encoding");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(response.getStatusCode()).withHeaders(all)
                .withBody(Base64.getEncoder().encodeToString(gzipped.toByteArray())).withIsBase64Encoded(true).build();
    }

    /**
     * Whether the body, as Lambda will carry it, stays under its 6 MiB limit. The runtime sends the
     * response as JSON, the body a JSON string inside it: every quote, backslash and line break of a
     * JSON or CSV body costs one byte more there (a year's status is about 10 % quotes).
     */
    static boolean fits(APIGatewayV2HTTPResponse response) {
        String body = response.getBody();
        // No character costs more than 6 bytes there (a control character, written as a six-character escape):
        // a body this short fits without being read, which spares nearly every answer a pass over it.
        if (body == null || body.length() <= LARGEST_BODY_BYTES / 6) {
            return true;
        }
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            bytes += c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' ? 1 : c < 0x20 ? 5 : 0;
        }
        return bytes <= LARGEST_BODY_BYTES;
    }

    /** {@code gzip}, {@code gzip;q=0.5} or {@code *} without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            boolean refused = java.util.Arrays.stream(parts).skip(1).map(String::strip)
                    .anyMatch(p -> p.matches("(?i)q\\s*=\\s*0(\\.0{0,3})?"));
            if ((name.equals("gzip") || name.equals("*")) && !refused) {
                return true;
            }
        }
        return false;
    }

    /** An AWS service that did not answer, or answered with its own failure (5xx, throttling), anywhere in the causes. */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && (service.statusCode() >= 500 || service.isThrottlingException())
                    || t instanceof SdkClientException) {
                return true;
            }
        }
        return false;
    }

    static String bearer(APIGatewayV2HTTPEvent event) {
        String value = header(event, "authorization");
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).strip() : null;
    }

    static Map<String, Object> jsonObject(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody() == null ? "" : event.getBody();
        if (!event.getIsBase64Encoded() && JsonIn.hasLoneSurrogate(raw)) {
            // getBytes would quietly turn it into '?'; a body that is not text is refused instead.
            throw new RequestRefused(Problem.BODY_INVALID, "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ.");
        }
        byte[] bytes = event.getIsBase64Encoded() ? decodeBase64(raw) : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new RequestRefused(Problem.BODY_TOO_LARGE);
        }
        Map<String, Object> object;
        try {
            object = JsonIn.object(JsonIn.parse(Text.nfc(JsonIn.utf8(bytes))));
        } catch (JsonIn.Malformed e) {
            throw new RequestRefused(Problem.BODY_INVALID,
                    "Nội dung yêu cầu không phải JSON hợp lệ (UTF-8, không có số quá dài, không lồng quá sâu).");
        }
        if (object == null) {
            throw new RequestRefused(Problem.BODY_INVALID, "Nội dung yêu cầu phải là một đối tượng JSON.");
        }
        return object;
    }

    static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        String value = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
        if (value == null || value.isBlank()) {
            throw new RequestRefused(Problem.NOT_FOUND);
        }
        return value;
    }

    static APIGatewayV2HTTPResponse text(int status, String contentType, String body, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = response(status, contentType, body);
        Map<String, String> all = new LinkedHashMap<>(response.getHeaders());
        all.putAll(headers);
        response.setHeaders(all);
        return response;
    }

    /** A binary body (a workbook), base64 in the proxy response as API Gateway expects. */
    static APIGatewayV2HTTPResponse binary(int status, String contentType, byte[] body, Map<String, String> headers) {
        APIGatewayV2HTTPResponse response = text(status, contentType, Base64.getEncoder().encodeToString(body), headers);
        response.setIsBase64Encoded(true);
        return response;
    }

    static APIGatewayV2HTTPResponse notFound() {
        return problem(Problem.NOT_FOUND, Problem.NOT_FOUND.detail());
    }

    static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json; charset=utf-8", Json.write(body));
    }

    static APIGatewayV2HTTPResponse problem(Problem problem, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:hp-reports:problem:" + problem.code());
        body.put("title", problem.name());
        body.put("status", problem.status());
        body.put("code", problem.code());
        body.put("detail", detail);
        return response(problem.status(), "application/problem+json; charset=utf-8", Json.write(body));
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", contentType, "cache-control", "no-store",
                        "x-content-type-options", "nosniff"))
                .withBody(body).build();
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static byte[] decodeBase64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(Problem.BODY_INVALID);
        }
    }
}
