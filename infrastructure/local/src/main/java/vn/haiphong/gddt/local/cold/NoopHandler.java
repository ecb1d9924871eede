package vn.haiphong.gddt.local.cold;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** bench-cold's floor: a JVM started as Lambda starts it, from the same jar, doing nothing. */
public final class NoopHandler implements RequestHandler<Object, String> {
    @Override
    public String handleRequest(Object event, Context context) {
        return "ok";
    }
}
