package vn.haiphong.gddt.emulators;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Node emulator run as a child process that cannot outlive the JVM (see emulator-preload.cjs). */
final class NodeProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 20;

    private final String name;
    private final Process process;
    private final Path logFile;

    /** Set before this JVM stops the process, so that only an exit nobody asked for is reported. */
    private volatile boolean closing;

    private NodeProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        // Its log is deleted with the emulators: what it said before dying is kept here, where the tests' output goes.
        process.onExit().thenAccept(exited -> {
            if (!closing) {
                log.error("{} (pid {}) exited unexpectedly with code {}; every later call to it fails. Last lines of its log:\n{}",
                        name, exited.pid(), exited.exitValue(), logTail());
            }
        });
    }

    static NodeProcess start(String name, Path script, Path preload, List<String> args, Path logFile) {
        List<String> command = new ArrayList<>(List.of("node", "-r", preload.toString(), script.toString()));
        command.addAll(args);
        // stdin stays a pipe held by this JVM: its end-of-file is what tells node the JVM is gone.
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(logFile.toFile()));
        try {
            Process process = builder.start();
            log.debug("Started {} (pid {}), log {}", name, process.pid(), logFile);
            return new NodeProcess(name, process, logFile);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run `node` to start " + name + ": is Node.js on the PATH?", e);
        }
    }

    void awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.accepts(port)) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before listening on port " + port);
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure(name + " did not listen on port " + port + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + ". Last lines of " + logFile + ":\n" + logTail());
    }

    private String logTail() {
        try {
            String[] lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R");
            return Arrays.stream(lines, Math.max(0, lines.length - LOG_TAIL_LINES), lines.length)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        closing = true;
        // Collect the descendants first: once the parent is gone they are re-parented and out of reach.
        List<ProcessHandle> family = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        family.forEach(ProcessHandle::destroy);
        family.forEach(NodeProcess::awaitExit);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            log.debug("Closing the stdin pipe of {} failed", name, e);
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        if (!exited(handle)) {
            log.warn("Process {} ignored SIGTERM for {} s; killing it", handle.pid(), STOP_TIMEOUT.toSeconds());
            handle.destroyForcibly();
            if (!exited(handle)) {
                log.error("Process {} is still alive after SIGKILL", handle.pid());
            }
        }
    }

    private static boolean exited(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for process " + handle.pid() + " failed", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
