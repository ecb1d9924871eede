package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** A leaked link can ask for only so many grants to write: 20 presigned URLs a unit a minute. */
@ExtendWith(EmulatorsExtension.class)
class TooManyGrantsTest {
    /** Five seconds into a minute: twenty-one requests end well before the next. */
    private static final Instant START = OffsetDateTime.parse("2026-12-01T09:00:05+07:00").toInstant();
    private static final String OBLIGATION = "DVCQ:2026-Y";

    @Test
    void the_twenty_first_grant_of_a_minute_is_refused_with_retry_after_while_other_units_and_the_next_minute_go_on(
            Emulators emulators) throws Exception {
        try (Running running = Running.start(emulators, START, Map.of())) {
            LocalSystem.SessionUnit school = running.unit("THPT");
            byte[] file = Running.pdf("quota");
            for (int i = 0; i < 20; i++) {
                assertThat(ask(running, school, file).statusCode()).as("grant %d", i + 1).isEqualTo(201);
            }

            HttpResponse<String> refused = ask(running, school, file);

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(Running.read(refused.body()).get("code").asText()).isEqualTo("too-many-requests");
            assertThat(Running.read(refused.body()).get("detail").asText()).contains("thử lại");
            assertThat(refused.headers().firstValue("retry-after").map(Integer::parseInt))
                    .hasValueSatisfying(s -> assertThat(s).isBetween(1, 60));
            assertThat(ask(running, running.units(u -> u.category().equals("THPT")).get(1), file).statusCode())
                    .as("another unit").isEqualTo(201);
            running.system.moveClockTo(START.plusSeconds(60));
            assertThat(ask(running, school, file).statusCode()).as("the next minute").isEqualTo(201);
        }
    }

    private static HttpResponse<String> ask(Running running, LocalSystem.SessionUnit unit, byte[] file) {
        return running.requestUpload(unit.token(), OBLIGATION, "bao-cao.pdf", "application/pdf", file);
    }
}
