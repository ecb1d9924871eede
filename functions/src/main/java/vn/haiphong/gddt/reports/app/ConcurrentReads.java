package vn.haiphong.gddt.reports.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads that do not depend on each other, started together, so that a person waits for the slowest
 * rather than for their sum: a status reads the unit list, each obligation's records and the bounced
 * addresses, which went to DynamoDB one after another (about 45 of GetStatus's 80 ms warm, 50 ms of its
 * cold start, on the emulators). A read that fails is thrown as it was thrown, from where its value is
 * asked for, so the handlers answer it as before (DynamoDB down: 503; a unit not found: 404).
 */
public final class ConcurrentReads {
    private final Executor executor;

    private ConcurrentReads(Executor executor) {
        this.executor = executor;
    }

    /**
     * Up to {@code threads} reads at once, on daemon threads made when first needed: a function that
     * never reads concurrently starts none, and none keeps the JVM from ending. Reads beyond that wait their
     * turn.
     *
     * @param function names the threads ({@code <function>-read-1}, …): in a thread dump, and to the local
     *                 tests that check each function's DynamoDB calls against its policy
     */
    public static ConcurrentReads pooled(int threads, String function) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                read -> {
                    Thread thread = new Thread(read, function + "-read-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle a minute, a thread ends: a Wiring no longer used (a test's) leaves none behind.
        pool.allowCoreThreadTimeOut(true);
        return new ConcurrentReads(pool);
    }

    /** Starts the read; the supplier returned waits for its value (or throws what it threw). */
    public <T> Supplier<T> start(Supplier<T> read) {
        CompletableFuture<T> running = CompletableFuture.supplyAsync(read, executor);
        return () -> {
            try {
                return running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                if (e.getCause() instanceof Error thrown) {
                    throw thrown;
                }
                throw e;
            }
        };
    }
}
