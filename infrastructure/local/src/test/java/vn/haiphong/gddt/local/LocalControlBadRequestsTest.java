package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The runner's own endpoints, as a careless script meets them: {@code /_local/*} with bodies they cannot read.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalControlBadRequestsTest {
    private static final Instant START = OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant();
    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, START, Map.of());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void the_clock_refuses_a_body_that_is_not_json_not_an_object_or_not_an_instant_with_a_400_and_stays_put() {
        Instant before = running.system.clock().instant();
        for (String body : new String[] {"now=2026-12-01", "[\"2026-12-01T09:00:00+07:00\"]", "{}", "{\"now\":null}",
                "{\"now\":20261201}", "{\"now\":\"yesterday\"}", "{\"now\":\"2026-13-01T09:00:00+07:00\"}", ""}) {
            assertBadRequest(post("/_local/clock", body), "local-clock-invalid", "now");
        }
        assertThat(running.system.clock().instant()).as("a refused move leaves business time running from where it was")
                .isBetween(before, before.plusSeconds(60));
    }

    @Test
    void a_schedule_refuses_a_body_that_is_not_a_json_object_with_a_400_and_runs_nothing() {
        for (String body : new String[] {"dryRun", "[true]", "\"dryRun\"", "null", "{\"dryRun\":"}) {
            assertBadRequest(post("/_local/schedules/SendRemindersFunction", body), "local-schedule-invalid", "JSON object");
        }
    }

    @Test
    void a_topic_refuses_an_empty_message_with_a_400() {
        assertBadRequest(post("/_local/topics/SesFeedbackTopic", ""), "local-topic-invalid", "empty");
    }

    private HttpResponse<String> post(String path, String body) {
        return Running.send(HttpRequest.newBuilder(running.system.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static void assertBadRequest(HttpResponse<String> response, String type, String detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Running.read(response.body()).get("type").asText()).isEqualTo("urn:hp-reports:problem:" + type);
        assertThat(Running.read(response.body()).get("detail").asText()).contains(detailMentions);
    }
}
