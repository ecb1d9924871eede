package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.haiphong.gddt.reports.Wiring;

/**
 * The two pages and their assets, all served by us: {@code GET /u/{token}} (a school's upload page),
 * {@code GET /office} (the Office's dashboard) and {@code GET /assets/{name}}; on API Gateway's
 * {@code $default} route, a short page for a person anywhere else ({@link PeoplePages}). The pages read the
 * token themselves and talk to the API; nothing here sees or logs it. A strict Content-Security-Policy
 * allows only our own scripts and styles, and connections to the API and the storage.
 */
public final class ServePageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final String PAGES = "/vn/haiphong/gddt/reports/pages/";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]+\\.(js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon");

    private final Map<String, byte[]> cache = new HashMap<>();
    private final String securityPolicy;
    private final PeoplePages people;

    public ServePageHandler() {
        this(Wiring.live());
        Priming.register();
    }

    /** From a Wiring of its own: the local runner's, a test's. */
    public ServePageHandler(Wiring wiring) {
        String storageOrigin = wiring.env().required("STORAGE_ORIGIN");
        Map<String, String> contacts = Wiring.receiverContacts(wiring.env());
        this.securityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + storageOrigin + "; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'";
        this.people = new PeoplePages(contacts);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.respond(event, context, () -> {
            String route = String.valueOf(event.getRouteKey());
            if (route.endsWith("/u/{token}")) {
                return page("upload.html");
            }
            if (route.endsWith("/office")) {
                return page("office.html");
            }
            if (route.equals("$default")) {
                return elsewhere(event.getRawPath() == null ? "/" : event.getRawPath());
            }
            String name = event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("name", "");
            return ASSET.matcher(name).matches() ? asset(name).orElseGet(Http::notFound) : Http.notFound();
        });
    }

    private APIGatewayV2HTTPResponse page(String name) {
        byte[] html = load(name).orElseThrow(() -> new IllegalStateException("page " + name + " missing from the jar"));
        Map<String, String> headers = new HashMap<>(securityHeaders());
        headers.put("cache-control", "no-store");
        return Http.text(200, TYPES.get("html"), new String(html, StandardCharsets.UTF_8), headers);
    }

    private Optional<APIGatewayV2HTTPResponse> asset(String name) {
        return load(name).map(bytes -> {
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            Map<String, String> headers = new HashMap<>(securityHeaders());
            headers.put("content-type", type);
            headers.put("cache-control", "public, max-age=300");
            boolean text = type.startsWith("text/") || type.startsWith("image/svg");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers)
                    .withBody(text ? new String(bytes, StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(bytes))
                    .withIsBase64Encoded(!text).build();
        });
    }

    /**
     * Whatever no route takes: under {@code /v1/} a program asked, and gets a problem; anywhere else a
     * person typed or followed something, and gets a short page in Vietnamese saying what to do.
     */
    private APIGatewayV2HTTPResponse elsewhere(String path) {
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            return Http.notFound();
        }
        if (path.equals("/office/")) {
            Map<String, String> headers = new HashMap<>(securityHeaders());
            headers.put("location", "/office");
            return Http.text(308, TYPES.get("html"), "", headers);
        }
        PeoplePages.Page page = people.pageFor(path);
        Map<String, String> headers = new HashMap<>(securityHeaders());
        headers.put("cache-control", "no-store");
        return Http.text(page.status(), TYPES.get("html"), page.html(), headers);
    }

    private Map<String, String> securityHeaders() {
        // no-referrer: a page's URL holds the school's token; it must not travel to the storage in a Referer.
        return Map.of("content-security-policy", securityPolicy, "referrer-policy", "no-referrer",
                "x-content-type-options", "nosniff", "x-frame-options", "DENY");
    }

    private synchronized Optional<byte[]> load(String name) {
        if (!cache.containsKey(name)) {
            try (InputStream in = ServePageHandler.class.getResourceAsStream(PAGES + name)) {
                if (in == null) {
                    return Optional.empty();
                }
                cache.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(cache.get(name));
    }
}
