package vn.haiphong.gddt.local.cold;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import vn.haiphong.gddt.local.LocalContext;

/**
 * The main class of one bench-cold sample, run in a fresh JVM whose class path is the Lambda jar and
 * this package only. Does what the Lambda runtime does with a handler: constructs it by its public
 * no-argument constructor (reading {@code System.getenv()}), then invokes it; prints one JSON line
 * (starting {@code {"bench":"cold"}) with the times, counted from the instant the parent launched this
 * process, so that fork, exec and the JVM's own start are counted as Lambda's init counts them.
 *
 * <p>Arguments: handler class, launch instant (epoch microseconds), event file (see {@link ColdEvents}),
 * warm invocations, function name, timeout seconds.
 */
public final class ColdDriver {
    private ColdDriver() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long main = nowMicros();
        long launched = Long.parseLong(args[1]);
        int warm = Integer.parseInt(args[3]);
        String function = args[4];
        LocalContext.timeout(function, Integer.parseInt(args[5]));

        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(args[0])
                .getConstructor().newInstance();
        long constructed = nowMicros();

        Properties spec = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            spec.load(in);
        }
        // Baselines take no event: building one would load the events library they are meant to leave out.
        boolean hasEvent = !spec.getProperty("kind").equals("none");
        // The runtime hands the request id in; making one here (SecureRandom's seeding) is not the handler's time.
        LocalContext firstContext = LocalContext.of(function);
        long firstStart = nowMicros();
        Object result = handler.handleRequest(hasEvent ? ColdEvents.build(spec) : null, firstContext);
        long firstEnd = nowMicros();
        String status = hasEvent ? ColdEvents.status(result) : "ok";
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        // CPU time of the whole process (JIT and GC threads too) up to here, less moved by other load than wall
        // time; 10 ms resolution, and it includes loading the management beans (the no-op baseline shows that).
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();

        long[] warmNanos = new long[warm];
        for (int i = 0; i < warm; i++) {
            LocalContext context = LocalContext.of(function);
            long start = System.nanoTime();
            handler.handleRequest(hasEvent ? ColdEvents.build(spec) : null, context);
            warmNanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(warmNanos);

        System.out.println(String.format(Locale.ROOT,
                "{\"bench\":\"cold\",\"startToMainMs\":%.3f,\"initMs\":%.3f,\"firstInvokeMs\":%.3f,\"coldMs\":%.3f,"
                        + "\"firstStatus\":\"%s\",\"classes\":%d,\"cpuMs\":%.3f,\"warm\":%d,\"warmP50Ms\":%.3f,\"warmP99Ms\":%.3f}",
                (main - launched) / 1e3, (constructed - launched) / 1e3, (firstEnd - firstStart) / 1e3,
                (firstEnd - launched) / 1e3, status, classes, cpuNanos / 1e6, warm, percentile(warmNanos, 0.50) / 1e6,
                percentile(warmNanos, 0.99) / 1e6));
    }

    /** The wall clock, which the parent's launch instant is on too (System.nanoTime is per process). */
    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(p * sorted.length) - 1];
    }
}
