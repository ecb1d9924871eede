package vn.haiphong.gddt.local;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.SortedUnits;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * {@code java -Xmx256m -jar infrastructure/local/target/local-runner.jar bench-status [--units 5000]}
 *
 * <p>Loads N units × 4 obligations with about two submissions each into dynalite, then measures
 * what one status request costs: DynamoDB pages and items read (and that no Scan happens), bytes
 * returned, the handler end to end over HTTP, and the pure computation, against a baseline measured
 * in the same run (sorting the same rows by id: the least any status must do).
 */
final class StatusBench {
    private static final Instant NOW = OffsetDateTime.parse("2026-12-20T09:00:00+07:00").toInstant();
    private static final int YEAR = 2026;

    private StatusBench() {
    }

    static int main(List<String> argv) throws Exception {
        Args args = new Args(argv);
        int unitCount = Integer.parseInt(args.value("--units", "5000"));
        args.rejectUnknown();
        Path work = Files.createTempDirectory("status-bench");
        try (Emulators emulators = Emulators.start(EmulatorOptions.inMemory())) {
            Path csv = work.resolve("units.csv");
            Files.writeString(csv, unitsCsv(unitCount), StandardCharsets.UTF_8);
            long loadStart = System.nanoTime();
            try (LocalSystem system = LocalSystem.startOn(emulators, new LocalSystem.Options(
                    Path.of("template.yaml"), 0, null, NOW, csv))) {
                String table = system.physicalName("ReportsTable");
                SdkCalls counter = new SdkCalls();
                try (DynamoDbClient dynamo = counted(emulators, counter)) {
                    DynamoDbUnitDirectory units = new DynamoDbUnitDirectory(dynamo, table);
                    DynamoDbSubmissionLedger ledger = new DynamoDbSubmissionLedger(dynamo, table);
                    Catalog catalog = CatalogFile.bundled(CatalogSettings.defaults());
                    List<Obligation> obligations = catalog.obligationsOf(YEAR);
                    List<Unit> all = units.all();
                    long partitionBytes = load(ledger, obligations, all);
                    System.out.printf("loaded %,d units, %d obligations, %,d submissions in %.1f s%n", all.size(),
                            obligations.size(), submissionsLoaded.get(), (System.nanoTime() - loadStart) / 1e9);
                    reads(counter, ledger, obligations, partitionBytes);
                    compute(catalog, obligations, all, ledger);
                }
                endToEnd(system);
            }
        }
        printHeap();
        return 0;
    }

    private static final AtomicLong submissionsLoaded = new AtomicLong();

    /** N units of the five categories that owe both reports, with names to sort. */
    static String unitsCsv(int count) {
        StringBuilder csv = new StringBuilder(UnitCsv.HEADER).append('\n');
        String[] given = {"Trần Phú", "Ngô Quyền", "Lê Quý Đôn", "Đồ Sơn", "Ân Thi", "Âu Cơ", "Bạch Đằng", "Cát Bà"};
        UnitCategory[] owing = {UnitCategory.THPT, UnitCategory.PHONG_GDDT, UnitCategory.PT_NHIEU_CAP,
                UnitCategory.GDNN_GDTX, UnitCategory.TRUC_THUOC};
        for (int i = 0; i < count; i++) {
            csv.append("bench-").append(i).append(",Trường ").append(given[i % given.length]).append(' ').append(i)
                    .append(',').append(owing[i % owing.length]).append(",bench-").append(i).append("@example.edu.vn\n");
        }
        return csv.toString();
    }

