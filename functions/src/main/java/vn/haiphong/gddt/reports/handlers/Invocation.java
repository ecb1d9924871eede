package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/** What a handler knows of its own invocation that the use cases need: how long it may still run. */
final class Invocation {
    /** Lambda's longest run: what a caller without a context (a test, a tool) is taken to have. */
    private static final Duration LONGEST = Duration.ofMinutes(15);

    private Invocation() {
    }

    static Duration timeLeft(Context context) {
        return context == null ? LONGEST : Duration.ofMillis(context.getRemainingTimeInMillis());
    }
}
