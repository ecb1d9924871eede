package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's asynchronous invocation on a laptop: every S3 event, SNS delivery and scheduled run of the
 * runner goes through here, each on a thread of its own, as its JSON as AWS sends it ({@link AwsEventJson}):
 * every handler invoked this way takes its event as a map, as the runtime gives it.
 *
 * <p>An attempt that throws is tried again after a delay, up to the function's MaximumRetryAttempts
 * (its EventInvokeConfig in template.yaml; Lambda's default is 2). Lambda waits about a minute before
 * the first retry and two before the second; here the delays are compressed ({@code --async-retry-delays},
 * 1 s and 2 s by default) and each failure is printed with both. Every attempt of one event has the same
 * request id, as in Lambda. When the last attempt fails too, the event goes to the function's OnFailure
 * queue as Lambda's invocation record; a function without one loses it, as in Lambda.
 */
final class AsyncInvocations implements AutoCloseable {
    static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** What Lambda waits before its first and its second retry. */
    private static final List<String> LAMBDA_RETRY_DELAYS = List.of("1 min", "2 min");
    private static final Pattern DELAY = Pattern.compile("(\\d+)(ms|s)");
    /** A URL's query may be a presigned signature; an error message may quote one. */
    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?\"']+)\\?[^\\s\"']*");
    private static final int MESSAGE_LIMIT = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A function as it is invoked asynchronously. */
    /**
     * @param reservedConcurrency at most this many invocations run at once, as the function's
     *                            {@code ReservedConcurrentExecutions} makes Lambda do (the others wait, as
     *                            Lambda retries a throttled asynchronous event); 0: no limit
     */
    record Target(String functionName, RequestHandler<Object, Object> handler, SamTemplate.EventInvokeConfig config,
                  int reservedConcurrency) {
        Target(String functionName, RequestHandler<Object, Object> handler, SamTemplate.EventInvokeConfig config) {
            this(functionName, handler, config, 0);
        }

        int attempts() {
            return 1 + config.maximumRetryAttempts();
        }
    }

    /**
     * How an invocation ended.
     *
     * @param result what the successful attempt returned
     * @param error  what the last attempt threw; null when one succeeded
     * @param sentTo the queue (logical id) that got the event after every attempt failed; null when none did
     */
    record Outcome(String functionName, int attempts, Object result, Throwable error, String sentTo) {
        boolean succeeded() {
            return error == null;
        }
    }

    private final SqsClient sqs;
    private final Map<String, String> queueUrls;
    private final List<Duration> retryDelays;
    private final Clock clock;
    private final PrintStream console;
    private final ExecutorService threads;
    private final ScheduledExecutorService timer;

    /**
     * @param queueUrls   each queue of the template (logical id) and its URL in the SQS emulator
     * @param retryDelays the wait before each retry; the last one serves any further retry
     * @param clock       business time, for the invocation record's timestamp
     */
    AsyncInvocations(SqsClient sqs, Map<String, String> queueUrls, List<Duration> retryDelays, Clock clock,
                     PrintStream console) {
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("no retry delays");
        }
        this.sqs = sqs;
        this.queueUrls = Map.copyOf(queueUrls);
        this.retryDelays = List.copyOf(retryDelays);
        this.clock = clock;
        this.console = console;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> daemon(r, "async-invocation-" + count.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "async-retry-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A reserved concurrency's slots, per function that declares one. */
    private final Map<String, Semaphore> reserved = new ConcurrentHashMap<>();

    private Object runWithin(Target target, Supplier<Object> invocation) {
        if (target.reservedConcurrency() <= 0) {
            return invocation.get();
        }
        Semaphore slots = reserved.computeIfAbsent(target.functionName(), f -> new Semaphore(target.reservedConcurrency()));
        slots.acquireUninterruptibly();
        try {
            return invocation.get();
        } finally {
            slots.release();
        }
    }

    /** Invocations started and not ended yet, a retry waiting its turn included. */
    private final AtomicInteger unfinished = new AtomicInteger();

    /** Starts the first attempt on a thread of its own; the result completes once one attempt succeeds or all failed. */
    CompletableFuture<Outcome> invoke(Target target, Map<String, Object> event) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        unfinished.incrementAndGet();
        outcome.whenComplete((ended, cancelled) -> unfinished.decrementAndGet());
        String requestId = UUID.randomUUID().toString();
        threads.execute(() -> attempt(target, event, requestId, 1, outcome));
        return outcome;
    }

    private void attempt(Target target, Map<String, Object> event, String requestId, int attempt, CompletableFuture<Outcome> outcome) {
        LocalContext context = LocalContext.of(target.functionName(), requestId);
        try {
            Object result = runWithin(target, () -> target.handler().handleRequest(event, context));
            outcome.complete(new Outcome(target.functionName(), attempt, result, null, null));
        } catch (RuntimeException | Error e) {
            String failed = target.functionName() + " failed (attempt " + attempt + " of " + target.attempts() + "): "
                    + describe(e);
            if (attempt < target.attempts()) {
                Duration delay = retryDelays.get(Math.min(attempt - 1, retryDelays.size() - 1));
                console.println(failed + "; retrying in " + words(delay) + " (about "
                        + LAMBDA_RETRY_DELAYS.get(Math.min(attempt - 1, LAMBDA_RETRY_DELAYS.size() - 1)) + " in AWS)");
                retryLater(delay, () -> attempt(target, event, requestId, attempt + 1, outcome), outcome);
            } else {
                String sentTo = sendToOnFailure(target, event, context, attempt, e);
                console.println(failed + (sentTo != null ? "; the event went to " + sentTo
                        : "; no OnFailure destination took the event: it is lost, as in Lambda"));
                outcome.complete(new Outcome(target.functionName(), attempt, null, e, sentTo));
            }
        }
    }

    private void retryLater(Duration delay, Runnable retry, CompletableFuture<Outcome> outcome) {
        try {
            timer.schedule(() -> {
                try {
                    threads.execute(retry);
                } catch (RejectedExecutionException closing) {
                    outcome.cancel(false);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            outcome.cancel(false);
        }
    }

    /** Lambda's invocation record for an event whose every attempt failed; the queue's logical id, or null. */
    private String sendToOnFailure(Target target, Map<String, Object> event, LocalContext lastAttempt, int attempts, Throwable error) {
        String queue = target.config().onFailureQueue();
        if (queue == null) {
            return null;
        }
        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("requestId", lastAttempt.getAwsRequestId());
        requestContext.put("functionArn", lastAttempt.getInvokedFunctionArn() + ":" + lastAttempt.getFunctionVersion());
        requestContext.put("condition", "RetriesExhausted");
        requestContext.put("approximateInvokeCount", attempts);
        Map<String, Object> responseContext = new LinkedHashMap<>();
        responseContext.put("statusCode", 200);
        responseContext.put("executedVersion", lastAttempt.getFunctionVersion());
        responseContext.put("functionError", "Unhandled");
        // What the Java runtime reports for an exception a handler throws.
        Map<String, Object> responsePayload = new LinkedHashMap<>();
        responsePayload.put("errorMessage", error.getMessage());
        responsePayload.put("errorType", error.getClass().getName());
        responsePayload.put("stackTrace", Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("version", "1.0");
        record.put("timestamp", clock.instant().toString());
        record.put("requestContext", requestContext);
        record.put("requestPayload", event);
        record.put("responseContext", responseContext);
        record.put("responsePayload", responsePayload);
        try {
            String body = JSON.writeValueAsString(record);
            sqs.sendMessage(r -> r.queueUrl(queueUrls.get(queue)).messageBody(body));
            return queue;
        } catch (JsonProcessingException | RuntimeException e) {
            console.println(target.functionName() + ": the invocation record could not be sent to " + queue + ": " + describe(e));
            return null;
        }
    }

    /** The error's type and message on one line, without any URL's query. */
    static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        Matcher url = URL_QUERY.matcher(message);
        message = url.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "?…"));
        if (message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
        return e.getClass().getSimpleName() + ": " + message;
    }

    private static String words(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** {@code --async-retry-delays}: {@code 1s,2s}, {@code 100ms,200ms}; the last one serves any further retry. */
    static List<Duration> parseDelays(String text) {
        List<Duration> delays = Arrays.stream(text.split(",", -1)).map(String::strip).map(one -> {
            Matcher m = DELAY.matcher(one);
            if (!m.matches()) {
                throw new IllegalArgumentException("--async-retry-delays: \"" + one
                        + "\" is not a delay such as 500ms or 2s (e.g. --async-retry-delays 1s,2s)");
            }
            long amount = Long.parseLong(m.group(1));
            return m.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        }).toList();
        return delays;
    }

    /** True while an invocation has not ended: an attempt runs, or a retry waits for its delay. */
    boolean running() {
        return unfinished.get() > 0;
    }

    /** Stops at once: retries not yet started never run. */
    @Override
    public void close() {
        timer.shutdownNow();
        threads.shutdownNow();
    }
}