    /** About two submissions per unit and obligation (0 to 4), received around the deadline. */
    private static long load(SubmissionLedger ledger, List<Obligation> obligations, List<Unit> units) throws Exception {
        Random random = new Random(42);
        List<Submission> all = new ArrayList<>();
        for (Obligation o : obligations) {
            for (Unit u : units) {
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    Instant at = o.due().plus(Duration.ofHours(random.nextInt(24 * 20) - 24 * 10));
                    String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
                    all.add(new Submission(id, u.id(), o.id(), "submissions/" + YEAR + "/" + o.report().id() + "/"
                            + o.period().id() + "/" + u.id() + "/" + id + "/bao-cao.pdf", "etag" + k, null,
                            100_000 + random.nextInt(900_000), "0Y7Jv6Lh5Ty9v0b3+nq1E5Yb0Zk2bX1oRkM3t0f0Zc8=",
                            "application/pdf", "Báo cáo " + o.report().id() + ".pdf", at, at.isBefore(o.due()),
                            Optional.empty()));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (Submission s : all) {
            writes.add(pool.submit(() -> {
                ledger.recordIfAbsent(s);
                submissionsLoaded.incrementAndGet();
            }));
        }
        for (Future<?> w : writes) {
            w.get();
        }
        pool.shutdown();
        // DynamoDB sizes an item as the UTF-8 length of its attribute names and values.
        return all.stream().mapToLong(StatusBench::approximateItemBytes).sum();
    }

    private static long approximateItemBytes(Submission s) {
        String[] parts = {"PK", "OBL#" + s.obligationId(), "SK", "UNIT#" + s.unitId() + "#SUB#" + s.submissionId(),
                "type", "SUBMISSION", "submissionId", s.submissionId(), "unitId", s.unitId(), "obligationId",
                s.obligationId(), "objectKey", s.key(), "eTag", s.eTag(), "size", "123456", "sha256", s.sha256(),
                "contentType", s.contentType(), "fileName", s.fileName(), "receivedAt", s.receivedAt().toString(),
                "onTime", "1"};
        return Arrays.stream(parts).mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static void reads(SdkCalls counter, SubmissionLedger ledger, List<Obligation> obligations,
                              long partitionBytes) {
        System.out.println();
        System.out.println("DynamoDB reads for one status request (each obligation: one paged Query of its partition)");
        long perObligationBytes = partitionBytes / obligations.size();
        for (Obligation o : obligations) {
            counter.reset();
            int items = ledger.records(o.id()).submissions().size();
            long expectedPages = Math.max(1, (perObligationBytes + (1 << 20) - 1) >> 20);
            System.out.printf("  %-14s items %,7d  pages %3d  (target ⌈%,d bytes / 1 MB⌉ = %d)  scans %d%n", o.id(), items,
                    counter.count("Query"), perObligationBytes, expectedPages, counter.count("Scan"));
        }
    }

    private static void compute(Catalog catalog, List<Obligation> obligations, List<Unit> units, SubmissionLedger ledger) {
        List<SubmissionLedger.Records> records = obligations.stream().map(o -> ledger.records(o.id())).toList();
        long coldStart = System.nanoTime();
        computeOnce(obligations, units, records);
        double cold = (System.nanoTime() - coldStart) / 1e6;
        int rows = 0;
        for (int i = 0; i < 5; i++) {
            rows = computeOnce(obligations, units, records);
            baselineOnce(units, obligations.size());
        }
        int runs = 21;
        long[] computeNanos = new long[runs];
        long[] baselineNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            computeOnce(obligations, units, records);
            computeNanos[i] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            baselineOnce(units, obligations.size());
            baselineNanos[i] = System.nanoTime() - t1;
        }
        double compute = median(computeNanos) / 1e6;
        double baseline = median(baselineNanos) / 1e6;
        System.out.println();
        System.out.printf("pure computation, %,d unit-obligation rows: median %.1f ms over %d runs (target ≤ 100 ms); first run %.1f ms%n",
                rows, compute, runs, cold);
        System.out.printf("baseline (the same rows sorted by id): median %.1f ms; ratio %.1f×%n", baseline, compute / baseline);
    }

    /** What GET /v1/status computes: the units sorted once, then every obligation's rows. */
    private static int computeOnce(List<Obligation> obligations, List<Unit> units, List<SubmissionLedger.Records> records) {
        SortedUnits sorted = SortedUnits.of(units);
        int rows = 0;
        for (int i = 0; i < obligations.size(); i++) {
            rows += ObligationStatus.of(obligations.get(i), sorted, records.get(i).submissions(),
                    records.get(i).extensions(), NOW).units().size();
        }
        return rows;
    }

    private static void baselineOnce(List<Unit> units, int obligations) {
        for (int i = 0; i < obligations; i++) {
            List<Unit> copy = new ArrayList<>(units);
            copy.sort(Comparator.comparing(Unit::id));
        }
    }

    /**
     * The requests the dashboard makes at this size, end to end through the runner (which refuses a
     * Lambda response over 6 MiB as AWS does): the year's status as a browser asks for it (gzip), and
     * the same without gzip, which must be refused with status-too-large rather than fail; then the
     * Excel and CSV downloads of the year. Sizes are of the bytes on the wire, before and after gzip.
     */
    private static void endToEnd(LocalSystem system) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = system.officeToken(Capability.ALL_REPORTS, "bench");
        System.out.println();
        System.out.println("Requests at this size, end to end (HTTP, handler, 4 Queries, the body), median of 7:");
        measure(http, system, token, "year=" + YEAR, true);
        measure(http, system, token, "year=" + YEAR, false);
        measure(http, system, token, "obligation=QCDC:" + YEAR + "-H1", false);
        measure(http, system, token, "year=" + YEAR + "&format=xlsx", false);
        measure(http, system, token, "year=" + YEAR + "&format=csv", true);
    }

    private static void measure(HttpClient http, LocalSystem system, String token, String query, boolean gzip)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.baseUrl() + "/v1/status?" + query))
                .header("Authorization", "Bearer " + token);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        long[] nanos = new long[7];
        HttpResponse<byte[]> response = null;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - t0;
        }
        boolean gzipped = response.headers().firstValue("content-encoding").filter("gzip"::equals).isPresent();
        long plain = gzipped ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes().length
                : response.body().length;
        java.util.regex.Matcher problem = java.util.regex.Pattern.compile("\"code\":\"([a-z-]+)\"")
                .matcher(response.statusCode() == 200 ? "" : new String(response.body(), StandardCharsets.UTF_8));
        String code = problem.find() ? " " + problem.group(1) : "";
        System.out.printf("  GET /v1/status?%-34s %-5s -> %d%s: %,11d bytes on the wire%s; median %5.0f ms, first %5.0f ms%n",
                query, gzip ? "gzip" : "plain", response.statusCode(), code, response.body().length,
                gzipped ? String.format(" (%,d unzipped, %.1f×)", plain, plain / (double) response.body().length) : "",
                median(nanos) / 1e6, nanos[0] / 1e6);
    }

    /** Run with -Xmx256m: finishing at all shows the heap held; this prints what stays live after a collection. */
    private static void printHeap() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("%nheap: max %,d MB; live after GC %,d MB (whole JVM, the in-process S3 emulator included)%n",
                Runtime.getRuntime().maxMemory() >> 20, heap.getUsed() >> 20);
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static DynamoDbClient counted(Emulators emulators, SdkCalls counter) {
        return new AwsClients(new Env(LocalSystem.awsEnvironment(emulators)), List.of(counter)).dynamoDb();
    }
}
