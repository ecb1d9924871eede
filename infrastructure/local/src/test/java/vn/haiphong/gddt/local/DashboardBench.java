package vn.haiphong.gddt.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * How fast the Office's dashboard draws a large status: N units (default 500) × the 4 obligations
 * of 2026, most with a file or two received around the deadline, in headless Chromium. Not a test:
 * it prints what the page itself measures ({@code window.renderMs}: from the arrival of the
 * {@code GET /v1/status} response to the frame after the cards, chart and matrix are in the page).
 * Target: under one second.
 *
 * <pre>
 * mvn -B -o -q install -DskipTests
 * mvn -B -o -q -pl infrastructure/local test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.haiphong.gddt.local.DashboardBench [-Dexec.args=500]
 * </pre>
 */
public final class DashboardBench {
    private static final Instant NOW = OffsetDateTime.parse("2026-12-20T09:00:00+07:00").toInstant();
    private static final int RUNS = 7;

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int unitCount = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path work = Files.createTempDirectory("dashboard-bench");
        Path csv = work.resolve("units.csv");
        Files.writeString(csv, StatusBench.unitsCsv(unitCount), StandardCharsets.UTF_8);
        Path template = Files.exists(Path.of("template.yaml")) ? Path.of("template.yaml") : Path.of("../../template.yaml");
        try (Emulators emulators = Emulators.start(EmulatorOptions.inMemory());
             LocalSystem system = LocalSystem.startOn(emulators, new LocalSystem.Options(template, 0, null, NOW, csv))) {
            int submissions = load(system, emulators);
            System.out.printf("loaded %,d units × 4 obligations of 2026, %,d submissions; business time %s%n",
                    system.units().size(), submissions, NOW);
            measure(system);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(work);
        }
    }

    /** 0 to 2 files per unit and obligation, received within ten days of the deadline: every state but NOT_OPEN. */
    private static int load(LocalSystem system, Emulators emulators) throws Exception {
        String table = system.physicalName("ReportsTable");
        try (DynamoDbClient dynamo = new AwsClients(new Env(LocalSystem.awsEnvironment(emulators))).dynamoDb()) {
            DynamoDbSubmissionLedger ledger = new DynamoDbSubmissionLedger(dynamo, table);
            List<Unit> units = new DynamoDbUnitDirectory(dynamo, table).all();
            List<Obligation> obligations = CatalogFile.bundled(CatalogSettings.defaults()).obligationsOf(2026);
            Random random = new Random(7);
            List<Submission> all = new ArrayList<>();
            for (Obligation o : obligations) {
                for (Unit u : units) {
                    int n = random.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        Instant at = o.due().plus(Duration.ofHours(random.nextInt(24 * 20) - 24 * 10));
                        if (at.isAfter(NOW)) {
                            continue;
                        }
                        String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
                        all.add(new Submission(id, u.id(), o.id(), "submissions/2026/" + o.report().id() + "/"
                                + o.period().id() + "/" + u.id() + "/" + id + "/bao-cao.pdf", "etag" + k, null,
                                100_000 + random.nextInt(900_000), "0Y7Jv6Lh5Ty9v0b3+nq1E5Yb0Zk2bX1oRkM3t0f0Zc8=",
                                "application/pdf", "Báo cáo " + o.report().id() + " " + u.id() + ".pdf", at,
                                at.isBefore(o.due()), Optional.empty()));
                    }
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writes = new ArrayList<>();
            for (Submission s : all) {
                writes.add(pool.submit(() -> ledger.recordIfAbsent(s)));
            }
            for (Future<?> w : writes) {
                w.get();
            }
            pool.shutdown();
            return all.size();
        }
    }

    private static void measure(LocalSystem system) {
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver;
            JavascriptExecutor js = driver;
            var wait = browser.waiting(Duration.ofSeconds(60));
            driver.get(system.baseUrl() + "/office");
            wait.until(d -> d.findElement(By.id("token")).isDisplayed());
            driver.findElement(By.id("token")).sendKeys(system.officeToken());
            driver.findElement(By.cssSelector("#login-form button[type='submit']")).click();
            wait.until(d -> js.executeScript("return window.officeDashboard.loads") instanceof Long l && l >= 1);
            double first = ((Number) js.executeScript("return window.renderMs")).doubleValue();
            long cells = (Long) js.executeScript("return document.querySelectorAll('#matrix button.cell').length");
            long rows = (Long) js.executeScript("return document.querySelectorAll('#matrix tr[data-unit]').length");
            Number bytes = (Number) js.executeScript("var e = performance.getEntriesByType('resource')"
                    + ".filter(r => r.name.indexOf('/v1/status') >= 0); return e.length ? e[e.length - 1].decodedBodySize : 0;");

            double[] again = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long before = (Long) js.executeScript("return window.officeDashboard.loads");
                driver.findElement(By.id("reload")).click();
                wait.until(d -> (Long) js.executeScript("return window.officeDashboard.loads") > before);
                again[i] = ((Number) js.executeScript("return window.renderMs")).doubleValue();
            }
            double[] sorted = again.clone();
            Arrays.sort(sorted);

            // The row filters run synchronously in the change and input handlers.
            double stateFilter = ((Number) js.executeScript("var s = document.getElementById('f-state'), t = performance.now();"
                    + "s.value = 'MISSING'; s.dispatchEvent(new Event('change')); var ms = performance.now() - t;"
                    + "s.value = ''; s.dispatchEvent(new Event('change')); return ms;")).doubleValue();
            double columnFilter = ((Number) js.executeScript("var s = document.getElementById('f-report'), t = performance.now();"
                    + "s.value = 'QCDC'; s.dispatchEvent(new Event('change')); var ms = performance.now() - t;"
                    + "s.value = ''; s.dispatchEvent(new Event('change')); return ms;")).doubleValue();

            System.out.printf("status document: %,d bytes; matrix: %,d unit rows, %,d cells%n", bytes.longValue(), rows, cells);
            System.out.printf("status response -> dashboard rendered (window.renderMs): first load %.0f ms; "
                    + "reloads median %.0f ms, max %.0f ms over %d (target < 1000 ms)%n", first, sorted[RUNS / 2], sorted[RUNS - 1], RUNS);
            System.out.printf("state filter (rows shown/hidden) %.0f ms; report filter (columns redrawn) %.0f ms%n",
                    stateFilter, columnFilter);
            System.out.println("reload timings (ms): " + Arrays.toString(Arrays.stream(again).map(Math::rint).toArray()));
        }
    }
}
