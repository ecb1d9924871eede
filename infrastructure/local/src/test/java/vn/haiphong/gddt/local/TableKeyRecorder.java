package vn.haiphong.gddt.local;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records, for every DynamoDB call a Lambda handler makes in this test JVM, which handler made it, the
 * operation and the partition key it touched: what IAM's {@code dynamodb:LeadingKeys} would see. The SDK
 * loads it for every client (test resource {@code software/amazon/awssdk/global/handlers/execution.interceptors});
 * the emulators enforce no IAM, so this is how the template's grants are checked against real calls.
 */
public final class TableKeyRecorder implements ExecutionInterceptor {
    /**
     * One call: the handler class on the calling thread's stack (or, for a function's concurrent reads, the
     * function's name, which its read threads carry), the operation, the partition key value.
     */
    public record Call(String handler, String operation, String partition) {
    }

    private static final Set<Call> CALLS = ConcurrentHashMap.newKeySet();
    private static final Pattern PK_PLACEHOLDER = Pattern.compile("\\bPK\\s*=\\s*(:\\w+)");
    private static final String HANDLERS = "vn.haiphong.gddt.reports.handlers.";
    private static final StackWalker STACK = StackWalker.getInstance();
    /** {@code ConcurrentReads}' threads: {@code <function>-read-<n>}. */
    private static final Pattern READ_THREAD = Pattern.compile("(\\w+)-read-\\d+");

    static Set<Call> calls() {
        return Set.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        partitionOf(context.request()).ifPresent(pk -> handler().ifPresent(h -> CALLS.add(
                new Call(h, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), pk))));
    }

    private static Optional<String> partitionOf(SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            return s(r.key());
        }
        if (request instanceof PutItemRequest r) {
            return s(r.item());
        }
        if (request instanceof UpdateItemRequest r) {
            return s(r.key());
        }
        if (request instanceof QueryRequest r && r.indexName() == null) {
            Matcher m = PK_PLACEHOLDER.matcher(r.keyConditionExpression());
            return m.find() ? Optional.ofNullable(r.expressionAttributeValues().get(m.group(1))).map(AttributeValue::s)
                    : Optional.empty();
        }
        // Anything else (an index Query, a table's creation): not what LeadingKeys governs, or not a function's.
        return Optional.empty();
    }

    private static Optional<String> s(Map<String, AttributeValue> key) {
        return Optional.ofNullable(key.get("PK")).map(AttributeValue::s);
    }

    /**
     * The handler on this thread's stack, or the function a read thread is named after; empty for the runner's
     * own and the tests' calls. Walked lazily up to the first handler frame, not copied whole: every DynamoDB
     * call of every test class in this JVM passes here.
     */
    private static Optional<String> handler() {
        Optional<String> onStack = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.startsWith(HANDLERS) && name.endsWith("Handler")).findFirst());
        if (onStack.isPresent()) {
            return onStack;
        }
        Matcher read = READ_THREAD.matcher(Thread.currentThread().getName());
        return read.matches() ? Optional.of(read.group(1)) : Optional.empty();
    }
}
