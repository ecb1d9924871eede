package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.local.cold.ColdDriver;
import vn.haiphong.gddt.local.cold.ColdEvents;
import vn.haiphong.gddt.local.cold.NoopHandler;
import vn.haiphong.gddt.local.cold.SdkBaselineHandler;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;

/**
 * {@code java -jar infrastructure/local/target/local-runner.jar bench-cold [--samples 20] [--warm 1000]
 * [--handlers GetMeFunction,…] [--out infrastructure/local/target/bench-cold.json] [--class-logs DIR]
 * [--against DIR]}
 *
 * <p>Cold start of every function of template.yaml, each sample a fresh JVM started with the Lambda
 * runtime's flags on the function's real Lambda jar (the one built from its CodeUri:
 * {@code <CodeUri>/target/*-lambda.jar}), against emulators started once here. Two baselines from the
 * API functions' jar in the same run: a no-op handler (the JVM floor) and the SDK clients the handlers build
 * making one DynamoDB call. Samples are taken round by round (one JVM of every subject per round), so that
 * drift in the machine's speed falls on baselines and functions alike. The first sample of each is dropped
 * (it warms the page cache) and logs
 * every class it loads, which is how the init path is checked for reflection-heavy libraries. The
 * warm series runs in the last sample only: warm latency does not depend on how the JVM started, and
 * 1,000 invocations in each of 20 JVMs would multiply the run time without telling more.
 *
 * <p>{@code --against DIR} names another build of this repository (a worktree of the commit before a
 * change, built): each function then runs from both builds' jars, one right after the other in every
 * round, and the bench prints this build's cold start over the other's ({@link ColdComparison}).
 */
