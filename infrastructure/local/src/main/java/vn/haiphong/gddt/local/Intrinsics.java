package vn.haiphong.gddt.local;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the few intrinsic functions the template uses in values (Ref, Sub) the way
 * CloudFormation would, with parameter defaults, local pseudo parameters and local resource names.
 */
final class Intrinsics {
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([A-Za-z0-9:_.]+)}");

    private final SamTemplate template;
    private final Map<String, String> pseudo;
    private final Map<String, String> overrides;
    private final Function<String, String> physicalName;

    Intrinsics(SamTemplate template, Map<String, String> pseudo, Map<String, String> overrides,
               Function<String, String> physicalName) {
        this.template = template;
        this.pseudo = pseudo;
        this.overrides = overrides;
        this.physicalName = physicalName;
    }

    String resolve(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> fn = m.entrySet().iterator().next();
            switch (String.valueOf(fn.getKey())) {
                case "Ref" -> {
                    return ref(String.valueOf(fn.getValue()));
                }
                case "Fn::Sub" -> {
                    if (fn.getValue() instanceof String s) {
                        return sub(s);
                    }
                }
                default -> {
                    // not one the runner can evaluate locally: reported below
                }
            }
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalStateException("The local runner cannot evaluate " + value + " from template.yaml");
    }

    private String ref(String name) {
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        Object parameter = template.parameters().get(name);
        if (parameter != null && overrides.containsKey(name)) {
            return overrides.get(name);
        }
        if (parameter != null) {
            Object def = SamTemplate.map(parameter).get("Default");
            if (def == null) {
                throw new IllegalStateException("Parameter " + name + " has no Default to run locally with");
            }
            return String.valueOf(def);
        }
        if (template.resources().containsKey(name)) {
            return physicalName.apply(name);
        }
        throw new IllegalStateException("!Ref " + name + " names nothing in template.yaml");
    }

    private String sub(String text) {
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ref(m.group(1))));
        }
        return m.appendTail(out).toString();
    }
}
