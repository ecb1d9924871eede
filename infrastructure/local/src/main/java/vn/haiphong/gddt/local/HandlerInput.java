package vn.haiphong.gddt.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The event type a handler declares ({@code RequestHandler<I, O>}'s I, raw), which the Lambda runtime
 * deserialises the event into. Matched by name, so that a handler loaded from another build's jar, in a
 * class loader of its own, is read the same way.
 */
final class HandlerInput {
    private HandlerInput() {
    }

    static Optional<Class<?>> of(Class<?> handler) {
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                        && raw.getName().equals(RequestHandler.class.getName())) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> rawInput) {
                        return Optional.of(rawInput);
                    }
                    return input instanceof Class<?> plain ? Optional.of(plain) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
