package vn.haiphong.gddt.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as data: the one list of functions, routes, events, tables and buckets. The local
 * runner reads everything from here and keeps no second list.
 */
public final class SamTemplate {
    public record HttpRoute(String method, String path) {
        /** An HttpApi event without Path and Method: API Gateway's {@code $default}, every request no other route takes. */
        public static final HttpRoute DEFAULT = new HttpRoute("ANY", "$default");

        public String routeKey() {
            return isDefault() ? "$default" : method + " " + path;
        }

        public boolean isDefault() {
            return equals(DEFAULT);
        }
    }

    public record S3Trigger(String bucketLogicalId, List<String> events, String prefix) {
    }

    /**
     * An EventBridge rule on S3's "Object Created" events, the one kind of rule the runner delivers.
     *
     * @param bucketName the pattern's {@code detail.bucket.name} as written (a name or an intrinsic such as {@code !Sub})
     * @param prefix     the pattern's {@code detail.object.key} prefix; empty for every key
     */
    public record ObjectCreatedRule(Object bucketName, String prefix) {
    }

    /**
     * How Lambda treats the function's asynchronous invocations (S3 and SNS events, schedules).
     *
     * @param maximumRetryAttempts retries after a failed attempt: 0 to 2, Lambda's default 2
     * @param onFailureQueue       the logical id of the template's queue that gets the event once every
     *                             attempt has failed, or null: Lambda then drops it
     */
    public record EventInvokeConfig(int maximumRetryAttempts, String onFailureQueue) {
        static final EventInvokeConfig LAMBDA_DEFAULT = new EventInvokeConfig(2, null);
    }

