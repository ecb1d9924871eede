package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda context a local invocation gets: a fresh request id, the function's name, and the time
 * left under the function's Timeout in template.yaml. It needs only the Lambda core library, so
 * bench-cold's child JVMs use it too, next to the Lambda jar.
 */
public record LocalContext(String awsRequestId, String functionName, long deadlineNanos) implements Context, LambdaLogger {
    private static final java.util.Map<String, Integer> TIMEOUTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Set once per function as the runner reads the template. */
    public static void timeout(String functionName, int seconds) {
        TIMEOUTS.put(functionName, seconds);
    }

    public static LocalContext of(String functionName) {
        return of(functionName, UUID.randomUUID().toString());
    }

    /** An attempt of an asynchronous invocation: Lambda gives every retry of one event the same request id. */
    public static LocalContext of(String functionName, String requestId) {
        long timeout = TIMEOUTS.getOrDefault(functionName, 20) * 1_000_000_000L;
        return new LocalContext(requestId, functionName, System.nanoTime() + timeout);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/local/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public void log(String message) {
        System.out.println(message);
    }

    @Override
    public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
    }
}
