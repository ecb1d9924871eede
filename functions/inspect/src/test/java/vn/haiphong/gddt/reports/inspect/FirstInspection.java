package vn.haiphong.gddt.reports.inspect;

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
 * the parent ({@link #in}) starts it with the flags the Lambda runtime uses (bench-cold's).
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
     * @param classes    where the inspection's classes come from (this JVM's class path, or another build's
     *                   followed by it, to compare two builds)
     * @param extraFlags more JVM flags (a class-load log)
     * @param onOneCore  run the child under {@code taskset -c 0}, as a timed run wants (a Lambda function
     *                   has its one vCPU); a check of what loads does not need it
     */
    static Result in(String classes, Path pdf, Path rootsPem, Instant now, List<String> extraFlags, boolean onOneCore)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (onOneCore) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classes, FirstInspection.class.getName(), pdf.toString(), rootsPem.toString(),
                now.toString()));
        Path output = Files.createTempFile("first-inspection", ".out");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(2, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new IllegalStateException("the inspection's JVM did not end in 2 minutes");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            String line = printed.lines().filter(l -> l.startsWith("inspected ")).findFirst()
                    .filter(l -> child.exitValue() == 0)
                    .orElseThrow(() -> new IllegalStateException("the inspection's JVM failed:\n" + printed));
            String[] parts = line.split(" ", 4);
            return new Result(Long.parseLong(parts[1]), parts[3]);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
