package vn.haiphong.gddt.reports;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables template.yaml declares, read once at init. A missing or malformed one
 * stops the function at init with a message naming it, never later in a request.
 */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + name + " is not set; template.yaml declares it for every function that needs it."));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(vars.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public long number(String name, long defaultValue, long min, long max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalStateException("Environment variable " + name + " must be a whole number from " + min
                + " to " + max + ", not '" + raw.get() + "'.");
    }
}
