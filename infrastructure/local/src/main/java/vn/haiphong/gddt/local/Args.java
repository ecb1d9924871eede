package vn.haiphong.gddt.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and named flags; anything unknown or incomplete is refused, not ignored. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Boolean> used = new HashMap<>();
    private final List<String> positional = new java.util.ArrayList<>();

    Args(List<String> args) {
        this(args, Set.of());
    }

    /** @param flags the options that take no value, e.g. {@code --apply} */
    Args(List<String> args, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (flags.contains(arg)) {
                values.put(arg, "");
                used.put(arg, false);
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                values.put(arg, args.get(++i));
                used.put(arg, false);
            } else {
                positional.add(arg);
            }
        }
    }

    boolean flag(String name) {
        used.put(name, true);
        return values.containsKey(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name, String defaultValue) {
        used.put(name, true);
        return values.getOrDefault(name, defaultValue);
    }

    Path path(String name, Path defaultValue) {
        return has(name) ? Path.of(value(name, null)) : defaultValue;
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    void rejectUnknown() {
        used.forEach((name, wasUsed) -> {
            if (!wasUsed) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        });
    }
}
