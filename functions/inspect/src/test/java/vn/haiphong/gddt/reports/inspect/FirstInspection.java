package vn.haiphong.gddt.reports.inspect;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.haiphong.gddt.reports.domain.Inspection;

/**
 * One PDF inspected in a JVM of its own, as a cold InspectSubmission meets its first file: nothing of
 * PDFBox or Bouncy Castle loaded before. The child prints {@code inspected <ms> [<integrity>/<trust>, …]};
 * the parent ({@link #in}) starts it with the flags the Lambda runtime uses, on one core when
 * {@code taskset} exists.
 */
final class FirstInspection {
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    /** What one child printed: the first inspection's time and each signature's verdicts. */
    record Result(long millis, String verdicts) {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Inspection inspection = new FileInspector().inspect(Path.of(args[0]), Format.PDF,
                TrustedRoots.fromPem(Files.readString(Path.of(args[1]))), Instant.parse(args[2]));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("inspected " + millis + " ms "
                + inspection.signatures().stream().map(s -> s.integrity() + "/" + s.trust()).toList());
    }

    /**
     * @param classes where the inspection's classes come from (this JVM's class path, or another build's
     *                followed by it, to compare two builds)
     * @param extraFlags more JVM flags (a class-load log)
     */
    static Result in(String classes, Path pdf, Path rootsPem, Instant now, List<String> extraFlags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/taskset").canExecute()) {
            command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classes, FirstInspection.class.getName(), pdf.toString(), rootsPem.toString(),
                now.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(2, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("the inspection's JVM failed:\n" + output);
        }
        String line = output.lines().filter(l -> l.startsWith("inspected ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the inspection's JVM printed no result:\n" + output));
        String[] parts = line.split(" ", 4);
        return new Result(Long.parseLong(parts[1]), parts[3]);
    }
}