    /**
     * @param codeUri the folder its Lambda jar is built from ({@code functions}, {@code functions/inspect})
     * @param topics  the SNS topics (logical ids) the function is subscribed to
     * @param reservedConcurrency its {@code ReservedConcurrentExecutions}: at most this many invocations at
     *                            once (0: no limit of its own)
     */
    public record Function(String logicalId, String codeUri, String handlerClass, Map<String, Object> environment,
                           List<HttpRoute> routes, List<S3Trigger> s3Triggers, List<ObjectCreatedRule> objectCreatedRules,
                           boolean scheduled, List<String> topics, int timeoutSeconds, EventInvokeConfig eventInvokeConfig,
                           int reservedConcurrency) {
    }

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(new Yaml(new IntrinsicConstructor()).load(yaml));
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    public Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()));
    }

    public Map<String, Object> resource(String logicalId) {
        return map(resources().get(logicalId));
    }

    /** Every statement of a function's inline policy documents, as parsed (Action and LeadingKeys as written). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> policyStatements(String logicalId) {
        List<Map<String, Object>> statements = new java.util.ArrayList<>();
        if (properties(logicalId).get("Policies") instanceof List<?> documents) {
            for (Object document : documents) {
                if (document instanceof Map<?, ?> d && d.get("Statement") instanceof List<?> list) {
                    list.forEach(s -> statements.add((Map<String, Object>) s));
                }
            }
        }
        return statements;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    public List<String> resourcesOfType(String type) {
        return resources().entrySet().stream().filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).toList();
    }

    public List<Function> functions() {
        Map<String, Object> globals = functionGlobals();
        List<Function> functions = new ArrayList<>();
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> props = properties(id);
            Map<String, Object> env = new LinkedHashMap<>(variables(globals));
            env.putAll(variables(props));
            List<HttpRoute> routes = new ArrayList<>();
            List<S3Trigger> triggers = new ArrayList<>();
            List<ObjectCreatedRule> rules = new ArrayList<>();
            List<String> topics = new ArrayList<>();
            boolean scheduled = false;
            for (Object value : map(props.getOrDefault("Events", Map.of())).values()) {
                Map<String, Object> event = map(value);
                Map<String, Object> ep = map(event.getOrDefault("Properties", Map.of()));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> routes.add(!ep.containsKey("Path") && !ep.containsKey("Method") ? HttpRoute.DEFAULT
                            : new HttpRoute(String.valueOf(ep.get("Method")).toUpperCase(), String.valueOf(ep.get("Path"))));
                    case "S3" -> triggers.add(new S3Trigger(refName(ep.get("Bucket")), strings(ep.get("Events")),
                            prefix(ep)));
                    case "Schedule", "ScheduleV2" -> scheduled = true;
                    case "SNS" -> topics.add(refName(ep.get("Topic")));
                    case "EventBridgeRule" -> rules.add(objectCreatedRule(id, ep.get("Pattern")));
                    default -> throw cannotEmulate(event.get("Type"), id, "");
                }
            }
            String handler = String.valueOf(props.get("Handler"));
            int timeout = Integer.parseInt(String.valueOf(props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))));
            String codeUri = String.valueOf(props.getOrDefault("CodeUri", globals.get("CodeUri")));
            functions.add(new Function(id, codeUri, handler.split("::", 2)[0], env, routes, triggers, rules, scheduled,
                    topics, timeout,
                    eventInvokeConfig(id, props.getOrDefault("EventInvokeConfig", globals.get("EventInvokeConfig"))),
                    Integer.parseInt(String.valueOf(props.getOrDefault("ReservedConcurrentExecutions", 0)))));
        }
        return functions;
    }

    private static IllegalStateException cannotEmulate(Object type, String functionId, String why) {
        return new IllegalStateException("The local runner cannot emulate event type " + type + " of " + functionId + why);
    }

    /**
     * The one EventBridge pattern the runner can match: S3's "Object Created" in one bucket, optionally
     * under one key prefix. Any other pattern is refused rather than half matched, which would deliver
     * events AWS would not (or miss some it would).
     */
    private static ObjectCreatedRule objectCreatedRule(String functionId, Object value) {
        String only = " (only source [aws.s3], detail-type [Object Created], detail.bucket.name [one name]"
                + " and detail.object.key [{prefix: ...}]): " + value;
        if (!(value instanceof Map<?, ?> pattern) || !Set.of("source", "detail-type", "detail").equals(pattern.keySet())
                || !List.of("aws.s3").equals(pattern.get("source"))
                || !List.of("Object Created").equals(pattern.get("detail-type"))
                || !(pattern.get("detail") instanceof Map<?, ?> detail)
                || !Set.of("bucket", "object").containsAll(detail.keySet())
                || !(detail.get("bucket") instanceof Map<?, ?> bucket) || !Set.of("name").equals(bucket.keySet())
                || !(bucket.get("name") instanceof List<?> names) || names.size() != 1) {
            throw cannotEmulate("EventBridgeRule", functionId, only);
        }
        if (detail.get("object") == null) {
            return new ObjectCreatedRule(names.get(0), "");
        }
        if (detail.get("object") instanceof Map<?, ?> object && Set.of("key").equals(object.keySet())
                && object.get("key") instanceof List<?> keys && keys.size() == 1
                && keys.get(0) instanceof Map<?, ?> match && match.size() == 1
                && match.get("prefix") instanceof String prefix) {
            return new ObjectCreatedRule(names.get(0), prefix);
        }
        throw cannotEmulate("EventBridgeRule", functionId, only);
    }

    /** Whether the bucket sends its events to EventBridge ({@code NotificationConfiguration.EventBridgeConfiguration}). */
    public boolean sendsEventsToEventBridge(String bucketLogicalId) {
        Object config = map(properties(bucketLogicalId).getOrDefault("NotificationConfiguration", Map.of()))
                .get("EventBridgeConfiguration");
        return config != null && Boolean.parseBoolean(String.valueOf(map(config).get("EventBridgeEnabled")));
    }

    /**
     * MaximumRetryAttempts and an OnFailure queue of this template ({@code !GetAtt Queue.Arn}).
     * MaximumEventAgeInSeconds is not read: locally no event waits for hours.
     */
    private EventInvokeConfig eventInvokeConfig(String functionId, Object value) {
        if (value == null) {
            return EventInvokeConfig.LAMBDA_DEFAULT;
        }
        Map<String, Object> config = map(value);
        int retries = Integer.parseInt(String.valueOf(config.getOrDefault("MaximumRetryAttempts", 2)));
        if (retries < 0 || retries > 2) {
            throw new IllegalStateException(functionId + ": MaximumRetryAttempts is " + retries + "; Lambda allows 0 to 2");
        }
        Object onFailure = map(config.getOrDefault("DestinationConfig", Map.of())).get("OnFailure");
        if (onFailure == null) {
            return new EventInvokeConfig(retries, null);
        }
        Map<String, Object> destination = map(onFailure);
        Object arn = destination.get("Destination");
        String queue = arn instanceof Map<?, ?> getAtt && map(getAtt).get("Fn::GetAtt") instanceof List<?> parts
                && parts.size() == 2 && "Arn".equals(parts.get(1)) ? String.valueOf(parts.get(0)) : null;
        if (!"SQS".equals(destination.get("Type")) || queue == null
                || !"AWS::SQS::Queue".equals(map(resources().getOrDefault(queue, Map.of())).get("Type"))) {
            throw new IllegalStateException(functionId + ": the local runner sends OnFailure records only to a queue"
                    + " of this template (Type: SQS, Destination: !GetAtt SomeQueue.Arn), not " + destination);
        }
        return new EventInvokeConfig(retries, queue);
    }

    /** A function's MemorySize in MB, its own or the Globals'. */
    public int memorySize(String functionLogicalId) {
        Map<String, Object> globals = functionGlobals();
        return Integer.parseInt(String.valueOf(properties(functionLogicalId).getOrDefault("MemorySize",
                globals.getOrDefault("MemorySize", 128))));
    }

    private Map<String, Object> functionGlobals() {
        return map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
    }

    private static Map<String, Object> variables(Map<String, Object> functionProps) {
        return map(map(functionProps.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
    }

    private static String prefix(Map<String, Object> s3EventProps) {
        Map<String, Object> key = map(map(s3EventProps.getOrDefault("Filter", Map.of())).getOrDefault("S3Key", Map.of()));
        for (Object rule : (List<?>) key.getOrDefault("Rules", List.of())) {
            Map<String, Object> r = map(rule);
            if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                return String.valueOf(r.get("Value"));
            }
        }
        return "";
    }

    static String refName(Object value) {
        return Optional.ofNullable(map(value).get("Ref")).map(String::valueOf)
                .orElseThrow(() -> new IllegalStateException("expected !Ref, got " + value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("expected a mapping in template.yaml, got " + value);
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    /** Reads {@code !Ref X} as {@code {Ref: X}} and {@code !Sub s} as {@code {Fn::Sub: s}}, as CloudFormation does. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String fn : List.of("Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And",
                    "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Condition")) {
                String key = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
                this.yamlConstructors.put(new Tag("!" + fn), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            value = fn.equals("GetAtt") ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
                        } else if (node instanceof SequenceNode seq) {
                            value = constructSequence(seq);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(key, value);
                    }
                });
            }
        }
    }
}
