package vn.haiphong.gddt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.s3.S3Client;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Reconciliation;
import vn.haiphong.gddt.reports.app.Uploads;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.files.S3SubmissionFiles;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * {@code java -jar infrastructure/local/target/local-runner.jar bench-reconcile [--units 5000] [--runs 5]
 * [--template template.yaml] [--out infrastructure/local/target/bench-reconcile.json]}
 *
 * <p>N units × the four obligations of 2026 (QCDC and DVCQ, H1 and Y) × two files each in S3, every one
 * recorded with its receipt sent, on 20/12/2026 when all four have opened. Then the reconciliation
 * sweep, built as {@link Wiring#reconciliation()} builds it with SDK clients whose calls are counted:
 * <ul>
 *   <li><b>steady state</b> (nothing to repair), several sweeps: S3 list pages, DynamoDB requests, pages
 *   and items (no Scan), wall time, against a baseline in the same run: listing the same prefixes once,
 *   without DynamoDB, the least any sweep must do;</li>
 *   <li><b>repair</b>: 1 % of the records deleted (their events lost): what one sweep records and sends
 *   (counted in the SES emulator's store), and that a second sweep right after repairs nothing.</li>
 * </ul>
 * Wall times are also printed as a fraction of the function's Timeout in template.yaml. The table goes
 * to stdout, everything to the JSON file; the exit code is 1 when a check fails.
 */
final class ReconcileBench {
    private static final Instant NOW = OffsetDateTime.parse("2026-12-20T09:00:00+07:00").toInstant();
    private static final int YEAR = 2026;
    private static final String FUNCTION = "ReconcileSubmissionsFunction";
    private static final int FILES_PER_OBLIGATION = 2;
    /** A small real PDF, which the inspection accepts too; small bodies keep the load about requests. */
    private static final byte[] BODY = SamplePdf.of("bench-reconcile");
    private static final int LOAD_THREADS = 8;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static int main(List<String> argv) throws Exception {
        try (Emulators emulators = Emulators.start(EmulatorOptions.inMemory())) {
            return main(emulators, argv, System.out);
        }
    }

    /** On emulators someone else started (a test's shared ones), printing to {@code out}. */
    static int main(Emulators emulators, List<String> argv, PrintStream out) throws Exception {
        Args args = new Args(argv);
        int units = Integer.parseInt(args.value("--units", "5000"));
        int runs = Integer.parseInt(args.value("--runs", "5"));
        Path template = args.path("--template", Path.of("template.yaml"));
        Path json = args.path("--out", Path.of("infrastructure/local/target/bench-reconcile.json"));
        args.rejectUnknown();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "bench-reconcile --units " + units + " --runs " + runs);
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("java", System.getProperty("java.version"));
        result.put("startedAt", Instant.now().toString());
        // Other work on the same cores slows every number here: the load average says how quiet it was.
        result.put("loadAverageBefore", loadAverage());
        List<String> failures = new ReconcileBench(emulators, template, out, result).run(units, runs);
        result.put("loadAverageAfter", loadAverage());
        result.put("failures", failures);
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, JSON.writeValueAsString(result), StandardCharsets.UTF_8);
        out.printf("%n%d cores; load average %.2f before, %.2f after%nJSON: %s%n", Runtime.getRuntime().availableProcessors(),
                (double) result.get("loadAverageBefore"), (double) result.get("loadAverageAfter"), json);
        failures.forEach(f -> out.println("CHECK FAILED: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private final Emulators emulators;
    private final Path template;
    private final PrintStream out;
    private final Map<String, Object> result;
    private final List<String> failures = new ArrayList<>();

    private ReconcileBench(Emulators emulators, Path template, PrintStream out, Map<String, Object> result) {
        this.emulators = emulators;
        this.template = template;
        this.out = out;
        this.result = result;
    }

    private List<String> run(int unitCount, int runs) throws Exception {
        Path csv = Files.createTempFile("bench-reconcile-units", ".csv");
        Files.writeString(csv, StatusBench.unitsCsv(unitCount), StandardCharsets.UTF_8);
        int timeoutSeconds = SamTemplate.read(template).functions().stream()
                .filter(f -> f.logicalId().equals(FUNCTION)).findFirst().orElseThrow().timeoutSeconds();
        long seedStart = System.nanoTime();
        Map<String, String> env;
        Clock clock;
        // The runner creates the table and bucket as the template declares them, seeds the units and
        // computes the function's environment; it is closed before the files are put, because its S3
        // event subscription would run RecordSubmissionFunction for each of them, one after another.
        try (LocalSystem system = LocalSystem.startOn(emulators, new LocalSystem.Options(template, 0, null, NOW, csv)
                .withStack("bench-reconcile", Map.of()))) {
            env = system.environmentOnTheEmulators(FUNCTION);
            clock = system.clock();
        }
        Files.delete(csv);
        double seedSeconds = seconds(seedStart);

        AwsClients plain = new AwsClients(new Env(env));
        Catalog catalog = new Wiring(new Env(env), clock, plain).catalog();
        List<Obligation> loaded = catalog.obligationsOf(YEAR);
        List<Unit> units = new DynamoDbUnitDirectory(plain.dynamoDb(), env.get("TABLE_NAME")).all();
        List<Submission> files = plan(loaded, units, clock.instant());
        out.printf("bench-reconcile: %,d units × %d obligations of %d (%s) × %d files = %,d files; business time %s%n",
                units.size(), loaded.size(), YEAR, String.join(", ", loaded.stream().map(Obligation::id).toList()),
                FILES_PER_OBLIGATION, files.size(), VietnamTime.dateOf(NOW) + " 09:00 (+07)");
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("units", units.size());
        load.put("obligations", loaded.stream().map(Obligation::id).toList());
        load.put("files", files.size());
        load.put("unitsSeededSeconds", seedSeconds);
        load.putAll(load(plain, env, files));
        result.put("load", load);
        out.printf("loaded in %.1f s: units seeded %.1f s; S3 %,d objects %.1f s; DynamoDB %,d records, receipts sent, %.1f s (%d threads)%n",
                seedSeconds + (double) load.get("s3Seconds") + (double) load.get("dynamoDbSeconds"), seedSeconds,
                files.size(), (double) load.get("s3Seconds"), files.size(), (double) load.get("dynamoDbSeconds"), LOAD_THREADS);

        SdkCalls calls = new SdkCalls();
        AwsClients counted = new AwsClients(new Env(env), List.of(calls));
        Reconciliation reconciliation = new Wiring(new Env(env), clock, counted).reconciliation();
        S3Client s3 = counted.s3();
        SubmissionFiles listing = new S3SubmissionFiles(() -> s3, counted::s3Presigner, env.get("BUCKET_NAME"));
        List<String> prefixes = sweptPrefixes(catalog, clock.instant());
        steadyState(reconciliation, listing, prefixes, calls, runs, timeoutSeconds, files.size());
        repair(reconciliation, calls, plain.dynamoDb(), env.get("TABLE_NAME"), files, timeoutSeconds);
        return failures;
    }

    /** Two files per unit and obligation it owes, named as uploads name them; ids seeded, so runs compare. */
    private static List<Submission> plan(List<Obligation> obligations, List<Unit> units, Instant at) {
        Random random = new Random(42);
        List<Submission> files = new ArrayList<>();
        for (Obligation o : obligations) {
            for (Unit u : units) {
                if (!o.owedBy(u)) {
                    continue;
                }
                for (int k = 1; k <= FILES_PER_OBLIGATION; k++) {
                    String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
                    String key = new SubmissionKey(o.period(), o.report().id(), u.id(), id, "bao-cao-" + k + ".pdf").key();
                    files.add(new Submission(id, u.id(), o.id(), key, "", null, BODY.length, sha256(BODY),
                            "application/pdf", "Báo cáo " + o.report().id() + " " + k + ".pdf", at, o.isOnTime(at),
                            Optional.empty()));
                }
            }
        }
        return files;
    }

    /**
     * Puts every file as a browser's presigned PUT does (content type, SHA-256, the upload's metadata),
     * then records each as the storage event would have: the record, and its receipt claimed and
     * marked sent (no e-mail: 40,000 of them would only fill the SES emulator's memory).
     */
    private Map<String, Object> load(AwsClients aws, Map<String, String> env, List<Submission> files) throws Exception {
        S3Client s3 = aws.s3();
        String bucket = env.get("BUCKET_NAME");
        Map<String, String> eTags = new ConcurrentHashMap<>();
        long s3Start = System.nanoTime();
        parallel(files, f -> eTags.put(f.submissionId(), put(s3, bucket, f)));
        double s3Seconds = seconds(s3Start);
        SubmissionLedger ledger = new DynamoDbSubmissionLedger(aws.dynamoDb(), env.get("TABLE_NAME"));
        long dynamoStart = System.nanoTime();
        parallel(files, f -> {
            Submission s = new Submission(f.submissionId(), f.unitId(), f.obligationId(), f.key(),
                    eTags.get(f.submissionId()), null, f.size(), f.sha256(), f.contentType(), f.fileName(),
                    f.receivedAt(), f.onTime(), f.refusal());
            ledger.recordIfAbsent(s);
            Claims.Held receipt = ledger.claimNotice(s, SubmissionLedger.Notice.RECEIPT, f.receivedAt(),
                    Duration.ofMinutes(5)).orElseThrow();
            ledger.noticeSent(receipt, "bench-" + s.submissionId());
        });
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("s3Seconds", s3Seconds);
        load.put("dynamoDbSeconds", seconds(dynamoStart));
        load.put("threads", LOAD_THREADS);
        return load;
    }

    /** One file as its presigned PUT stores it; returns its ETag. */
    private static String put(S3Client s3, String bucket, Submission f) {
        Map<String, String> metadata = Map.of(
                Uploads.META_FILE_NAME, URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20"),
                Uploads.META_SHA256, f.sha256());
        return s3.putObject(r -> r.bucket(bucket).key(f.key()).contentType(f.contentType())
                .checksumSHA256(f.sha256()).metadata(metadata), RequestBody.fromBytes(BODY)).eTag().replace("\"", "");
    }

    /** What the sweep lists: every obligation of this year and last that has opened (its own rule). */
    private static List<String> sweptPrefixes(Catalog catalog, Instant now) {
        List<Obligation> all = new ArrayList<>(catalog.obligationsOf(VietnamTime.dateOf(now).getYear() - 1));
        all.addAll(catalog.obligationsOf(VietnamTime.dateOf(now).getYear()));
        return all.stream().filter(o -> !now.isBefore(o.opensAt())).map(SubmissionKey::prefixOf).toList();
    }

    /** One sweep as measured: what it did, its wall time, and the SDK calls it made by service and operation. */
    record SweepRun(long millis, Reconciliation.Outcome outcome, long listPages, double listMillis, long dynamoDbRequests,
                    long queryItems, double queryMillis, long scans, Map<String, Long> dynamoDbCalls,
                    Map<String, Long> s3Calls, Map<String, Long> sesCalls) {
        boolean repairedNothing() {
            return outcome.recorded() == 0 && outcome.noticesSent() == 0 && outcome.errors().isEmpty();
        }
    }

    /** One listing of the baseline. */
    record ListRun(long millis, long keys, long listPages, double listMillis) {
    }

    private void steadyState(Reconciliation reconciliation, SubmissionFiles listing, List<String> prefixes,
                             SdkCalls calls, int runs, int timeoutSeconds, int files) {
        List<SweepRun> sweeps = new ArrayList<>();
        List<ListRun> baselines = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            SweepRun sweep = sweep(reconciliation, calls, timeoutSeconds);
            sweeps.add(sweep);
            if (!sweep.repairedNothing() || sweep.scans() != 0 || sweep.outcome().objectsListed() != files) {
                failures.add("steady-state sweep " + (i + 1) + " repaired, failed, scanned or missed something: " + sweep);
            }
            baselines.add(listOnce(listing, prefixes, calls));
        }
        long[] sweepMs = sweeps.stream().mapToLong(SweepRun::millis).toArray();
        long[] baseMs = baselines.stream().mapToLong(ListRun::millis).toArray();
        double sweepMedian = StatusBench.median(sweepMs);
        double baseMedian = StatusBench.median(baseMs);
        long sweepMax = Arrays.stream(sweepMs).max().orElseThrow();
        long baseMax = Arrays.stream(baseMs).max().orElseThrow();
        // Every run makes the same calls (checked above: nothing changes between them); the last one speaks for all.
        SweepRun last = sweeps.get(sweeps.size() - 1);
        ListRun base = baselines.get(baselines.size() - 1);
        out.printf("%nsteady state: everything recorded, %d sweeps (%d prefixes: the opened obligations of %d and %d)%n",
                runs, prefixes.size(), YEAR - 1, YEAR);
        out.printf("  %-34s %14s %14s %9s%n", "", "sweep", "baseline", "ratio");
        out.printf("  %-34s %14s %14s %9s%n", "", "", "(list only)", "");
        out.printf("  %-34s %,14.0f %,14.0f %8.2f×%n", "wall ms, median", sweepMedian, baseMedian, sweepMedian / baseMedian);
        out.printf("  %-34s %,14d %,14d %8.2f×%n", "wall ms, max", sweepMax, baseMax, sweepMax / (double) baseMax);
        out.printf("  %-34s %,14d %,14d %8.2f×%n", "S3 ListObjectsV2 pages", last.listPages(), base.listPages(),
                last.listPages() / (double) base.listPages());
        out.printf("  %-34s %,14d %,14d%n", "keys listed", last.outcome().objectsListed(), base.keys());
        out.printf("  %-34s %,14d %14s%n", "DynamoDB requests", last.dynamoDbRequests(), "0");
        out.printf("  %-34s %,14d%n", "  Query pages", last.dynamoDbCalls().getOrDefault("Query", 0L));
        out.printf("  %-34s %,14d%n", "  items read (Query)", last.queryItems());
        out.printf("  %-34s %,14d%n", "  GetItem", last.dynamoDbCalls().getOrDefault("GetItem", 0L));
        out.printf("  %-34s %,14d%n", "  Scan", last.scans());
        // Where a sweep's time goes: the calls are made one after another, so these add up to most of it.
        out.printf("  %-34s %,14.0f %,14.0f%n", "ms in ListObjectsV2 (median run)", median(sweeps, SweepRun::listMillis),
                median(baselines, ListRun::listMillis));
        out.printf("  %-34s %,14.0f%n", "ms in Query (median run)", median(sweeps, SweepRun::queryMillis));
        out.printf("  %-34s %14s%n", "recorded / notices sent", last.outcome().recorded() + " / " + last.outcome().noticesSent());
        out.printf("  %-34s %13.2f %%%n", "of the " + timeoutSeconds + " s Timeout (max)", 100.0 * sweepMax / (timeoutSeconds * 1000.0));
        out.printf("  sweep wall ms, each run: %s; baseline: %s%n", Arrays.toString(sweepMs), Arrays.toString(baseMs));
        Map<String, Object> steady = new LinkedHashMap<>();
        steady.put("runs", runs);
        steady.put("prefixes", prefixes);
        steady.put("sweepMillisMedian", sweepMedian);
        steady.put("sweepMillisMax", sweepMax);
        steady.put("baselineMillisMedian", baseMedian);
        steady.put("baselineMillisMax", baseMax);
        steady.put("wallRatioMedian", sweepMedian / baseMedian);
        steady.put("listPagesRatio", last.listPages() / (double) base.listPages());
        steady.put("timeoutSeconds", timeoutSeconds);
        steady.put("timeoutFractionMax", sweepMax / (timeoutSeconds * 1000.0));
        steady.put("sweeps", sweeps);
        steady.put("baselines", baselines);
        result.put("steadyState", steady);
    }

    /** The median of one measure over the runs, to the millisecond. */
    private static <T> double median(List<T> runs, ToDoubleFunction<T> millis) {
        return StatusBench.median(runs.stream().mapToLong(r -> Math.round(millis.applyAsDouble(r))).toArray());
    }

    /** One sweep with the function's whole Timeout ahead of it, its calls counted. */
    private static SweepRun sweep(Reconciliation reconciliation, SdkCalls calls, int timeoutSeconds) {
        calls.reset();
        long start = System.nanoTime();
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        // Never told to stop: the bench measures the whole sweep. The handler stops taking work 30 s
        // before its Timeout; the fraction of the Timeout printed shows how far from that it is.
        Reconciliation.Outcome outcome = reconciliation.sweep(() -> true,
                () -> Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> dynamo = calls.counts(DYNAMODB);
        return new SweepRun(millis, outcome, calls.count("ListObjectsV2"), calls.millis("ListObjectsV2"),
                dynamo.values().stream().mapToLong(Long::longValue).sum(), calls.items("Query"), calls.millis("Query"),
                calls.count("Scan"), dynamo, calls.counts(S3), calls.counts(SES));
    }

    /** The SDK's service names, under which {@link SdkCalls} files the calls. */
    private static final String DYNAMODB = "DynamoDb";
    private static final String S3 = "S3";
    private static final String SES = "SesV2";

    /** The baseline: the same prefixes listed once, through the same class and client, no DynamoDB. */
    private static ListRun listOnce(SubmissionFiles listing, List<String> prefixes, SdkCalls calls) {
        calls.reset();
        long start = System.nanoTime();
        long keys = 0;
        for (String prefix : prefixes) {
            keys += listing.list(prefix).size();
        }
        return new ListRun((System.nanoTime() - start) / 1_000_000, keys, calls.count("ListObjectsV2"),
                calls.millis("ListObjectsV2"));
    }

    /**
     * 1 % of the records deleted, spread evenly over obligations and units, as if their storage
     * events had been lost; one sweep must record exactly those and send their receipts, and a second
     * sweep nothing.
     */
    private void repair(Reconciliation reconciliation, SdkCalls calls, DynamoDbClient dynamo, String table,
                        List<Submission> files, int timeoutSeconds) throws Exception {
        int count = Math.max(1, files.size() / 100);
        List<Submission> lost = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lost.add(files.get((int) ((long) i * files.size() / count)));
        }
        List<String> keyNames = dynamo.describeTable(r -> r.tableName(table)).table().keySchema().stream()
                .map(KeySchemaElement::attributeName).toList();
        parallel(lost, s -> {
            // The item's key read back through the table's index by submission id: the bench does not
            // restate how the ledger lays out its keys.
            Map<String, AttributeValue> item = dynamo.query(r -> r.tableName(table)
                    .indexName(DynamoDbSubmissionLedger.BY_SUBMISSION_ID)
                    .keyConditionExpression("submissionId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(s.submissionId())))).items().get(0);
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            keyNames.forEach(name -> key.put(name, item.get(name)));
            dynamo.deleteItem(r -> r.tableName(table).key(key));
        });
        Set<String> lostIds = new HashSet<>(lost.stream().map(Submission::submissionId).toList());
        long since = Instant.now().getEpochSecond();
        SweepRun first = sweep(reconciliation, calls, timeoutSeconds);
        List<JsonNode> emails = sesEmailsSince(since);
        long receipts = emails.stream().filter(e -> lostIds.stream().anyMatch(id -> e.toString().contains(id))).count();
        SubmissionLedger ledger = new DynamoDbSubmissionLedger(dynamo, table);
        long back = lost.stream().filter(s -> ledger.find(s.obligationId(), s.unitId(), s.submissionId()).isPresent()).count();
        SweepRun second = sweep(reconciliation, calls, timeoutSeconds);
        Reconciliation.Outcome repaired = first.outcome();
        if (repaired.recorded() != count || repaired.noticesSent() != count || receipts != count || back != count
                || !repaired.errors().isEmpty()) {
            failures.add("the repair sweep did not repair exactly the " + count + " deleted records: " + first
                    + ", e-mails " + receipts + ", records back " + back);
        }
        if (!second.repairedNothing()) {
            failures.add("the sweep after the repair repaired or failed something: " + second);
        }
        long s3Requests = first.s3Calls().values().stream().mapToLong(Long::longValue).sum();
        out.printf("%nrepair: %,d of %,d records (1 %%) deleted from DynamoDB, as if their events were lost%n", count,
                files.size());
        out.printf("  %-34s %,14d%n", "recorded", repaired.recorded());
        out.printf("  %-34s %,14d%n", "receipts sent (the sweep's count)", repaired.noticesSent());
        out.printf("  %-34s %,14d%n", "e-mails in the SES store for them", receipts);
        out.printf("  %-34s %,14d  (%d e-mails in the store since)%n", "records back in the table", back, emails.size());
        out.printf("  %-34s %,14d%n", "wall ms", first.millis());
        out.printf("  %-34s %13.2f %%%n", "of the " + timeoutSeconds + " s Timeout", 100.0 * first.millis() / (timeoutSeconds * 1000.0));
        out.printf("  %-34s %,14d  %s%n", "DynamoDB requests", first.dynamoDbRequests(), first.dynamoDbCalls());
        out.printf("  %-34s %,14d  %s%n", "S3 requests", s3Requests, first.s3Calls());
        out.printf("  %-34s %14s%n", "SES requests", first.sesCalls());
        out.printf("  second sweep right after: recorded %d, sent %d, %,d ms%n", second.outcome().recorded(),
                second.outcome().noticesSent(), second.millis());
        Map<String, Object> repair = new LinkedHashMap<>();
        repair.put("deleted", count);
        repair.put("emailsForDeleted", receipts);
        repair.put("emailsSince", emails.size());
        repair.put("recordsBack", back);
        repair.put("timeoutFraction", first.millis() / (timeoutSeconds * 1000.0));
        repair.put("sweep", first);
        repair.put("secondSweep", second);
        result.put("repair", repair);
    }

    private List<JsonNode> sesEmailsSince(long epochSecond) throws Exception {
        HttpResponse<String> store = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulators.sesStore() + "?since=" + epochSecond)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> emails = new ArrayList<>();
        JSON.readTree(store.body()).get("emails").forEach(emails::add);
        return emails;
    }

    private static <T> void parallel(List<T> items, Consumer<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> action.accept(item)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
