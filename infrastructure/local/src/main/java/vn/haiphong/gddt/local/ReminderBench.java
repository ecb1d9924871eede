package vn.haiphong.gddt.local;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.emulators.EmulatorOptions;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.FaultyProxy;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Reminders;

/**
 * {@code java -Xmx256m -jar infrastructure/local/target/local-runner.jar bench-reminders [--units 1000,5000] [--rate 50]}
 *
 * <p>N units all owing one report on one of its reminder days (27/11/2026, "7 days before" QCDC:2026-Y,
 * moved from a Saturday); the sweep of SendRemindersFunction, built as the template builds it, with
 * the SES send rate limited. Prints the sweep time, the achieved rate against the limit (the baseline:
 * N / rate seconds is the least a sweep can take), DynamoDB requests per e-mail (counted by a proxy
 * in front of dynalite), and heap, for each N: heap should not grow with N beyond the unit list.
 */
final class ReminderBench {
    private static final Instant DAY = OffsetDateTime.parse("2026-11-27T08:00:00+07:00").toInstant();

    private ReminderBench() {
    }

    static int main(List<String> argv) throws Exception {
        Args args = new Args(argv);
        String sizes = args.value("--units", "1000,5000");
        int rate = Integer.parseInt(args.value("--rate", "50"));
        args.rejectUnknown();
        Path work = Files.createTempDirectory("reminder-bench");
        try (Emulators emulators = Emulators.start(EmulatorOptions.inMemory());
             FaultyProxy dynamoCounter = FaultyProxy.start(emulators.dynamoDbEndpoint())) {
            for (String size : sizes.split(",")) {
                run(Integer.parseInt(size.strip()), rate, emulators, dynamoCounter, work);
            }
        }
        return 0;
    }

    private static void run(int units, int rate, Emulators emulators, FaultyProxy dynamoCounter, Path work)
            throws Exception {
        Path csv = work.resolve("units-" + units + ".csv");
        Files.writeString(csv, StatusBench.unitsCsv(units), StandardCharsets.UTF_8);
        LocalSystem.Options options = new LocalSystem.Options(Path.of("template.yaml"), 0, null, DAY, csv)
                .withStack("bench-" + units, Map.of("ReminderSendRate", Integer.toString(rate)));
        try (LocalSystem system = LocalSystem.startOn(emulators, options)) {
            Map<String, String> env = new HashMap<>(system.environmentOf("SendRemindersFunction"));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoCounter.endpoint().toString());
            Reminders reminders = new Wiring(new Env(env), system.clock()).reminders();
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            int requestsBefore = dynamoCounter.requests();
            long start = System.nanoTime();
            Reminders.Outcome outcome = reminders.sweep(false, () -> true);
            double seconds = (System.nanoTime() - start) / 1e9;
            int requests = dynamoCounter.requests() - requestsBefore;
            long peakHeap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakHeap += pool.getPeakUsage().getUsed();
                }
            }
            double achieved = outcome.sent() / seconds;
            System.out.printf("%n%,d units missing QCDC:2026-Y on %s, SES limit %d/s%n", units, outcome.day(), rate);
            System.out.printf("  sent %,d (deferred %d, failed %d, problems %d) in %.1f s; least possible %.1f s%n",
                    outcome.sent(), outcome.deferred(), outcome.failed(), outcome.problems().size(), seconds,
                    outcome.sent() / (double) rate);
            System.out.printf("  achieved %.1f e-mails/s = %.1f %% of the limit (target ≥ 95 %%)%n", achieved,
                    100 * achieved / rate);
            System.out.printf("  DynamoDB requests: %,d = %.2f per e-mail%n", requests, requests / (double) outcome.sent());
            System.out.printf("  heap during the sweep: peak ≤ %,d MB (sum of the pools' peaks), max %,d MB%n",
                    peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
