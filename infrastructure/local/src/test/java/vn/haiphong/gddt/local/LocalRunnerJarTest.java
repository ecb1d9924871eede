package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, as a person runs it: {@code java -jar infrastructure/local/target/local-runner.jar}.
 * It writes the session file, serves the API, stops everything on Ctrl-C (SIGTERM here) and, with
 * {@code --data}, keeps its state across a restart; started from any folder, it finds its repository or
 * says in one line what is missing, and leaves no emulator behind.
 */
@Order(-40)
class LocalRunnerJarTest {
    private static final Path JAR = Path.of("target/local-runner.jar").toAbsolutePath();

    @Test
    void the_runner_jar_serves_the_system_stops_cleanly_and_keeps_its_data_across_a_restart_from_another_folder(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        Path session = dir.resolve("session.json");

        Process first = start(session, data, dir.resolve("first.log"), Running.ROOT);
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
        anOfficeTokenMintedWithTheCliIsRevokedWithinAMinuteAndNothingElseIs(s, data, dir);

        stopLikeCtrlC(first);

        Files.delete(session);
        // Started where there is no template.yaml: the jar knows which repository it was built in.
        Process second = start(session, data, dir.resolve("second.log"), Files.createDirectories(dir.resolve("elsewhere")));
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

    @Test
    void started_from_another_folder_with_a_template_that_does_not_exist_the_runner_says_so_in_one_line_and_exits_2_before_any_emulator(
            @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path missing = dir.resolve("nowhere/template.yaml");

        Failed failed = runToFailure(dir, "--port", "0", "--data", data.toString(), "--template", missing.toString());

        assertThat(failed.stderr()).containsExactly("Không tìm thấy template.yaml (" + missing + ") / template.yaml not found ("
                + missing + "): run from the repository or pass --root DIR (or --template FILE)");
        assertThat(failed.stdout()).isEmpty();
        assertThat(data).as("checked before any emulator was started").doesNotExist();
    }

    @Test
    void a_trusted_roots_file_that_does_not_exist_is_said_in_one_line_and_exits_2_before_any_emulator(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        Path missing = dir.resolve("roots.pem");

        Failed failed = runToFailure(dir, "--port", "0", "--data", data.toString(), "--trusted-roots", missing.toString());

        assertThat(failed.stderr()).containsExactly("Không tìm thấy trusted roots PEM (" + missing + ") / trusted roots PEM"
                + " not found (" + missing + "): pass --trusted-roots with a PEM file");
        assertThat(data).as("checked before any emulator was started").doesNotExist();
    }

    @Test
    void a_runner_that_fails_after_its_emulators_started_stops_them_says_why_in_one_line_and_exits_2(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        Path units = Files.writeString(dir.resolve("units.csv"), "a,b\n1,2\n");

        Failed failed = runToFailure(dir, "--port", "0", "--data", data.toString(), "--units", units.toString());

        // Before it, the emulators' own log lines (the console log is stderr); the last line is the reason.
        assertThat(failed.stderr().get(failed.stderr().size() - 1))
                .startsWith("Không khởi động được / could not start: " + units + ": dòng 1: thiếu cột");
        assertThat(failed.stderr()).as("no stack trace").noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
        assertThat(data.resolve("emulators/dynamodb")).as("the emulators had started").isDirectory();
        String sesPort = failed.stderr().stream().filter(line -> line.contains("Emulators started")).findFirst()
                .map(line -> line.replaceAll(".*SES http://[^:]+:(\\d+).*", "$1")).orElseThrow();
        // Only this runner's children: dynalite on this data directory, aws-ses-v2-local on the port it logged.
        awaitNone(command -> command.contains("dynalite") && command.contains(data.toString())
                || command.contains("aws-ses-v2-local") && command.endsWith("--port " + sesPort));
    }

    /**
     * The "done when", with the jar's own commands against the running runner: {@code mint-token
     * office} prints the token (and the id on stderr), {@code revoke-token <id>} cuts it off within 60 s of
     * real time; the session's office token and a school link still get 200.
     */
    private static void anOfficeTokenMintedWithTheCliIsRevokedWithinAMinuteAndNothingElseIs(JsonNode s, Path data, Path dir)
            throws Exception {
        java.util.Map<String, String> keys = java.util.Map.of("TOKEN_KEYS", Files.readString(data.resolve("token-keys")).strip());
        String table = s.get("table").asText();
        String endpoint = s.at("/emulators/dynamodb").asText();
        Ran minted = run(dir, keys, "mint-token", "office", "--actor", "hoa.nt", "--name", "Nguyễn Thị Hoa — Văn phòng",
                "--table", table, "--endpoint", endpoint, "--days", "30");
        assertThat(minted.exit()).as(String.join("\n", minted.stderr())).isZero();
        String token = minted.stdout().get(0);
        String id = minted.stderr().get(minted.stderr().size() - 1).replaceAll("^id ([a-z2-7]{16}): .*", "$1");
        assertThat(id).matches("[a-z2-7]{16}");
        assertThat(officeStatus(s, token)).isEqualTo(200);

        Ran revoked = run(dir, java.util.Map.of(), "revoke-token", id, "--table", table, "--endpoint", endpoint);
        assertThat(revoked.exit()).as(String.join("\n", revoked.stderr())).isZero();
        // The Office is promised that a revoked token stops within a minute: a minute of business time.
        URI clock = URI.create(s.get("baseUrl").asText() + "/_local/clock");
        Instant revokedAt = Instant.parse(Running.read(Running.send(HttpRequest.newBuilder(clock).GET()).body()).get("now").asText());
        assertThat(Running.send(HttpRequest.newBuilder(clock).POST(HttpRequest.BodyPublishers.ofString(
                "{\"now\":\"" + revokedAt.plus(Duration.ofMinutes(1)) + "\"}"))).statusCode()).isEqualTo(200);
        assertThat(officeStatus(s, token)).as("the revoked token a minute after its revocation").isEqualTo(401);
        assertThat(officeStatus(s, s.get("officeToken").asText())).as("the session's office token").isEqualTo(200);
        assertThat(Running.send(HttpRequest.newBuilder(java.net.URI.create(s.get("baseUrl").asText() + "/v1/me"))
                .header("Authorization", "Bearer " + firstSchool(s).get("token").asText())).statusCode()).as("a school link").isEqualTo(200);
        Ran listed = run(dir, java.util.Map.of(), "list-tokens", "--table", table, "--endpoint", endpoint);
        assertThat(listed.stdout()).anySatisfy(line -> assertThat(line).startsWith(id).contains("đã thu hồi"))
                .anySatisfy(line -> assertThat(line).startsWith(s.get("officeTokenId").asText()).contains("đang dùng"));
    }

    private static int officeStatus(JsonNode s, String token) {
        return Running.send(HttpRequest.newBuilder(java.net.URI.create(s.get("baseUrl").asText() + "/v1/status?obligation="
                + currentYearEnd())).header("Authorization", "Bearer " + token)).statusCode();
    }

    @Test
    void an_office_token_for_longer_than_ninety_days_is_not_minted(@TempDir Path dir) throws Exception {
        Failed failed = runToFailure(dir, java.util.Map.of("TOKEN_KEYS", "k1:" + java.util.Base64.getEncoder()
                .encodeToString(new byte[32])), "mint-token", "office", "--actor", "chanh-van-phong", "--name", "Chánh Văn phòng",
                "--table", "any", "--endpoint", "http://127.0.0.1:9", "--days", "91");

        assertThat(failed.stdout()).as("no token printed").isEmpty();
        assertThat(String.join("\n", failed.stderr())).contains("--days 91", "90");
    }

    private record Failed(List<String> stdout, List<String> stderr) {
    }

    private record Ran(int exit, List<String> stdout, List<String> stderr) {
    }

    /** Runs the jar from {@code workingDir}; it must exit 2 within a minute. */
    private static Failed runToFailure(Path workingDir, String... args) throws Exception {
        return runToFailure(workingDir, java.util.Map.of(), args);
    }

    private static Failed runToFailure(Path workingDir, java.util.Map<String, String> env, String... args) throws Exception {
        Ran ran = run(workingDir, env, args);
        assertThat(ran.exit()).as(String.join("\n", ran.stderr())).isEqualTo(2);
        return new Failed(ran.stdout(), ran.stderr());
    }

    /** Runs the jar from {@code workingDir}; it must exit within a minute. */
    private static Ran run(Path workingDir, java.util.Map<String, String> env, String... args) throws Exception {
        Path out = workingDir.resolve("stdout.log");
        Path err = workingDir.resolve("stderr.log");
        ProcessBuilder builder = new ProcessBuilder(javaJar(args)).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(exited).as("the runner gives up rather than hangs:\n" + Files.readString(out)).isTrue();
        return new Ran(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    private static void awaitNone(java.util.function.Predicate<String> commandLine) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<ProcessHandle> alive;
        do {
            alive = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().filter(commandLine).isPresent()).toList();
            if (!alive.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!alive.isEmpty() && Instant.now().isBefore(deadline));
        assertThat(alive).as("no emulator process outlives the runner").isEmpty();
    }

    private static Process start(Path session, Path data, Path log, Path workingDir) throws IOException {
        return new ProcessBuilder(javaJar("--port", "0", "--session-file", session.toString(), "--data", data.toString(),
                "--clock", Instant.now().atZone(vn.haiphong.gddt.reports.domain.VietnamTime.ZONE).withMonth(12).withDayOfMonth(1)
                        .withHour(9).toOffsetDateTime().toString()))
                .directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    /**
     * The README's command, with this JVM's java, on the client compiler and the serial collector as the test
     * JVMs: each runner here lives seconds, and C2 and G1's threads would only take a core from the classes
     * running beside this one.
     */
    private static List<String> javaJar(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
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
