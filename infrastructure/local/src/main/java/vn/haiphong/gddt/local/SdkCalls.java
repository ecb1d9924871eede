package vn.haiphong.gddt.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Counts the SDK calls of the clients it is added to, by operation name ({@code Query},
 * {@code ListObjectsV2}, …), the items or keys their answers carry, and the time spent in them. One paginated call is one
 * execution per page, so the count of {@code Query} or {@code ListObjectsV2} is the number of pages.
 * The benches use it to show what a use case reads (and that it never scans), on the clients it uses.
 */
final class SdkCalls implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("SdkCalls.started");
    /** Calls by service ({@code DynamoDb}, {@code S3}, {@code SesV2}: the SDK's names), then operation. */
    private final Map<String, Map<String, AtomicLong>> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> items = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        nanos.computeIfAbsent(operation, k -> new AtomicLong()).addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
        calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        long carried = itemsIn(context.response());
        if (carried > 0) {
            items.computeIfAbsent(operation, k -> new AtomicLong()).addAndGet(carried);
        }
    }

    private static long itemsIn(SdkResponse response) {
        if (response instanceof QueryResponse q) {
            return q.count();
        }
        if (response instanceof ScanResponse s) {
            return s.count();
        }
        if (response instanceof GetItemResponse g) {
            return g.hasItem() && !g.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof ListObjectsV2Response l) {
            return l.contents().size();
        }
        return 0;
    }

    /** Calls of this operation, whatever the service (no two of ours share an operation name). */
    long count(String operation) {
        return calls.values().stream().mapToLong(ops -> ops.getOrDefault(operation, new AtomicLong()).get()).sum();
    }

    /** Items (DynamoDB) or keys (S3 listings) that the answers to this operation carried. */
    long items(String operation) {
        return items.getOrDefault(operation, new AtomicLong()).get();
    }

    /** Wall time spent in this operation's calls (marshalling, the request, retries, unmarshalling), summed. */
    double millis(String operation) {
        return nanos.getOrDefault(operation, new AtomicLong()).get() / 1e6;
    }

    /** One service's operations called since the last reset, with their counts, in name order. */
    Map<String, Long> counts(String service) {
        Map<String, Long> copy = new TreeMap<>();
        calls.getOrDefault(service, Map.of()).forEach((operation, n) -> copy.put(operation, n.get()));
        return copy;
    }

    /** The services called since the last reset. */
    java.util.Set<String> services() {
        return new java.util.TreeSet<>(calls.keySet());
    }

    void reset() {
        calls.clear();
        items.clear();
        nanos.clear();
    }
}
