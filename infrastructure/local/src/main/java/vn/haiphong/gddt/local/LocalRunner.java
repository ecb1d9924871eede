package vn.haiphong.gddt.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar infrastructure/local/target/local-runner.jar [command] [options]}
 *
 * <ul>
 *   <li>{@code run} (the default): the whole system on the emulators; Ctrl-C stops everything. Options:
 *       {@code --root DIR}, {@code --template FILE}, {@code --port N}, {@code --data DIR}, {@code --clock TIME},
 *       {@code --units CSV}, {@code --async-retry-delays 1s,2s}, {@code --session-file FILE},
 *       {@code --go-live YYYY-MM-DD} (the day the system starts collecting; 1 January of the clock's year
 *       by default), and {@code --trusted-roots PEM}: the Office's bundle of trusted root certificates, put at start into the
 *       submissions bucket under the TrustedRootsKey parameter's key, for the inspect function to verify
 *       signatures against (without it every signature is UNTRUSTED).</li>
 *   <li>{@code import-units <csv>}: imports a unit list into DynamoDB (see {@link ImportUnits}).</li>
 *   <li>{@code mint-token}: prints a unit or office token (see {@link MintToken}).</li>
 *   <li>{@code list-tokens}, {@code revoke-token}: the Office's register of office tokens (see {@link OfficeTokenCommands}).</li>
 *   <li>{@code check-catalog}: checks an edited catalog and lists a year's obligations (see {@link CheckCatalog}).</li>
 *   <li>{@code bench-status}: measures what a status request costs (see {@link StatusBench}).</li>
 *   <li>{@code bench-reminders}: measures the reminder sweep against the SES rate (see {@link ReminderBench}).</li>
 *   <li>{@code bench-reconcile}: measures the reconciliation sweep against listing alone (see {@link ReconcileBench}).</li>
 *   <li>{@code bench-cold}: cold start of every function in fresh JVMs, against two baselines (see {@link ColdStartBench}).</li>
 * </ul>
 */
public final class LocalRunner {
    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command = !rest.isEmpty() && !rest.get(0).startsWith("--") ? rest.remove(0) : "run";
        switch (command) {
            case "run" -> run(rest);
            case "import-units" -> System.exit(ImportUnits.main(rest));
            case "mint-token" -> System.exit(MintToken.main(rest));
            case "list-tokens" -> System.exit(OfficeTokenCommands.list(rest, System.out, System.err, Clock.systemUTC()));
            case "revoke-token" -> System.exit(OfficeTokenCommands.revoke(rest, System.out, System.err, Clock.systemUTC()));
            case "check-catalog" -> System.exit(CheckCatalog.main(rest, System.out, System.err));
            case "bench-status" -> System.exit(StatusBench.main(rest));
            case "bench-reminders" -> System.exit(ReminderBench.main(rest));
            case "bench-reconcile" -> System.exit(ReconcileBench.main(rest));
            case "bench-cold" -> System.exit(ColdStartBench.main(rest));
            default -> {
                System.err.println("unknown command " + command + "; use run, import-units, mint-token, list-tokens, revoke-token, check-catalog, bench-status, bench-reminders, bench-reconcile or bench-cold");
                System.exit(2);
            }
        }
    }

    /** The exit code of a runner that could not start: a missing file or a bad option, said in one line. */
    static final int CANNOT_START = 2;

    private static void run(List<String> args) throws Exception {
        LocalSystem system;
        Path sessionFile;
        try {
            Args a = new Args(args);
            Path root = a.path("--root", Repository.root(Path.of("").toAbsolutePath(), Repository.buildLocation()));
            LocalSystem.Options options = new LocalSystem.Options(
                    a.path("--template", root.resolve("template.yaml")),
                    Integer.parseInt(a.value("--port", "3000")),
                    a.has("--data") ? Path.of(a.value("--data", null)) : null,
                    a.has("--clock") ? parseInstant(a.value("--clock", null)) : null,
                    a.path("--units", root.resolve("infrastructure/seed/units.csv")))
                    .withAsyncRetryDelays(a.has("--async-retry-delays")
                            ? AsyncInvocations.parseDelays(a.value("--async-retry-delays", null)) : null)
                    .withNodeModules(Repository.nodeModules(root))
                    .withTrustedRoots(a.has("--trusted-roots") ? Path.of(a.value("--trusted-roots", null)) : null);
            if (a.has("--go-live")) {
                options = options.withParameter(LocalSystem.GO_LIVE_PARAMETER, goLive(a.value("--go-live", null)));
            }
            sessionFile = a.has("--session-file") ? Path.of(a.value("--session-file", null)) : null;
            a.rejectUnknown();
            // Before any emulator starts: a missing file found later would leave node processes to clean up.
            Repository.requireFile(options.template(), "template.yaml", "run from the repository or pass --root DIR (or --template FILE)");
            Repository.requireFile(options.unitsCsv(), "units CSV", "pass --units CSV or --root DIR");
            if (options.trustedRoots() != null) {
                Repository.requireFile(options.trustedRoots(), "trusted roots PEM", "pass --trusted-roots with a PEM file");
            }
            system = LocalSystem.start(options);
            if (sessionFile != null) {
                try {
                    Files.writeString(sessionFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(system.session()), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    system.close();
                    throw e;
                }
            }
        } catch (RuntimeException | IOException e) {
            // A person at a terminal needs what is wrong and what to do, not a stack trace; LocalSystem has
            // already closed whatever it had started.
            System.err.println(oneLine(e));
            System.exit(CANNOT_START);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            stopped.countDown();
        }));
        LocalSystem.SessionUnit sample = system.units().stream().filter(u -> u.category().equals("THPT")).findFirst()
                .orElse(system.units().get(0));
        System.out.printf("""

                Hệ thống báo cáo định kỳ — chạy cục bộ / running locally
                  API:           %s
                  Office token:  %s
                  School link:   %s  (%s)
                  SES inbox:     %s  (JSON: %s)
                  %d units seeded; %s
                Ctrl-C to stop.
                """, system.baseUrl(), system.officeToken(), sample.link(), sample.name(),
                system.emulators().sesEndpoint(), system.emulators().sesStore(), system.units().size(),
                sessionFile == null ? "all links: --session-file <path>" : "session written to " + sessionFile);
        stopped.await();
    }

    private static String oneLine(Exception e) {
        boolean expected = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.time.DateTimeException;
        String message = e instanceof Repository.Missing ? e.getMessage()
                : "Không khởi động được / could not start: "
                + (expected && e.getMessage() != null ? e.getMessage() : e.toString());
        return message.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The day the system starts collecting, checked before anything starts. */
    private static String goLive(String day) {
        try {
            return java.time.LocalDate.parse(day).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--go-live: ngày viết YYYY-MM-DD, ví dụ 2025-06-01 / a date written YYYY-MM-DD, not \""
                    + day + "\"", e);
        }
    }

    /** "2025-06-09T23:00:00+07:00", or a bare date-time read as Vietnam time. */
    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(text).atZone(vn.haiphong.gddt.reports.domain.VietnamTime.ZONE).toInstant();
        }
    }
}
