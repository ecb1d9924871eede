package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, as a person runs it: {@code java -jar infrastructure/local/target/local-runner.jar}.
 * It writes the session file, serves the API, stops everything on Ctrl-C (SIGTERM here) and, with
 * {@code --data}, keeps its state across a restart.
 */
class LocalRunnerJarIT {
    private static final Path JAR = Path.of("target/local-runner.jar").toAbsolutePath();

    @Test
    void the_runner_jar_serves_the_system_stops_cleanly_and_keeps_its_data_across_a_restart(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        Path session = dir.resolve("session.json");

        Process first = start(session, data, dir.resolve("first.log"));
        JsonNode s = awaitSession(session, first, dir.resolve("first.log"));
        assertThat(s.get("baseUrl").asText()).startsWith("http://localhost:");
        assertThat(s.get("officeToken").asText()).isNotBlank();
        assertThat(s.get("emulators").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("s3", "dynamodb", "ses", "sesStore", "sqs");
        assertThat(s.at("/queues/FailedEventsQueue").asText()).startsWith(s.at("/emulators/sqs").asText());
        JsonNode unit = firstSchool(s);
        assertThat(unit.get("link").asText()).isEqualTo(s.get("baseUrl").asText() + "/u/" + unit.get("token").asText());
        assertThat(unit.get("emails").get(0).asText()).endsWith("@example.edu.vn");

        String token = unit.get("token").asText();
        byte[] file = Running.pdf("survives a restart");
        String grantBody = Running.send(HttpRequest.newBuilder(java.net.URI.create(s.get("baseUrl").asText() + "/v1/uploads"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Running.uploadBody(currentYearEnd(), "bc.pdf",
                        "application/pdf", file.length, Running.sha256(file))))).body();
        assertThat(Running.put(Running.read(grantBody), file).statusCode()).isEqualTo(200);
        assertThat(awaitSubmissionCount(s, token)).isEqualTo(1);
        assertThat(Running.send(HttpRequest.newBuilder(java.net.URI.create(s.get("baseUrl").asText() + "/_local/schedules/NoSuchFunction"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        assertThat(Running.read(Running.send(HttpRequest.newBuilder(java.net.URI.create(s.get("baseUrl").asText() + "/_local/faults"))
                .GET()).body()).get("dynamodb").asText()).isEqualTo("up");

        stopLikeCtrlC(first);

        Files.delete(session);
        Process second = start(session, data, dir.resolve("second.log"));
        try {
            JsonNode again = awaitSession(session, second, dir.resolve("second.log"));
            assertThat(awaitSubmissionCount(again, token)).as("the link printed before the restart still opens, with its upload").isEqualTo(1);
        } finally {
            stopLikeCtrlC(second);
        }
    }

    private static String currentYearEnd() {
        return "DVCQ:" + java.time.LocalDate.now(vn.haiphong.gddt.reports.domain.VietnamTime.ZONE).getYear() + "-Y";
    }

    private static Process start(Path session, Path data, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--port", "0", "--session-file", session.toString(), "--data", data.toString(),
                "--clock", Instant.now().atZone(vn.haiphong.gddt.reports.domain.VietnamTime.ZONE).withMonth(12).withDayOfMonth(1)
                        .withHour(9).toOffsetDateTime().toString())
                .directory(Running.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    private static JsonNode awaitSession(Path session, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!Files.exists(session) || Files.size(session) == 0) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the runner did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        Thread.sleep(100);
        return Running.read(Files.readString(session));
    }

    private static JsonNode firstSchool(JsonNode session) {
        for (JsonNode unit : session.get("units")) {
            if (unit.get("category").asText().equals("THPT")) {
                return unit;
            }
        }
        throw new AssertionError("no THPT unit in the session");
    }

    private static int awaitSubmissionCount(JsonNode session, String token) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode me = Running.read(Running.send(HttpRequest.newBuilder(java.net.URI.create(session.get("baseUrl").asText() + "/v1/me"))
                    .header("Authorization", "Bearer " + token)).body());
            int count = 0;
            for (JsonNode ob : me.get("obligations")) {
                if (ob.get("obligation").asText().equals(currentYearEnd())) {
                    count = ob.get("submissions").size();
                }
            }
            if (count > 0 || Instant.now().isAfter(deadline)) {
                return count;
            }
            Thread.sleep(100);
        }
    }

    private static void stopLikeCtrlC(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(children).as("the emulators run as child processes").isNotEmpty();
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the runner stops on SIGTERM").isTrue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (children.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(children).as("no emulator process outlives the runner").noneMatch(ProcessHandle::isAlive);
    }
}
