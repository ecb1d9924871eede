package vn.haiphong.gddt.reports.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Exports;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.store.ExportJobs;
import vn.haiphong.gddt.reports.InMemoryPorts;
import vn.haiphong.gddt.reports.store.InMemoryExportJobs;

/**
 * The three export handlers on the in-memory ports and no network: the refusals happen before
 * anything is written, and presigning is local arithmetic.
 */
class ExportHandlersTest {
    private static final Instant NOW = Instant.parse("2025-06-11T01:00:00Z");
    private static final String ID = "0123456789abcdef0123456789abcdef";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryPorts ports = new InMemoryPorts();
    private final Wiring wiring = new Wiring(new Env(Map.of()), clock, ports);
    private final CapabilityTokens tokens = wiring.tokens();
    private final InMemoryExportJobs jobs = ports.exportJobs();

    @Test
    void starting_an_export_needs_an_office_token_a_known_obligation_and_the_right_department() {
        StartExportHandler start = new StartExportHandler(wiring);

        APIGatewayV2HTTPEvent anonymous = event(office("*"), "QCDC:2025-H1");
        anonymous.setHeaders(Map.of());
        assertProblem(start.handleRequest(anonymous, null), 401, "token-missing");
        assertProblem(start.handleRequest(event(unitToken(), "QCDC:2025-H1"), null), 403, "wrong-token-kind");
        assertProblem(start.handleRequest(event(office("*"), "QCDC:2025-Q7"), null), 404, "obligation-unknown");
        assertProblem(start.handleRequest(event(office("*"), "NOPE"), null), 404, "obligation-unknown");
        assertProblem(start.handleRequest(event(office("VP"), "QCDC:2025-H1"), null), 403, "out-of-scope");
        assertThat(jobs.all()).as("nothing recorded for a refused request").isEmpty();
    }

    @Test
    void an_export_id_that_is_malformed_or_unknown_is_not_found() {
        GetExportHandler get = new GetExportHandler(wiring);

        assertProblem(get.handleRequest(event(office("*"), "../../etc"), null), 404, "export-not-found");
        assertProblem(get.handleRequest(event(office("*"), ID.toUpperCase()), null), 404, "export-not-found");
        assertProblem(get.handleRequest(event(office("*"), ID), null), 404, "export-not-found");
        assertProblem(get.handleRequest(event(unitToken(), ID), null), 403, "wrong-token-kind");
    }

    @Test
    void a_pending_export_says_so_and_another_departments_token_may_not_look() {
        jobs.create(ExportJobs.Job.pending(ID, "QCDC:2025-H1", "van-phong", NOW));
        GetExportHandler get = new GetExportHandler(wiring);

        APIGatewayV2HTTPResponse response = get.handleRequest(event(office("TCCB"), ID), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(1);
        assertThat(json(response).get("state").asText()).isEqualTo("PENDING");
        assertProblem(get.handleRequest(event(office("VP"), ID), null), 403, "out-of-scope");
    }

    @Test
    void a_ready_export_gives_a_presigned_get_for_a_few_minutes_named_after_the_obligation() {
        jobs.create(ExportJobs.Job.pending(ID, "QCDC:2025-H1", "van-phong", NOW));
        jobs.ready(jobs.claim(ID, NOW, Exports.LONGEST_RUN).orElseThrow(), "exports/QCDC-2025-H1/20250611-080000-" + ID + ".zip", 2, 100, NOW);

        JsonNode body = json(new GetExportHandler(wiring).handleRequest(event(office("*"), ID), null));

        assertThat(body.get("state").asText()).isEqualTo("READY");
        // Signatures run on real time, whatever the business clock says.
        Instant expiresAt = java.time.OffsetDateTime.parse(body.get("expiresAt").asText()).toInstant();
        assertThat(body.get("expiresAt").asText()).endsWith("+07:00");
        assertThat(java.time.Duration.between(Instant.now(), expiresAt)).isBetween(
                java.time.Duration.ofMinutes(4), java.time.Duration.ofMinutes(5));
        assertThat(body.get("url").asText()).contains("exports/QCDC-2025-H1/20250611-080000-" + ID + ".zip",
                "QCDC-2025-H1_20250611-080000.zip");
    }

    @Test
    void a_run_that_has_gone_on_longer_than_lambda_allows_reads_as_failed() {
        jobs.create(ExportJobs.Job.pending(ID, "QCDC:2025-H1", "van-phong", NOW.minusSeconds(3600)));
        jobs.claim(ID, NOW.minus(Exports.LONGEST_RUN).minusSeconds(1), Exports.LONGEST_RUN);

        JsonNode body = json(new GetExportHandler(wiring).handleRequest(event(office("*"), ID), null));

        assertThat(body.get("state").asText()).isEqualTo("FAILED");
        assertThat(jobs.find(ID).orElseThrow().state()).isEqualTo(ExportJobs.State.RUNNING);
    }

    @Test
    void the_build_handler_ignores_keys_that_are_not_export_requests_and_jobs_it_does_not_know() {
        BuildExportHandler build = new BuildExportHandler(wiring);

        assertThat(build.handleRequest(s3Event("export-requests/not-an-id.json"), null)).isEqualTo("OK");
        assertThat(build.handleRequest(s3Event("export-requests/" + ID + ".json"), null)).isEqualTo("OK");
        assertThat(jobs.all()).isEmpty();
    }

    @Test
    void a_request_key_names_exactly_one_export() {
        assertThat(Exports.exportIdOf(Exports.requestKey(ID))).contains(ID);
        assertThat(Exports.exportIdOf("export-requests/" + ID + ".json.bak")).isEmpty();
        assertThat(Exports.exportIdOf("exports/" + ID + ".json")).isEmpty();
        assertThat(Exports.exportIdOf(null)).isEmpty();
    }

    private String office(String scope) {
        return wiring.officeCredentials().issue(scope, "van-phong", "Văn phòng Sở", Duration.ofHours(1)).token();
    }

    private String unitToken() {
        return tokens.mint(Capability.unit("thpt-tran-phu", 1, NOW.plusSeconds(3600)));
    }

    private static APIGatewayV2HTTPEvent event(String token, String id) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("ANY /v1/exports/{id}")
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .withPathParameters(Map.of("id", id)).build();
    }

    /** The fields of S3's notification that the handler reads (the whole shape: HandlersOnAwsEventsTest). */
    private static Map<String, Object> s3Event(String key) {
        return Map.of("Records", List.of(Map.of("eventName", "ObjectCreated:Put", "eventTime", NOW.toString(),
                "s3", Map.of("object", Map.of("key", key, "size", 10, "eTag", "etag")))));
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("content-type")).startsWith("application/problem+json");
        assertThat(json(response).get("code").asText()).isEqualTo(code);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
