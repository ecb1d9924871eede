package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;

/**
 * A status of any size fits through Lambda's 6 MiB: with 5,000 units a year's status is larger than
 * that as plain JSON, so it is refused with a problem that says how to ask for less, and it is sent
 * gzipped to a client that accepts it (every browser), as the pages are. The runner itself fails a
 * larger Lambda response as AWS does.
 */
@Order(-25)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseSizeTest {
    private static final int UNITS = 5_000;

    /** Its own: 5,000 units need not stay in the emulators every other test class shares. */
    private Emulators emulators;
    private Running running;
    private String office;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        emulators = Emulators.start(EmulatorOptions.inMemory());
        Path csv = Files.writeString(dir.resolve("units.csv"), StatusBench.unitsCsv(UNITS), StandardCharsets.UTF_8);
        running = Running.start(emulators, OffsetDateTime.parse("2026-06-20T09:00:00+07:00").toInstant(), Map.of(), csv, null);
        office = running.system.officeToken();
    }

    @AfterAll
    void stop() {
        try {
            running.close();
        } finally {
            emulators.close();
        }
    }

    private HttpResponse<byte[]> get(String pathAndQuery, boolean gzip) {
        HttpRequest.Builder request = running.officeRequest("GET", pathAndQuery, office, null);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return Running.sendForBytes(request);
    }

    private static String gunzip(byte[] body) throws Exception {
        return new String(new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void a_year_of_five_thousand_units_without_gzip_is_refused_with_the_narrower_queries_named() {
        HttpResponse<byte[]> answer = get("/v1/status?year=2026", false);

        assertThat(answer.statusCode()).isEqualTo(413);
        JsonNode problem = Running.read(new String(answer.body(), StandardCharsets.UTF_8));
        assertThat(problem.get("code").asText()).isEqualTo("status-too-large");
        assertThat(problem.get("detail").asText()).contains("report=", "period=", "obligation=", "category=", "gzip");
    }

    @Test
    void the_same_year_gzipped_as_the_dashboard_asks_for_it_fits_and_holds_every_unit() throws Exception {
        HttpResponse<byte[]> answer = get("/v1/status?year=2026", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(answer.body().length).as("on the wire").isLessThan(6 * 1024 * 1024 / 4);
        String json = gunzip(answer.body());
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).as("unzipped, about 6 MB").isGreaterThan(6_000_000);
        JsonNode status = Running.read(json);
        assertThat(status.get("obligations")).hasSize(4);
        assertThat(status.at("/obligations/0/units").size()).isGreaterThanOrEqualTo(UNITS);
    }

    @Test
    void one_obligation_fits_without_gzip_and_the_pages_come_gzipped() throws Exception {
        assertThat(get("/v1/status?obligation=QCDC:2026-H1", false).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> page = Running.sendForBytes(HttpRequest.newBuilder(running.system.baseUrl().resolve("/office"))
                .header("Accept-Encoding", "gzip"));
        assertThat(page.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(page.body())).contains("<html");
        HttpResponse<byte[]> script = Running.sendForBytes(HttpRequest.newBuilder(running.system.baseUrl().resolve("/assets/office.js"))
                .header("Accept-Encoding", "gzip"));
        assertThat(script.headers().firstValue("content-encoding")).hasValue("gzip");
    }

    @Test
    void the_runner_answers_a_bare_500_for_a_lambda_response_over_six_mebibytes_as_aws_does() throws Exception {
        ApiGateway gateway = new ApiGateway(Clock.systemUTC());
        gateway.add(new SamTemplate.HttpRoute("GET", "/big"), "BigFunction", (event, context) ->
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("x".repeat(ApiGateway.MAX_LAMBDA_RESPONSE)).build());
        gateway.add(new SamTemplate.HttpRoute("GET", "/small"), "SmallFunction", (event, context) ->
                APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("x".repeat(1000)).build());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (!gateway.handle(exchange)) {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> big = http.send(HttpRequest.newBuilder(base.resolve("/big")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> small = http.send(HttpRequest.newBuilder(base.resolve("/small")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(big.statusCode()).isEqualTo(500);
            assertThat(big.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).hasSize(1000);
        } finally {
            server.stop(0);
        }
    }
}