final class ColdStartBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOOP = "baseline: no-op";
    private static final String SDK = "baseline: SDK";
    /** The Lambda java runtimes' own flags (C1 only, serial GC, CDS), and one fixed heap: see docs/benchmarks.md. */
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xms512m", "-Xmx512m", "-Xshare:auto", "-Djava.net.preferIPv4Stack=true");
    /**
     * Libraries that scan, proxy or generate bytecode at start: none may load on a handler's init path.
     * Jackson databind is not among them (it reflects over the response records, lazily, once); the
     * bench reports how many of its classes a handler loads.
     */
    static final List<String> REFLECTION_HEAVY = List.of("org.springframework.", "com.google.inject.", "dagger.",
            "javassist.", "net.bytebuddy.", "net.sf.cglib.", "org.objenesis.", "org.aspectj.", "io.micronaut.",
            "io.quarkus.", "org.hibernate.", "kotlin.reflect.", "org.reflections.", "io.github.classgraph.",
            "com.fasterxml.jackson.module.afterburner.", "com.fasterxml.jackson.module.blackbird.");
    /** Its warm series adds an extension item per call to one unit; the functions that read them run before it. */
    private static final List<String> LAST = List.of("GrantExtensionFunction");

    private record Subject(String name, String handlerClass, String function, Path jar, Map<String, String> env,
                           int timeoutSeconds, EventSource events) {
    }

    /** The event of one sample; may first prepare what that sample's first invocation consumes. */
    private interface EventSource {
        Properties next() throws Exception;
    }

    private ColdStartBench() {
    }

    static int main(List<String> argv) throws Exception {
        Args args = new Args(argv);
        int samples = Integer.parseInt(args.value("--samples", "20"));
        int warm = Integer.parseInt(args.value("--warm", "1000"));
        Set<String> only = args.has("--handlers")
                ? Set.of(args.value("--handlers", "").split(",")) : null;
        Path out = args.path("--out", Path.of("infrastructure/local/target/bench-cold.json"));
        Path template = args.path("--template", Path.of("template.yaml"));
        Path unitsCsv = args.path("--units", Path.of("infrastructure/seed/units.csv"));
        // Where to keep each subject's class-load log (its first sample's), to compare what two functions load.
        Path classLogs = args.path("--class-logs", null);
        Path against = args.path("--against", null);
        args.rejectUnknown();
        if (samples < 2 || warm < 1) {
            System.err.println("--samples must be at least 2 (the first is dropped) and --warm at least 1");
            return 2;
        }
        keepOffTheSamplesCore();
        Map<String, Object> report;
        try {
            report = run(template, unitsCsv, samples, warm, only, classLogs, against, System.out);
        } catch (IllegalArgumentException e) {
            // A function the template does not have, a build --against cannot be compared with.
            System.err.println(e.getMessage());
            return 2;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.out.println("\nwritten to " + out);
        return 0;
    }

    /**
     * The whole run: returns what the JSON file holds, prints the table as it goes.
     *
     * @param classLogs if not null, each subject's class-load log is kept there as {@code <subject>.classes.log}
     * @param against   if not null, another build of the repository whose jars each function also runs from
     */
    static Map<String, Object> run(Path template, Path unitsCsv, int samples, int warm, Set<String> only,
                                   Path classLogs, Path against, java.io.PrintStream print) throws Exception {
        Path work = Files.createTempDirectory("bench-cold");
        Path driver = copyDriver(work.resolve("driver"));
        Path home = Files.createDirectories(work.resolve("home"));
        String loadBefore = loadAverage();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        report.put("jvmFlags", JVM_FLAGS);
        report.put("pinnedToOneCore", taskset());
        String runnerCpus = allowedCpus();
        report.put("runnerAndEmulatorsOnCpus", runnerCpus);
        report.put("samples", samples);
        report.put("warmInvocations", warm);
        report.put("loadAverageBefore", loadBefore);
        print.printf("bench-cold: %d samples per subject (first dropped), %d warm invocations; %s; %s; load average %s%n",
                samples, warm, taskset() ? "each JVM pinned to CPU 0" : "not pinned (no taskset)",
                "the runner and emulators on CPU " + runnerCpus,
                loadBefore);
        List<Map<String, Object>> results = new ArrayList<>();
        try (Emulators emulators = Emulators.start(EmulatorOptions.inMemory())) {
            Fixtures fixtures = Fixtures.prepare(emulators, template, unitsCsv);
            List<Subject> chosen = fixtures.subjects().stream()
                    .filter(s -> only == null || only.contains(s.name()) || s.name().startsWith("baseline"))
                    .toList();
            List<Subject> subjects = against == null ? chosen : withTwins(chosen, template, against);
            if (only != null) {
                only.stream().filter(n -> subjects.stream().noneMatch(s -> s.name().equals(n))).findFirst().ifPresent(n -> {
                    throw new IllegalArgumentException("no function " + n + " in " + template);
                });
            }
            List<Map<String, Object>> jars = new ArrayList<>();
            for (Path jar : subjects.stream().map(Subject::jar).distinct().toList()) {
                jars.add(Map.of("path", jar.toString(), "bytes", Files.size(jar)));
                print.printf("  jar %s (%,d bytes)%n", jar, Files.size(jar));
            }
            report.put("jars", jars);
            print.printf("%n%-30s %9s %9s %9s %15s %7s %9s %9s %9s %8s%n", "subject", "init ms", "1st ms", "cold ms",
                    "(min–max)", "× SDK", "cpu ms", "warm p50", "warm p99", "classes");
            // Round by round, one JVM of every subject in each: a machine that slows down or speeds up during the
            // run (other tenants, the emulators' own work) then moves the baselines as much as the functions,
            // and the ratios stay comparable. Subject after subject, one run's ratios moved by ±0.2.
            List<Series> series = subjects.stream().map(Series::new).toList();
            for (int round = 0; round < samples; round++) {
                for (Series one : ColdComparison.inTurn(series, s -> s.subject.name(), round)) {
                    one.sample(round, driver, home, work, samples, warm);
                    if (round == 0 && classLogs != null) {
                        Files.createDirectories(classLogs);
                        Files.copy(work.resolve("classes.log"), classLogs.resolve(
                                one.subject.name().replaceAll("[^A-Za-z0-9-]+", "-") + ".classes.log"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                print.printf("  round %d of %d done%n", round + 1, samples);
            }
            Double sdkCold = null;
            for (Series one : series) {
                Map<String, Object> result = one.result();
                results.add(result);
                @SuppressWarnings("unchecked")
                Map<String, Object> summary = (Map<String, Object>) result.get("summary");
                double cold = (double) summary.get("coldMs");
                if (one.subject.name().equals(SDK)) {
                    sdkCold = cold;
                }
                if (sdkCold != null && !one.subject.name().startsWith("baseline")) {
                    summary.put("coldOverSdk", round(cold / sdkCold));
                }
                print.printf("%-30s %9.0f %9.0f %9.0f %15s %7s %9.0f %9.2f %9.2f %8.0f%s%n", one.subject.name(),
                        summary.get("initMs"), summary.get("firstInvokeMs"), cold,
                        String.format(Locale.ROOT, "(%.0f–%.0f)", summary.get("coldMinMs"), summary.get("coldMaxMs")),
                        summary.containsKey("coldOverSdk") ? String.format(Locale.ROOT, "%.2f", summary.get("coldOverSdk")) : "",
                        summary.get("cpuMs"), summary.get("warmP50Ms"), summary.get("warmP99Ms"), summary.get("classes"),
                        forbiddenNote(result));
            }
        }
        if (against != null) {
            report.put("against", Map.of("build", against.toAbsolutePath().toString(), "functions", compared(results, print)));
        }
        report.put("loadAverageAfter", loadAverage());
        report.put("subjects", results);
        // Kept when a sample fails: its output is there.
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        print.printf("%ninit: JVM launch to handler constructed; 1st: the first invocation; cold: launch to first "
                + "response (medians of %d JVMs); × SDK: cold over the SDK baseline's (target ≤ 1.25); cpu: the "
                + "process's CPU time up to the first response (all threads), less moved by other load; warm: one JVM, "
                + "%d invocations; classes: loaded after the first invocation. Load average after: %s%n",
                samples - 1, warm, report.get("loadAverageAfter"));
        return report;
    }

    /** Each function followed by its twin from the build {@code against}: the same handler, event and environment. */
    private static List<Subject> withTwins(List<Subject> subjects, Path template, Path against) throws IOException {
        Path root = template.toAbsolutePath().getParent().normalize();
        List<Subject> all = new ArrayList<>();
        for (Subject s : subjects) {
            all.add(s);
            if (!s.name().startsWith("baseline")) {
                Path module = root.relativize(s.jar().toAbsolutePath().normalize().getParent().getParent());
                Path theirs = lambdaJar(against.toAbsolutePath().normalize().resolve(module).resolve("target"));
                // The event is built by this build; a handler of the other one taking another type would fail on it.
                String input = inputTypeIn(s.jar(), s.handlerClass());
                String theirInput = inputTypeIn(theirs, s.handlerClass());
                if (!input.equals(theirInput)) {
                    throw new IllegalArgumentException(s.name() + " takes " + input + " here and " + theirInput + " in "
                            + against + ": --against compares builds whose handlers take the same event type");
                }
                all.add(new Subject(s.name() + ColdComparison.AGAINST, s.handlerClass(), s.function(), theirs, s.env(),
                        s.timeoutSeconds(), s.events()));
            }
        }
        return all;
    }

    /** The name of the event type {@code handlerClass} takes in {@code jar}, read from that jar alone. */
    private static String inputTypeIn(Path jar, String handlerClass) throws IOException {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            return HandlerInput.of(Class.forName(handlerClass, false, loader)).map(Class::getName).orElse("?");
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(handlerClass + " is not in " + jar, e);
        }
    }

    /** This build's cold starts over the {@code --against} build's, per function, printed and returned. */
    private static List<Map<String, Object>> compared(List<Map<String, Object>> results, java.io.PrintStream print) {
        Map<String, double[]> cold = new LinkedHashMap<>();
        for (Map<String, Object> result : results) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> samples = (List<Map<String, Object>>) result.get("samples");
            cold.put((String) result.get("name"), samples.stream().mapToDouble(number("coldMs")).toArray());
        }
        print.printf("%nthis build over --against, cold, from each round's two JVMs (median; 90%% bootstrap interval; "
                + "below 1: this build starts faster):%n");
        List<Map<String, Object>> compared = ColdComparison.all(cold);
        for (Map<String, Object> c : compared) {
            print.printf(Locale.ROOT, "  %-30s %6.3f  (%.3f–%.3f)  %.0f ms against %.0f ms%n", c.get("function"),
                    c.get("ratio"), c.get("low"), c.get("high"), c.get("coldMs"), c.get("againstColdMs"));
        }
        return compared;
    }

    private static String forbiddenNote(Map<String, Object> result) {
        @SuppressWarnings("unchecked")
        List<String> forbidden = (List<String>) ((Map<String, Object>) result.get("initPath")).get("reflectionHeavy");
        return forbidden.isEmpty() ? "" : "  reflection-heavy on the init path: " + forbidden;
    }

    /** One subject's JVMs, taken one per round; the first is dropped and logs its class loads. */
    private static final class Series {
        private final Subject subject;
        private final List<Map<String, Object>> kept = new ArrayList<>();
        private Map<String, Object> initPath;

        Series(Subject subject) {
            this.subject = subject;
        }

        /** The warm series runs in the last round only. */
        void sample(int round, Path driver, Path home, Path work, int samples, int warm) throws Exception {
            Properties spec = subject.events().next();
            Path specFile = work.resolve("event.properties");
            try (OutputStream o = Files.newOutputStream(specFile)) {
                spec.store(o, subject.name());
            }
            Path classLog = round == 0 ? work.resolve("classes.log") : null;
            Map<String, Object> sample = ColdStartBench.sample(subject, driver, home, specFile,
                    round == samples - 1 ? warm : 0, classLog, work.resolve("child.out"));
            String status = String.valueOf(sample.get("firstStatus"));
            if (!status.equals("ok") && !status.startsWith("2")) {
                throw new IllegalStateException(subject.name() + ": the first invocation answered " + status
                        + "; its output is in " + work.resolve("child.out"));
            }
            if (round == 0) {
                initPath = classLoads(classLog, subject.jar());
            } else {
                kept.add(sample);
            }
        }

        Map<String, Object> result() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("startToMainMs", median(kept, "startToMainMs"));
            summary.put("initMs", median(kept, "initMs"));
            summary.put("firstInvokeMs", median(kept, "firstInvokeMs"));
            summary.put("coldMs", median(kept, "coldMs"));
            summary.put("coldMinMs", kept.stream().mapToDouble(number("coldMs")).min().orElseThrow());
            summary.put("coldMaxMs", kept.stream().mapToDouble(number("coldMs")).max().orElseThrow());
            summary.put("classes", median(kept, "classes"));
            summary.put("cpuMs", median(kept, "cpuMs"));
            Map<String, Object> last = kept.get(kept.size() - 1);
            summary.put("warmP50Ms", last.get("warmP50Ms"));
            summary.put("warmP99Ms", last.get("warmP99Ms"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", subject.name());
            result.put("handler", subject.handlerClass());
            result.put("jar", subject.jar().toString());
            result.put("summary", summary);
            result.put("initPath", initPath);
            result.put("samples", kept);
            return result;
        }
    }

    /** One fresh JVM: its output goes to a file (the handlers log a line per request, as to CloudWatch). */
    private static Map<String, Object> sample(Subject subject, Path driver, Path home, Path specFile, int warm,
                                              Path classLog, Path output) throws Exception {
        List<String> command = new ArrayList<>();
        if (taskset()) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        // No ~/.aws in Lambda: the SDK must not find this machine's profile files.
        command.add("-Duser.home=" + home);
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.addAll(List.of("-cp", subject.jar() + File.pathSeparator + driver, ColdDriver.class.getName(),
                subject.handlerClass(), "launch", specFile.toString(), Integer.toString(warm), subject.function(),
                Integer.toString(subject.timeoutSeconds())));
        int launchArg = command.indexOf("launch");
        ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(subject.env());
        command.set(launchArg, Long.toString(nowMicros()));
        Process process = builder.command(command).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(subject.name() + " did not finish in 30 minutes");
        }
        List<String> lines = Files.readAllLines(output);
        String line = lines.stream().filter(l -> l.startsWith("{\"bench\":\"cold\"")).reduce((a, b) -> b).orElse(null);
        if (process.exitValue() != 0 || line == null) {
            throw new IllegalStateException(subject.name() + " failed (exit " + process.exitValue() + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sample = JSON.readValue(line, Map.class);
        sample.remove("bench");
        return sample;
    }

    /** What the first sample's class-load log says: where classes came from, and any reflection-heavy library. */
    static Map<String, Object> classLoads(Path log, Path jar) throws IOException {
        int total = 0;
        int fromJar = 0;
        int jacksonDatabind = 0;
        Set<String> forbidden = new java.util.TreeSet<>();
        String jarName = jar.getFileName().toString();
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int tag = line.indexOf("[class,load] ");
                if (tag < 0) {
                    continue;
                }
                String rest = line.substring(tag + "[class,load] ".length());
                String name = rest.split(" ", 2)[0];
                total++;
                if (rest.contains(jarName)) {
                    fromJar++;
                }
                if (name.startsWith("com.fasterxml.jackson.databind.")) {
                    jacksonDatabind++;
                }
                REFLECTION_HEAVY.stream().filter(name::startsWith).findFirst().ifPresent(forbidden::add);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("classes", total);
        result.put("fromLambdaJar", fromJar);
        result.put("jacksonDatabindClasses", jacksonDatabind);
        result.put("reflectionHeavy", List.copyOf(forbidden));
        return result;
    }

    /**
     * The emulators' table, bucket and units as the runner seeds them, the functions' environments as
     * it computes them from template.yaml, and the objects and records the events refer to. The runner
     * is stopped once seeded, so that no in-process handler reacts to what the bench writes to S3:
     * each sample's first invocation finds its upload unrecorded and its export unbuilt.
     */
    private static final class Fixtures {
        private final Map<String, SamTemplate.Function> functions = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environments = new HashMap<>();
        /** Each function's Lambda jar, by its CodeUri. */
        private final Map<String, Path> jars = new HashMap<>();
        private final Map<String, RequestHandler<Object, Object>> handlers = new HashMap<>();
        private final HttpClient http = HttpClient.newHttpClient();
        private String officeToken;
        private List<LocalSystem.SessionUnit> schools;
        private String bucket;
        private String region;
        private AwsClients aws;
        private String obligation;

        static Fixtures prepare(Emulators emulators, Path template, Path unitsCsv) throws Exception {
            Fixtures f = new Fixtures();
            SamTemplate sam = SamTemplate.read(template);
            // The Office's bundle in the bucket, as in AWS: the inspection reads it and judges the sample's chain.
            Path roots = Files.createTempFile("bench-cold-trusted-root", ".pem");
            Files.write(roots, benchFile("ca-pdfsig.pem"));
            LocalSystem.Options options = new LocalSystem.Options(template, 0, null, null, unitsCsv)
                    .withStack("bench-cold", Map.of()).withTrustedRoots(roots);
            try (LocalSystem system = LocalSystem.startOn(emulators, options)) {
                for (SamTemplate.Function fn : sam.functions()) {
                    f.functions.put(fn.logicalId(), fn);
                    LocalContext.timeout(fn.logicalId(), fn.timeoutSeconds());
                    Map<String, String> env = system.environmentOnTheEmulators(fn.logicalId());
                    // What Lambda adds to every function's environment, which the SDK reads.
                    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
                    env.put("AWS_LAMBDA_FUNCTION_NAME", fn.logicalId());
                    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(sam.memorySize(fn.logicalId())));
                    env.put("TZ", ":UTC");
                    // One school's link makes every fixture upload and the warm series, far beyond the 20 grants a
                    // minute a real school gets (TooManyGrantsTest holds that limit); here it would answer 429.
                    env.computeIfPresent("UPLOAD_GRANTS_PER_MINUTE", (name, perMinute) -> "1000");
                    f.environments.put(fn.logicalId(), Map.copyOf(env));
                    f.jars.put(fn.logicalId(), lambdaJar(template.toAbsolutePath().getParent().resolve(fn.codeUri())
                            .resolve("target")));
                }
                f.officeToken = system.officeToken();
                f.schools = system.units().stream().filter(u -> u.category().equals("THPT")).toList();
                f.bucket = system.physicalName(sam.resourcesOfType("AWS::S3::Bucket").get(0));
            } finally {
                Files.delete(roots);
            }
            f.region = emulators.region();
            f.aws = new AwsClients(new Env(f.environments.get("GetMeFunction")));
            f.obligation = f.openObligation(f.school(0));
            return f;
        }

        LocalSystem.SessionUnit school(int i) {
            return schools.get(i);
        }

        /** Every function of the template gets a subject; a new function without an event here stops the bench. */
        List<Subject> subjects() throws Exception {
            String year = obligation.substring(obligation.indexOf(':') + 1, obligation.indexOf('-'));
            String a = school(0).token();
            String recorded = record(upload(school(0)));
            String builtExport = startExport();
            invoke("BuildExportFunction", objectSpec("s3", exportKey(builtExport)));

            Map<String, EventSource> events = new LinkedHashMap<>();
            events.put("GetMeFunction", () -> http("GET", "/v1/me", a, null, Map.of(), Map.of()));
            events.put("CreateUploadFunction", () -> http("POST", "/v1/uploads", a, uploadRequest(pdf()), Map.of(), Map.of()));
            events.put("RecordSubmissionFunction", () -> objectSpec("s3", upload(school(0)).key()));
            events.put("InspectSubmissionFunction", () -> {
                // Units upload signed reports: the signature's check is most of a cold inspection's work.
                Upload upload = upload(school(0), SIGNED_REPORT);
                record(upload);
                return objectSpec("objectCreated", upload.key());
            });
            events.put("GetStatusFunction", () -> http("GET", "/v1/status", officeToken, null, Map.of(), Map.of("year", year)));
            events.put("GrantExtensionFunction", () -> http("PUT", "/v1/extensions/{obligation}/{unit}", officeToken,
                    extensionRequest(), Map.of("obligation", obligation, "unit", school(1).unit()), Map.of()));
            events.put("RevokeExtensionFunction", () -> {
                Map<String, String> path = Map.of("obligation", obligation, "unit", school(2).unit());
                expect(2, invoke("GrantExtensionFunction", http("PUT", "/v1/extensions/{obligation}/{unit}", officeToken,
                        extensionRequest(), path, Map.of())));
                return http("DELETE", "/v1/extensions/{obligation}/{unit}", officeToken, null, path, Map.of());
            });
            events.put("GetSubmissionFileFunction", () -> http("GET", "/v1/submissions/{submissionId}/file", officeToken,
                    null, Map.of("submissionId", recorded), Map.of()));
            events.put("ReturnSubmissionFunction", () -> http("POST", "/v1/submissions/{submissionId}/return", officeToken,
                    "{\"reason\":\"Thiếu chữ ký (bench)\"}", Map.of("submissionId", record(upload(school(3)))), Map.of()));
            events.put("WriteStatusSnapshotsFunction", this::scheduledSpec);
            events.put("ReconcileSubmissionsFunction", this::scheduledSpec);
            events.put("StartExportFunction", () -> http("POST", "/v1/exports/{id}", officeToken, null,
                    Map.of("id", obligation), Map.of()));
            events.put("GetExportFunction", () -> http("GET", "/v1/exports/{id}", officeToken, null,
                    Map.of("id", builtExport), Map.of()));
            events.put("BuildExportFunction", () -> objectSpec("s3", exportKey(startExport())));
            events.put("SendRemindersFunction", this::scheduledSpec);
            events.put("RecordSesFeedbackFunction", () -> {
                Properties p = spec("sns");
                p.setProperty("topicArn", "arn:aws:sns:" + region + ":" + LocalSystem.ACCOUNT_ID + ":ses-feedback");
                p.setProperty("message", "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                        + "\"bouncedRecipients\":[{\"emailAddress\":\"bench-bounce@example.edu.vn\"}]}}");
                return p;
            });
            events.put("ServePagesFunction", () -> http("GET", "/u/{token}", null, null, Map.of("token", a), Map.of()));

            List<Subject> subjects = new ArrayList<>();
            Map<String, String> sdkEnv = environments.get("GetMeFunction");
            SamTemplate.Function me = functions.get("GetMeFunction");
            Path apiJar = jars.get("GetMeFunction");
            subjects.add(new Subject(NOOP, NoopHandler.class.getName(), "GetMeFunction", apiJar, sdkEnv,
                    me.timeoutSeconds(), () -> spec("none")));
            subjects.add(new Subject(SDK, SdkBaselineHandler.class.getName(), "GetMeFunction", apiJar, sdkEnv,
                    me.timeoutSeconds(), () -> spec("none")));
            for (SamTemplate.Function fn : functions.values()) {
                EventSource source = events.get(fn.logicalId());
                if (source == null) {
                    throw new IllegalStateException("bench-cold has no event for " + fn.logicalId()
                            + "; add one in ColdStartBench.Fixtures.subjects");
                }
                subjects.add(new Subject(fn.logicalId(), fn.handlerClass(), fn.logicalId(), jars.get(fn.logicalId()),
                        environments.get(fn.logicalId()), fn.timeoutSeconds(), source));
            }
            subjects.sort(Comparator.comparing(s -> LAST.contains(s.name())));
            return subjects;
        }

        private String openObligation(LocalSystem.SessionUnit unit) throws IOException {
            JsonNode me = body(expect(2, invoke("GetMeFunction", http("GET", "/v1/me", unit.token(), null, Map.of(), Map.of()))));
            for (JsonNode o : me.get("obligations")) {
                if (o.get("acceptsUploads").asBoolean()) {
                    return o.get("obligation").asText();
                }
            }
            throw new IllegalStateException(unit.unit() + " has no obligation open for uploads today");
        }

        private record Upload(String submissionId, String key) {
        }

        /** A unit's upload as its browser makes it (grant, then PUT to S3), not yet recorded. */
        private Upload upload(LocalSystem.SessionUnit unit) throws Exception {
            return upload(unit, pdf());
        }

        private Upload upload(LocalSystem.SessionUnit unit, byte[] file) throws Exception {
            JsonNode grant = body(expect(2, invoke("CreateUploadFunction",
                    http("POST", "/v1/uploads", unit.token(), uploadRequest(file), Map.of(), Map.of()))));
            URI url = URI.create(grant.get("uploadUrl").asText());
            HttpRequest.Builder put = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(file));
            // java.net.http sets Content-Length itself, from the body.
            grant.get("headers").fields().forEachRemaining(h -> {
                if (!h.getKey().equalsIgnoreCase("content-length")) {
                    put.header(h.getKey(), h.getValue().asText());
                }
            });
            HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT refused: " + response.statusCode() + " " + response.body());
            }
            // Path-style: /<bucket>/<key>, the key already encoded as S3 events carry it.
            return new Upload(grant.get("submissionId").asText(), url.getRawPath().substring(bucket.length() + 2));
        }

        private String record(Upload upload) throws Exception {
            invoke("RecordSubmissionFunction", objectSpec("s3", upload.key()));
            return upload.submissionId();
        }

        private String startExport() throws IOException {
            return body(expect(2, invoke("StartExportFunction", http("POST", "/v1/exports/{id}", officeToken, null,
                    Map.of("id", obligation), Map.of())))).get("exportId").asText();
        }

        private static String exportKey(String exportId) {
            return "export-requests/" + exportId + ".json";
        }

        /** EventBridge Scheduler's event. */
        private Properties scheduledSpec() {
            Properties p = spec("scheduled");
            p.setProperty("region", region);
            p.setProperty("account", LocalSystem.ACCOUNT_ID);
            return p;
        }

        /**
         * The event of an object stored: an S3 notification ({@code s3}) or EventBridge's "Object Created"
         * ({@code objectCreated}); {@code key} is URL-encoded, as in the former, and the spec holds it as stored.
         */
        private Properties objectSpec(String kind, String key) {
            Properties p = spec(kind);
            String decoded = java.net.URLDecoder.decode(key, StandardCharsets.UTF_8);
            p.setProperty("bucket", bucket);
            p.setProperty("region", region);
            p.setProperty("account", LocalSystem.ACCOUNT_ID);
            p.setProperty("key", decoded);
            var head = aws.s3().headObject(r -> r.bucket(bucket).key(decoded));
            p.setProperty("size", Long.toString(head.contentLength()));
            p.setProperty("eTag", head.eTag().replace("\"", ""));
            return p;
        }

        private String uploadRequest(byte[] file) throws NoSuchAlgorithmException {
            String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file));
            return "{\"obligation\":\"" + obligation + "\",\"fileName\":\"bao-cao.pdf\",\"contentType\":\"application/pdf\","
                    + "\"size\":" + file.length + ",\"sha256\":\"" + sha + "\"}";
        }

        private String extensionRequest() {
            int year = Integer.parseInt(obligation.substring(obligation.indexOf(':') + 1, obligation.indexOf('-')));
            return "{\"until\":\"" + (year + 1) + "-06-30\",\"reason\":\"Gia hạn (bench)\"}";
        }

        /** A report signed by poppler's pdfsig, RSA 2048 (resources/bench/README.md): the same file each time. */
        private static final byte[] SIGNED_REPORT = benchFile("bao-cao-pdfsig.pdf");

        /** A distinct small PDF each time, so that no two uploads share a hash. */
        private static byte[] pdf() {
            return SamplePdf.of("bench " + UUID.randomUUID());
        }

        private Object invoke(String function, Properties spec) {
            RequestHandler<Object, Object> handler = handlers.computeIfAbsent(function, this::instantiate);
            return handler.handleRequest(ColdEvents.build(spec), LocalContext.of(function));
        }

        private RequestHandler<Object, Object> instantiate(String function) {
            return LocalSystem.instantiate(functions.get(function).handlerClass(), environments.get(function), Clock.systemUTC());
        }

        private static APIGatewayV2HTTPResponse expect(int statusClass, Object response) {
            APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) response;
            if (r.getStatusCode() / 100 != statusClass) {
                throw new IllegalStateException("fixture request answered " + r.getStatusCode() + ": " + r.getBody());
            }
            return r;
        }

        private static JsonNode body(APIGatewayV2HTTPResponse response) throws IOException {
            return JSON.readTree(response.getBody());
        }
    }

    private static Properties spec(String kind) {
        Properties p = new Properties();
        p.setProperty("kind", kind);
        return p;
    }

    /** An HTTP API event as API Gateway sends it for {@code route}, with the path parameters filled in. */
    private static Properties http(String method, String route, String token, String body, Map<String, String> pathParameters,
                                   Map<String, String> query) {
        Properties p = spec("http");
        p.setProperty("method", method);
        p.setProperty("route", route);
        String path = route;
        for (Map.Entry<String, String> e : pathParameters.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            p.setProperty("pathParameter." + e.getKey(), e.getValue());
        }
        p.setProperty("path", path);
        query.forEach((k, v) -> p.setProperty("queryParameter." + k, v));
        p.setProperty("query", query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        if (token != null) {
            p.setProperty("header.authorization", "Bearer " + token);
        }
        if (body != null) {
            p.setProperty("header.content-type", "application/json");
            p.setProperty("body", body);
        }
        return p;
    }

    /** One of the bench's sample files ({@code src/main/resources/bench/}). */
    static byte[] benchFile(String name) {
        try (InputStream in = ColdStartBench.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bench/" + name + " is not in the runner's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes the child needs besides the Lambda jar, copied out of this jar (or target/classes). */
    private static Path copyDriver(Path dir) throws IOException {
        for (Class<?> c : List.of(ColdDriver.class, ColdEvents.class, LocalContext.class, AwsEventJson.class,
                NoopHandler.class, SdkBaselineHandler.class)) {
            String file = c.getName().replace('.', '/') + ".class";
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = c.getClassLoader().getResourceAsStream(file)) {
                Files.copy(in, target);
            }
        }
        return dir;
    }

    /** The Lambda jar a function module builds into {@code targetDir} (its CodeUri's target). */
    static Path lambdaJar(Path targetDir) throws IOException {
        try (Stream<Path> files = Files.list(targetDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-lambda.jar in " + targetDir
                            + "; build it first: mvn -B -q -pl infrastructure/local -am package -DskipTests"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + targetDir + "; run from the repository root after building", e);
        }
    }

    /**
     * Moves this JVM (every thread of it) to CPUs 1 to n-1, and with it the emulators it starts after, which
     * inherit that: CPU 0 is left to the samples, as a Lambda function has its vCPU to itself. On CPU 0 the
     * runner's own work between samples (its JIT compiling the handlers the fixtures had just run in it,
     * the emulators still answering) ran during the next sample (docs/benchmarks.md). Only the command does
     * this, at its start, when the JVM has few threads and has started no process: a test JVM that runs the
     * bench keeps its CPUs, and so does every process another test starts meanwhile.
     */
    private static void keepOffTheSamplesCore() throws IOException, InterruptedException {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (!taskset() || cpus < 2) {
            return;
        }
        new ProcessBuilder("taskset", "-a", "-p", "-c", cpus == 2 ? "1" : "1-" + (cpus - 1),
                Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /**
     * The CPUs the calling thread may run on, as the kernel lists them ({@code 1}, {@code 0-1}); read, not
     * {@code availableProcessors()}, which the JVM may keep from before a change for a while.
     */
    static String allowedCpus() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/thread-self/status"))) {
            return lines.filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        }
    }

    private static boolean taskset() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "taskset")));
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            m.put("cpu", lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown"));
        } catch (IOException | UncheckedIOException e) {
            m.put("cpu", "unknown");
        }
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static double median(List<Map<String, Object>> samples, String field) {
        return round(ColdComparison.median(samples.stream().mapToDouble(number(field)).toArray()));
    }

    private static ToDoubleFunction<Map<String, Object>> number(String field) {
        return m -> ((Number) m.get(field)).doubleValue();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
