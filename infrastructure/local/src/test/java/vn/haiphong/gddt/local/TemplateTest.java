package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.Wiring;

/**
 * template.yaml against the code it deploys: the things a deployment would only reveal in AWS (a
 * handler that does not exist, a variable nobody declared, a grant too wide) fail here instead.
 */
@Order(-25)
class TemplateTest {
    /** Surefire runs in the module's folder, infrastructure/local. */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TEMPLATE = ROOT.resolve("template.yaml");
    private static final Path FUNCTION_SOURCES = ROOT.resolve("functions/src/main/java");

    private static final String FUNCTION = "AWS::Serverless::Function";

    /** Set by Lambda itself, or only ever by a developer pointing the code at emulators. */
    private static final Set<String> NOT_FOR_THE_TEMPLATE = Set.of(
            "AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "TOKEN_KEYS");
    private static final String ENDPOINT_OVERRIDES = "AWS_ENDPOINT_URL";

    /** Actions IAM cannot scope to a resource, so they are granted on "*". None is used today. */
    private static final Set<String> ACTIONS_ONLY_GRANTED_ON_ANY_RESOURCE = Set.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "cloudwatch:PutMetricData");

    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws IOException {
        assertThat(TEMPLATE).as("template.yaml two folders above the module folder %s", Path.of("").toAbsolutePath())
                .isRegularFile();
        template = CloudFormationYaml.read(TEMPLATE.toFile());
    }

    // --- the linter -------------------------------------------------------------------------

    @Test
    void the_linter_accepts_the_template() {
        Lint lint = Lint.run(TEMPLATE);

        assertThat(lint.exitCode()).as("%s exited %d:%n%s", lint.command(), lint.exitCode(), lint.output()).isZero();
    }

    @Test
    void the_linter_refuses_a_made_up_runtime_key_type_and_reference() throws URISyntaxException {
        Path broken = Path.of(TemplateTest.class.getResource("/templates/lint-must-refuse.yaml").toURI());

        Lint lint = Lint.run(broken);

        assertThat(lint.exitCode()).as("%s exited %d:%n%s", lint.command(), lint.exitCode(), lint.output()).isNotZero();
        assertThat(lint.output()).contains("java99", "HASHX", "Tabel");
    }

    // --- handlers ---------------------------------------------------------------------------

    @Test
    void every_function_names_a_handler_class_that_takes_the_events_the_template_sends_it() {
        Map<String, JsonNode> functions = functions();
        assertThat(functions).as("functions in template.yaml").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        functions.forEach((id, properties) -> {
            String handler = properties.path("Handler").asText(globalFunctionProperty("Handler").asText(""));
            String[] classAndMethod = handler.split("::");
            if (classAndMethod.length != 2) {
                softly.fail("%s: Handler '%s' is not <class>::<method>", id, handler);
                return;
            }
            Class<?> type;
            try {
                type = Class.forName(classAndMethod[0]);
            } catch (ClassNotFoundException e) {
                softly.fail("%s: handler class %s is not on the classpath", id, classAndMethod[0]);
                return;
            }
            softly.assertThat(RequestHandler.class.isAssignableFrom(type))
                    .as("%s: %s implements RequestHandler", id, type.getName()).isTrue();
            softly.assertThat(classAndMethod[1]).as("%s: the method a RequestHandler is called through", id)
                    .isEqualTo("handleRequest");
            softly.assertThatCode(() -> type.getConstructor())
                    .as("%s: %s has a public no-arg constructor (Lambda's)", id, type.getName())
                    .doesNotThrowAnyException();
            softly.assertThatCode(() -> type.getConstructor(Wiring.class))
                    .as("%s: %s has a public (Wiring) constructor (the local runner's and the tests')", id, type.getName())
                    .doesNotThrowAnyException();
            softly.assertThat(type.getDeclaredConstructors()).as("%s: %s is built in these two ways only", id, type.getName())
                    .hasSize(2);

            Optional<Class<?>> input = HandlerInput.of(type);
            if (input.isEmpty()) {
                softly.fail("%s: %s does not name its input type as RequestHandler's type argument", id, type.getName());
                return;
            }
            properties.path("Events").fields().forEachRemaining(event -> {
                JsonNode e = event.getValue();
                String eventType = e.path("Type").asText();
                softly.assertThat(accepts(eventType, input.get()))
                        .as("%s: event %s of type %s reaches %s, whose input is %s", id, event.getKey(), eventType,
                                type.getSimpleName(), input.get().getSimpleName())
                        .isTrue();
                if (eventType.equals("HttpApi")) {
                    softly.assertThat(e.path("Properties").path("PayloadFormatVersion").asText("2.0"))
                            .as("%s: event %s payload format (APIGatewayV2HTTPEvent is 2.0)", id, event.getKey())
                            .isEqualTo("2.0");
                }
            });
        });
        softly.assertAll();
    }

    private static boolean accepts(String eventType, Class<?> input) {
        return switch (eventType) {
            case "HttpApi" -> input == APIGatewayV2HTTPEvent.class;
            // The runner hands these over as their JSON (AwsEventJson), as the runtime does to a Map.
            case "S3", "Schedule", "ScheduleV2", "EventBridgeRule", "SNS" -> Map.class.isAssignableFrom(input);
            default -> fail("This test does not know which input type an event of type %s needs; teach it.", eventType);
        };
    }


    // --- SnapStart ----------------------------------------------------------------------------

    /**
     * SnapStart snapshots published versions only, so each function also needs an alias for its events
     * to invoke (SAM points them at it), a PublishRevision that can force a new version when only a
     * parameter changed (SAM would not publish one), and the priming hook registered where Lambda
     * constructs the handler.
     */
    @Test
    void every_java_function_is_snapshotted_primed_and_invoked_through_its_alias() throws IOException {
        Map<String, JsonNode> functions = functions();
        SoftAssertions softly = new SoftAssertions();
        functions.forEach((id, p) -> {
            softly.assertThat(property(p, "Runtime").asText()).as("%s runtime", id).startsWith("java");
            softly.assertThat(property(p, "SnapStart").path("ApplyOn").asText()).as("%s SnapStart.ApplyOn", id)
                    .isEqualTo("PublishedVersions");
            softly.assertThat(property(p, "AutoPublishAlias").asText()).as("%s AutoPublishAlias", id).isNotBlank();
            softly.assertThat(p.path("AutoPublishCodeSha256")).as("%s AutoPublishCodeSha256", id)
                    .isEqualTo(ref("PublishRevision"));
        });
        for (JsonNode f : functions.values()) {
            String className = f.path("Handler").asText().split("::")[0];
            Path source = ROOT.resolve(property(f, "CodeUri").asText()).resolve("src/main/java")
                    .resolve(className.replace('.', '/') + ".java");
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            softly.assertThat(Files.readString(source, StandardCharsets.UTF_8))
                    .as("%s registers the priming hook in its no-arg constructor", simpleName)
                    .containsPattern("public " + simpleName + "\\(\\) \\{\\s+this\\([^;]*\\);\\s+Priming\\.register\\(\\);");
        }
        softly.assertAll();
    }

    /** A property set on the function, or else in Globals. */
    private static JsonNode property(JsonNode function, String name) {
        return function.has(name) ? function.get(name) : globalFunctionProperty(name);
    }

    // --- environment ------------------------------------------------------------------------

    /**
     * Reads the names from the source, so a variable added to the code without the template fails
     * here. It cannot tell which handler reads which name; the next test starts each handler with
     * its own declared environment, which catches a required one missing from one function.
     */
    @Test
    void every_environment_variable_the_code_reads_is_declared_in_the_template() throws IOException {
        Set<String> read = new TreeSet<>(variablesReadBy(FUNCTION_SOURCES));
        read.addAll(variablesReadBy(ROOT.resolve("functions/inspect/src/main/java")));
        assertThat(read).as("names found in %s (has the code moved?)", FUNCTION_SOURCES)
                .contains("TABLE_NAME", "BUCKET_NAME");

        Set<String> declared = new TreeSet<>(names(globalFunctionProperty("Environment").path("Variables")));
        functions().values().forEach(f -> declared.addAll(names(f.path("Environment").path("Variables"))));

        Set<String> expected = read.stream()
                .filter(name -> !NOT_FOR_THE_TEMPLATE.contains(name) && !name.startsWith(ENDPOINT_OVERRIDES))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).as("variables declared in Globals or in a function").containsAll(expected);
    }

    @Test
    void every_handler_starts_with_only_the_environment_the_template_gives_its_function() {
        SoftAssertions softly = new SoftAssertions();
        functions().forEach((id, properties) -> {
            Map<String, String> env = new HashMap<>();
            env.putAll(resolved(globalFunctionProperty("Environment").path("Variables")));
            env.putAll(resolved(properties.path("Environment").path("Variables")));
            // What Lambda adds, and the local stand-in for the SSM parameter, so nothing is fetched.
            env.put("AWS_REGION", "ap-southeast-1");
            env.put("TOKEN_KEYS", "test:" + Base64.getEncoder().encodeToString(new byte[32]));

            String className = properties.path("Handler").asText().split("::")[0];
            softly.assertThatCode(() -> LocalSystem.instantiate(className, env,
                    Clock.fixed(Instant.parse("2025-06-01T01:00:00Z"), ZoneOffset.UTC)))
                    .as("%s starts with %s", id, new TreeSet<>(env.keySet())).doesNotThrowAnyException();
        });
        softly.assertAll();
    }

    private static Set<String> variablesReadBy(Path sources) throws IOException {
        Pattern read = Pattern.compile("env\\.(?:required|optional|number)\\(\\s*\"([A-Za-z0-9_]+)\"");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = read.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    // --- the bucket -------------------------------------------------------------------------

    @Test
    void the_bucket_is_private_versioned_encrypted_https_only_and_open_to_the_upload_page_alone() {
        JsonNode bucket = onlyResourceOfType("AWS::S3::Bucket").getValue();
        JsonNode p = bucket.path("Properties");

        JsonNode block = p.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(block.path(setting).asBoolean(false)).as(setting).isTrue();
        }
        assertThat(p.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
        assertThat(stream(p.path("BucketEncryption").path("ServerSideEncryptionConfiguration")))
                .as("default encryption").isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText())
                        .isIn("AES256", "aws:kms", "aws:kms:dsse"));

        List<JsonNode> cors = stream(p.path("CorsConfiguration").path("CorsRules")).toList();
        assertThat(cors).as("CORS rules: the page PUTs straight to the bucket").isNotEmpty();
        JsonNode pageOrigin = ref("AllowedOrigin");
        for (JsonNode rule : cors) {
            assertThat(stream(rule.path("AllowedOrigins")).toList()).as("allowed origins").containsExactly(pageOrigin);
            assertThat(stream(rule.path("AllowedMethods")).map(JsonNode::asText).toList()).isSubsetOf("PUT", "GET", "HEAD");
        }
        assertThat(template.path("Parameters").path("AllowedOrigin").path("AllowedPattern").asText())
                .as("AllowedOrigin's pattern").startsWith("^https://");

        assertThat(stream(p.path("LifecycleConfiguration").path("Rules")))
                .as("a rule that empties quarantine/")
                .anySatisfy(rule -> {
                    assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
                    assertThat(rule.path("Prefix").asText()).isEqualTo("quarantine/");
                    assertThat(rule.path("ExpirationInDays").isNumber()).isTrue();
                });

        JsonNode tlsOnly = resourcesOfType("AWS::S3::BucketPolicy").values().stream()
                .flatMap(policy -> stream(policy.path("Properties").path("PolicyDocument").path("Statement")))
                .filter(s -> s.path("Effect").asText().equals("Deny"))
                .filter(s -> s.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"))
                .findFirst().orElse(null);
        assertThat(tlsOnly).as("a bucket policy statement denying requests without TLS").isNotNull();
    }

    // --- permissions ------------------------------------------------------------------------

    @Test
    void no_policy_allows_every_action_or_every_resource_and_no_function_uses_a_managed_policy() {
        List<JsonNode> documents = new ArrayList<>();
        collectPolicyDocuments(template.path("Resources"), documents);
        assertThat(documents).as("policy documents in the template").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        List<JsonNode> allows = documents.stream().flatMap(d -> stream(d.path("Statement")))
                .filter(s -> s.path("Effect").asText().equals("Allow")).toList();
        for (JsonNode statement : allows) {
            List<String> actions = stream(statement.path("Action")).map(JsonNode::asText).toList();
            softly.assertThat(statement.has("NotAction") || statement.has("NotResource"))
                    .as("Allow with NotAction/NotResource: %s", statement).isFalse();
            softly.assertThat(actions).as("actions of %s", statement).isNotEmpty().noneMatch(a -> a.contains("*"));
            boolean anyResource = stream(statement.path("Resource"))
                    .anyMatch(r -> r.asText().equals("*") || r.path("Fn::Sub").asText().equals("*"));
            if (anyResource) {
                softly.assertThat(ACTIONS_ONLY_GRANTED_ON_ANY_RESOURCE)
                        .as("Resource \"*\" is only for actions IAM cannot scope: %s", statement)
                        .containsAll(actions);
            }
        }

        functions().forEach((id, f) -> {
            softly.assertThat(f.has("Role")).as("%s brings its own role; its policies are not checked here", id).isFalse();
            // A function that needs no AWS access (the pages) has no Policies: only the logging SAM always grants.
            softly.assertThat(stream(f.path("Policies")))
                    .as("%s: policies are inline statements, not managed policies or SAM policy templates", id)
                    .allSatisfy(policy -> assertThat(policy.has("Statement")).as("%s", policy).isTrue());
        });
        resourcesOfType("AWS::IAM::Role").forEach((id, role) -> softly
                .assertThat(stream(role.path("Properties").path("ManagedPolicyArns")).map(JsonNode::toString))
                .as("%s managed policies", id)
                .noneMatch(arn -> arn.contains("FullAccess") || arn.contains("AdministratorAccess")
                        || arn.contains("PowerUserAccess")));
        softly.assertAll();
    }

    /** Every IAM policy document, wherever a resource keeps it (function Policies, roles, bucket policies). */
    private static void collectPolicyDocuments(JsonNode node, List<JsonNode> documents) {
        if (node.isObject() && node.path("Statement").isArray()) {
            documents.add(node);
            return;
        }
        node.elements().forEachRemaining(child -> collectPolicyDocuments(child, documents));
    }

    // --- names shared by the bucket, the code and the policies ---------------------------------

    @Test
    void the_bucket_the_functions_use_and_grant_access_to_is_the_bucket_the_template_creates() {
        Map.Entry<String, JsonNode> bucket = onlyResourceOfType("AWS::S3::Bucket");
        String name = bucket.getValue().path("Properties").path("BucketName").path("Fn::Sub").asText();
        assertThat(name).as("the bucket's name, written with !Sub").isNotEmpty();

        JsonNode bucketName = globalFunctionProperty("Environment").path("Variables").path("BUCKET_NAME");
        assertThat(bucketName.path("Fn::Sub").asText()).as("Globals BUCKET_NAME").isEqualTo(name);

        String arn = "arn:${AWS::Partition}:s3:::" + name;
        List<JsonNode> documents = new ArrayList<>();
        functions().values().forEach(f -> collectPolicyDocuments(f.path("Policies"), documents));
        List<String> s3Resources = documents.stream().flatMap(d -> stream(d.path("Statement")))
                .filter(s -> stream(s.path("Action")).anyMatch(a -> a.asText().startsWith("s3:")))
                .flatMap(s -> stream(s.path("Resource")))
                .map(r -> r.path("Fn::Sub").asText(r.asText()))
                .toList();
        assertThat(s3Resources).as("S3 resources in function policies").isNotEmpty()
                .allSatisfy(r -> assertThat(r).matches(Pattern.quote(arn) + "(/.+)?"));

        functions().forEach((id, f) -> f.path("Events").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("S3")) {
                assertThat(e.getValue().path("Properties").path("Bucket")).as("%s.%s bucket", id, e.getKey())
                        .isEqualTo(ref(bucket.getKey()));
            }
        }));
    }

    /**
     * A function that may write where its own trigger fires would call itself without end. Each
     * S3-triggered function fires under the one prefix meant for it and may put objects only under
     * other prefixes.
     */
    @Test
    void each_s3_event_fires_only_under_its_own_prefix_where_its_function_cannot_write() {
        Map<String, String> expected = Map.of("RecordSubmissionFunction", "submissions/",
                "BuildExportFunction", "export-requests/");
        Map<String, String> triggered = new LinkedHashMap<>();
        functions().forEach((id, f) -> f.path("Events").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("S3")) {
                List<String> prefixes = stream(e.getValue().path("Properties").path("Filter").path("S3Key").path("Rules"))
                        .filter(rule -> rule.path("Name").asText().equals("prefix"))
                        .map(rule -> rule.path("Value").asText()).toList();
                assertThat(prefixes).as("%s.%s key prefix", id, e.getKey()).containsExactly(expected.get(id));
                triggered.put(id, prefixes.get(0));
            }
        }));
        assertThat(triggered).as("functions triggered by S3").isEqualTo(expected);

        String bucketArn = "arn:${AWS::Partition}:s3:::" + onlyResourceOfType("AWS::S3::Bucket").getValue()
                .path("Properties").path("BucketName").path("Fn::Sub").asText() + "/";
        triggered.forEach((id, trigger) -> {
            List<JsonNode> documents = new ArrayList<>();
            collectPolicyDocuments(functions().get(id).path("Policies"), documents);
            List<String> writable = documents.stream().flatMap(d -> stream(d.path("Statement")))
                    .filter(s -> s.path("Effect").asText().equals("Allow"))
                    .filter(s -> stream(s.path("Action")).anyMatch(a -> a.asText().equals("s3:PutObject")))
                    .flatMap(s -> stream(s.path("Resource")))
                    .map(r -> r.path("Fn::Sub").asText(r.asText()))
                    .toList();
            assertThat(writable).as("where %s may put objects", id).isNotEmpty().allSatisfy(r -> {
                assertThat(r).startsWith(bucketArn).endsWith("/*");
                String prefix = r.substring(bucketArn.length(), r.length() - 1);
                assertThat(prefix).as("%s may put objects under %s, and fires under %s", id, prefix, trigger)
                        .isNotEmpty().doesNotStartWith(trigger);
                assertThat(trigger).doesNotStartWith(prefix);
            });
        });
    }

    // --- the table --------------------------------------------------------------------------

    @Test
    void the_table_declares_exactly_the_keys_the_code_queries_and_one_sparse_index_by_submission_id() {
        JsonNode table = onlyResourceOfType("AWS::DynamoDB::Table").getValue().path("Properties");

        Map<String, String> attributes = new LinkedHashMap<>();
        stream(table.path("AttributeDefinitions")).forEach(a ->
                attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
        assertThat(attributes).containsExactly(Map.entry("PK", "S"), Map.entry("SK", "S"), Map.entry("submissionId", "S"));

        Map<String, String> keys = new LinkedHashMap<>();
        stream(table.path("KeySchema")).forEach(k -> keys.put(k.path("AttributeName").asText(), k.path("KeyType").asText()));
        assertThat(keys).containsExactly(Map.entry("PK", "HASH"), Map.entry("SK", "RANGE"));

        List<JsonNode> indexes = stream(table.path("GlobalSecondaryIndexes")).toList();
        assertThat(indexes).singleElement().satisfies(index -> {
            assertThat(index.path("IndexName").asText())
                    .isEqualTo(vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger.BY_SUBMISSION_ID);
            assertThat(stream(index.path("KeySchema")).map(k -> k.path("AttributeName").asText()).toList())
                    .containsExactly("submissionId");
        });
        assertThat(table.has("LocalSecondaryIndexes")).as("LocalSecondaryIndexes").isFalse();
    }

    // --- when things fail -------------------------------------------------------------------

    private static final String FAILED_EVENTS_QUEUE = "FailedEventsQueue";
    private static final String OPS_ALERTS_TOPIC = "OpsAlertsTopic";
    private static final String RECONCILE = "ReconcileSubmissionsFunction";
    private static final Set<String> ASYNCHRONOUS_EVENTS = Set.of("S3", "SNS", "Schedule", "ScheduleV2");

    /**
     * S3, SNS and the schedulers invoke asynchronously: Lambda retries, then drops the event unless
     * the function names somewhere to put it. Here that is the one alarmed queue.
     */
    @Test
    void every_function_an_s3_event_a_topic_or_a_schedule_invokes_retries_twice_then_hands_the_event_to_the_failed_events_queue() {
        Map<String, JsonNode> asynchronous = new LinkedHashMap<>();
        functions().forEach((id, f) -> {
            if (StreamSupport.stream(f.path("Events").spliterator(), false)
                    .anyMatch(e -> ASYNCHRONOUS_EVENTS.contains(e.path("Type").asText()))) {
                asynchronous.put(id, f);
            }
        });
        assertThat(asynchronous.keySet()).as("functions invoked asynchronously").contains("RecordSubmissionFunction",
                "BuildExportFunction", "RecordSesFeedbackFunction", "SendRemindersFunction", "WriteStatusSnapshotsFunction",
                RECONCILE);

        SoftAssertions softly = new SoftAssertions();
        asynchronous.forEach((id, f) -> {
            JsonNode config = f.path("EventInvokeConfig");
            softly.assertThat(config.path("MaximumRetryAttempts").asInt(-1)).as("%s MaximumRetryAttempts", id).isEqualTo(2);
            softly.assertThat(config.path("MaximumEventAgeInSeconds").asInt(-1)).as("%s MaximumEventAgeInSeconds", id)
                    .isBetween(60, 21600);
            JsonNode onFailure = config.path("DestinationConfig").path("OnFailure");
            softly.assertThat(onFailure.path("Type").asText()).as("%s OnFailure type", id).isEqualTo("SQS");
            softly.assertThat(onFailure.path("Destination")).as("%s OnFailure destination", id)
                    .isEqualTo(getAtt(FAILED_EVENTS_QUEUE, "Arn"));
        });
        softly.assertAll();
    }

    @Test
    void the_failed_events_queue_keeps_what_it_receives_fourteen_days_encrypted() {
        JsonNode queue = template.path("Resources").path(FAILED_EVENTS_QUEUE);

        assertThat(queue.path("Type").asText()).as("%s type (the local runner creates it by this id)", FAILED_EVENTS_QUEUE)
                .isEqualTo("AWS::SQS::Queue");
        assertThat(queue.path("Properties").path("MessageRetentionPeriod").asInt()).as("retention, seconds")
                .isEqualTo(14 * 24 * 3600);
        assertThat(queue.path("Properties").path("SqsManagedSseEnabled").asBoolean(false)).as("SqsManagedSseEnabled")
                .isTrue();
    }

    @Test
    void every_alarm_tells_the_ops_topic_and_counts_a_period_without_data_as_fine() {
        Map<String, JsonNode> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms).as("alarms in template.yaml").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        alarms.forEach((id, alarm) -> {
            JsonNode p = alarm.path("Properties");
            softly.assertThat(stream(p.path("AlarmActions")).toList()).as("%s AlarmActions", id)
                    .contains(ref(OPS_ALERTS_TOPIC));
            softly.assertThat(p.path("TreatMissingData").asText()).as("%s TreatMissingData", id).isEqualTo("notBreaching");
            softly.assertThat(p.path("ComparisonOperator").asText() + " " + p.path("Threshold").asText())
                    .as("%s fires on the first occurrence", id).isEqualTo("GreaterThanThreshold 0");
        });
        softly.assertAll();
    }

    @Test
    void every_function_has_an_errors_alarm_and_a_throttles_alarm() {
        Map<String, JsonNode> functions = functions();
        assertThat(functions).as("functions in template.yaml").isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        functions.keySet().forEach(id -> {
            for (String metric : List.of("Errors", "Throttles")) {
                softly.assertThat(alarmsWatching("AWS/Lambda", metric, "FunctionName", ref(id)))
                        .as("alarms on AWS/Lambda %s of %s", metric, id).isNotEmpty();
            }
        });
        softly.assertAll();
    }

    @Test
    void a_message_in_the_failed_events_queue_raises_an_alarm() {
        List<JsonNode> alarms = alarmsWatching("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                getAtt(FAILED_EVENTS_QUEUE, "QueueName"));

        assertThat(alarms).as("alarms on the depth of %s", FAILED_EVENTS_QUEUE).singleElement()
                .satisfies(alarm -> assertThat(alarm.path("Period").asInt()).as("period").isEqualTo(300));
    }

    /**
     * The handler cannot learn its stack's name but from its environment, and the alarm looks for
     * the metric under that name: both must say AWS::StackName.
     */
    @Test
    void anything_the_reconciliation_had_to_repair_raises_an_alarm_on_the_metric_it_logs_under_its_stack() {
        JsonNode stack = ref("AWS::StackName");
        assertThat(functions().get(RECONCILE).path("Environment").path("Variables").path("STACK_NAME"))
                .as("%s STACK_NAME", RECONCILE).isEqualTo(stack);

        List<JsonNode> alarms = alarmsWatching("HpReports", "ReconcileRepairs", "Stack", stack);

        assertThat(alarms).as("alarms on HpReports ReconcileRepairs").singleElement().satisfies(alarm -> {
            assertThat(alarm.path("Statistic").asText()).as("statistic").isEqualTo("Sum");
            assertThat(alarm.path("Period").asInt()).as("period").isEqualTo(900);
        });
    }

    @Test
    void the_ops_topic_e_mails_the_ops_alert_address_which_by_default_is_nobody_real() {
        JsonNode topic = template.path("Resources").path(OPS_ALERTS_TOPIC);
        assertThat(topic.path("Type").asText()).as("%s type", OPS_ALERTS_TOPIC).isEqualTo("AWS::SNS::Topic");

        List<JsonNode> subscriptions = new ArrayList<>(stream(topic.path("Properties").path("Subscription")).toList());
        resourcesOfType("AWS::SNS::Subscription").values().stream().map(s -> s.path("Properties"))
                .filter(s -> s.path("TopicArn").equals(ref(OPS_ALERTS_TOPIC)))
                .forEach(subscriptions::add);
        assertThat(subscriptions).as("subscriptions to %s", OPS_ALERTS_TOPIC).anySatisfy(s -> {
            assertThat(s.path("Protocol").asText()).isEqualTo("email");
            assertThat(s.path("Endpoint")).isEqualTo(ref("OpsAlertEmail"));
        });

        JsonNode parameter = template.path("Parameters").path("OpsAlertEmail");
        String address = parameter.path("Default").asText();
        assertThat(address).as("OpsAlertEmail default").endsWith("@example.edu.vn");
        assertThat(address).as("OpsAlertEmail default against its AllowedPattern")
                .matches(parameter.path("AllowedPattern").asText());
    }

    /**
     * Who may touch what in the table (README "Who may touch what"): per function, each DynamoDB action
     * and the partitions ({@code dynamodb:LeadingKeys}) it may use it on. The BySubmissionId index is
     * keyed by submission id alone, so its Query cannot be limited by prefix and is not in this table.
     */
    /** What every office route adds: reading the record of the token it was called with. */
    private static final Map<String, Set<String>> OFFICE = grants("GetItem", "OFFICE_TOKENS");
    private static final Map<String, Map<String, Set<String>>> TABLE_GRANTS = Map.ofEntries(
            Map.entry("GetMeFunction", grants("GetItem Query", "UNITS OBL#*")),
            Map.entry("CreateUploadFunction", merge(grants("GetItem Query", "UNITS OBL#*"), grants("UpdateItem", "UNIT#*#GRANTS"))),
            Map.entry("RecordSubmissionFunction", merge(grants("GetItem Query", "UNITS OBL#* SUPPRESSED"),
                    grants("PutItem UpdateItem", "OBL#*"))),
            Map.entry("ReconcileSubmissionsFunction", merge(grants("GetItem Query", "UNITS OBL#* SUPPRESSED"),
                    grants("PutItem UpdateItem", "OBL#*"))),
            Map.entry("InspectSubmissionFunction", merge(grants("GetItem Query", "UNITS OBL#* SUPPRESSED"),
                    grants("UpdateItem", "OBL#*"))),
            Map.entry("GetStatusFunction", merge(grants("GetItem Query", "UNITS OBL#* SUPPRESSED"), OFFICE)),
            Map.entry("GrantExtensionFunction", merge(merge(grants("GetItem", "UNITS OBL#*"), grants("PutItem", "OBL#*")), OFFICE)),
            Map.entry("RevokeExtensionFunction", merge(merge(grants("GetItem Query", "UNITS OBL#*"), grants("UpdateItem", "OBL#*")),
                    OFFICE)),
            Map.entry("GetSubmissionFileFunction", OFFICE),
            Map.entry("ReturnSubmissionFunction", merge(merge(grants("GetItem Query", "UNITS OBL#* SUPPRESSED"),
                    grants("UpdateItem", "OBL#*")), OFFICE)),
            Map.entry("WriteStatusSnapshotsFunction", grants("Query", "UNITS OBL#* SUPPRESSED")),
            Map.entry("StartExportFunction", merge(grants("GetItem PutItem UpdateItem", "EXPORT#*"), OFFICE)),
            Map.entry("GetExportFunction", grants("GetItem", "EXPORT#* OFFICE_TOKENS")),
            Map.entry("BuildExportFunction", merge(grants("GetItem UpdateItem", "EXPORT#*"), grants("Query", "UNITS OBL#*"))),
            Map.entry("SendRemindersFunction", merge(grants("Query", "UNITS OBL#* SUPPRESSED"), grants("GetItem UpdateItem", "OBL#*"))),
            Map.entry("RecordSesFeedbackFunction", grants("PutItem", "SUPPRESSED")),
            Map.entry("ServePagesFunction", Map.of()));

    @Test
    void each_function_may_use_on_the_table_exactly_the_actions_and_partitions_of_the_table_of_grants() {
        Map<String, Map<String, Set<String>>> granted = new java.util.TreeMap<>();
        functions().forEach((id, f) -> {
            List<JsonNode> documents = new ArrayList<>();
            collectPolicyDocuments(f.path("Policies"), documents);
            Map<String, Set<String>> byAction = new java.util.TreeMap<>();
            documents.stream().flatMap(d -> stream(d.path("Statement")))
                    .filter(s -> s.path("Effect").asText().equals("Allow"))
                    .filter(s -> stream(s.path("Action")).anyMatch(a -> a.asText().startsWith("dynamodb:")))
                    .filter(s -> !s.path("Resource").toString().contains("/index/"))
                    .forEach(s -> {
                        List<String> keys = stream(s.path("Condition").path("ForAllValues:StringLike")
                                .path("dynamodb:LeadingKeys")).map(JsonNode::asText).toList();
                        stream(s.path("Action")).map(a -> a.asText().substring("dynamodb:".length())).forEach(a ->
                                byAction.computeIfAbsent(a, k -> new java.util.TreeSet<>())
                                        .addAll(keys.isEmpty() ? List.of("* (no LeadingKeys condition)") : keys));
                    });
            granted.put(id, byAction);
        });
        Map<String, Map<String, Set<String>>> expected = new java.util.TreeMap<>();
        TABLE_GRANTS.forEach((id, byAction) -> {
            Map<String, Set<String>> sorted = new java.util.TreeMap<>();
            byAction.forEach((a, keys) -> sorted.put(a, new java.util.TreeSet<>(keys)));
            expected.put(id, sorted);
        });
        assertThat(granted).as("DynamoDB grants per function: action -> partitions").isEqualTo(expected);
    }

    @Test
    void no_function_may_list_the_bucket_beyond_a_prefix() {
        SoftAssertions softly = new SoftAssertions();
        functions().forEach((id, f) -> {
            List<JsonNode> documents = new ArrayList<>();
            collectPolicyDocuments(f.path("Policies"), documents);
            documents.stream().flatMap(d -> stream(d.path("Statement")))
                    .filter(s -> stream(s.path("Action")).anyMatch(a -> a.asText().equals("s3:ListBucket")))
                    .forEach(s -> softly.assertThat(stream(s.path("Condition").path("StringLike").path("s3:prefix")).toList())
                            .as("%s: s3:ListBucket without an s3:prefix condition: %s", id, s).isNotEmpty());
        });
        softly.assertAll();
    }

    private static Map<String, Set<String>> grants(String actions, String partitions) {
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (String action : actions.split(" ")) {
            grants.put(action, Set.of(partitions.split(" ")));
        }
        return grants;
    }

    private static Map<String, Set<String>> merge(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Map<String, Set<String>> merged = new LinkedHashMap<>(a);
        b.forEach((action, keys) -> merged.merge(action, keys, (x, y) -> {
            Set<String> both = new java.util.HashSet<>(x);
            both.addAll(y);
            return both;
        }));
        return merged;
    }

    @Test
    void the_api_throttles_every_route_and_the_grants_to_upload_more_tightly() {
        Map<String, JsonNode> apis = resourcesOfType("AWS::Serverless::HttpApi");
        assertThat(apis).isNotEmpty();
        apis.forEach((id, api) -> {
            JsonNode all = api.path("Properties").path("DefaultRouteSettings");
            assertThat(all.path("ThrottlingRateLimit").asInt()).as("%s rate limit", id).isBetween(1, 1000);
            assertThat(all.path("ThrottlingBurstLimit").asInt()).as("%s burst limit", id).isBetween(1, 2000);
            JsonNode uploads = api.path("Properties").path("RouteSettings").path("POST /v1/uploads");
            assertThat(uploads.path("ThrottlingRateLimit").asInt()).as("POST /v1/uploads rate limit")
                    .isBetween(1, all.path("ThrottlingRateLimit").asInt() - 1);
        });
    }

    @Test
    void every_function_logs_json() {
        SoftAssertions softly = new SoftAssertions();
        functions().forEach((id, f) -> softly.assertThat(property(f, "LoggingConfig").path("LogFormat").asText())
                .as("%s LoggingConfig.LogFormat", id).isEqualTo("JSON"));
        softly.assertAll();
    }

    @Test
    void the_reconciliation_runs_every_15_minutes_and_may_neither_delete_nor_scan_items_nor_list_beyond_submissions() {
        JsonNode reconcile = functions().get(RECONCILE);
        assertThat(reconcile).as(RECONCILE).isNotNull();

        assertThat(StreamSupport.stream(reconcile.path("Events").spliterator(), false).toList())
                .as("%s events", RECONCILE).singleElement().satisfies(event -> {
                    assertThat(event.path("Type").asText()).isEqualTo("ScheduleV2");
                    assertThat(event.path("Properties").path("ScheduleExpression").asText()).isEqualTo("rate(15 minutes)");
                });

        List<JsonNode> documents = new ArrayList<>();
        collectPolicyDocuments(reconcile.path("Policies"), documents);
        List<JsonNode> allows = documents.stream().flatMap(d -> stream(d.path("Statement")))
                .filter(s -> s.path("Effect").asText().equals("Allow")).toList();
        List<String> actions = allows.stream().flatMap(s -> stream(s.path("Action"))).map(JsonNode::asText).toList();
        assertThat(actions).as("%s actions", RECONCILE)
                .contains("dynamodb:PutItem", "s3:ListBucket")
                .doesNotContain("dynamodb:DeleteItem", "dynamodb:Scan", "dynamodb:BatchWriteItem");

        List<JsonNode> listings = allows.stream()
                .filter(s -> stream(s.path("Action")).anyMatch(a -> a.asText().equals("s3:ListBucket"))).toList();
        assertThat(listings).as("%s statements granting s3:ListBucket", RECONCILE).isNotEmpty().allSatisfy(s ->
                assertThat(stream(s.path("Condition").path("StringLike").path("s3:prefix")).map(JsonNode::asText).toList())
                        .as("s3:prefix of %s", s).isNotEmpty().allMatch(prefix -> prefix.startsWith("submissions/")));
    }

    /**
     * The properties of every alarm that watches the metric with that dimension, whether it names
     * the metric itself or through metric math.
     */
    private static List<JsonNode> alarmsWatching(String namespace, String metricName, String dimension, JsonNode value) {
        return resourcesOfType("AWS::CloudWatch::Alarm").values().stream().map(alarm -> alarm.path("Properties"))
                .filter(p -> Stream.concat(Stream.of(p),
                                stream(p.path("Metrics")).map(m -> m.path("MetricStat").path("Metric")))
                        .anyMatch(m -> m.path("Namespace").asText().equals(namespace)
                                && m.path("MetricName").asText().equals(metricName)
                                && stream(m.path("Dimensions")).anyMatch(d -> d.path("Name").asText().equals(dimension)
                                        && d.path("Value").equals(value))))
                .toList();
    }

    // --- reading the template ---------------------------------------------------------------

    private static Map<String, JsonNode> functions() {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        resourcesOfType(FUNCTION).forEach((id, f) -> properties.put(id, f.path("Properties")));
        return properties;
    }

    private static JsonNode globalFunctionProperty(String name) {
        return template.path("Globals").path("Function").path(name);
    }

    private static Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                found.put(r.getKey(), r.getValue());
            }
        });
        return found;
    }

    private static Map.Entry<String, JsonNode> onlyResourceOfType(String type) {
        Map<String, JsonNode> found = resourcesOfType(type);
        assertThat(found).as("resources of type %s", type).hasSize(1);
        return found.entrySet().iterator().next();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A list, or a single value where CloudFormation accepts either. */
    private static Stream<JsonNode> stream(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Stream.empty();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false) : Stream.of(node);
    }

    private static JsonNode ref(String name) {
        return JsonNodeFactory.instance.objectNode().put("Ref", name);
    }

    private static JsonNode getAtt(String resource, String attribute) {
        ObjectNode call = JsonNodeFactory.instance.objectNode();
        call.putArray("Fn::GetAtt").add(resource).add(attribute);
        return call;
    }

    /**
     * Environment values as a deployment would see them, parameters at their defaults: the
     * handlers validate them at init, so a default they refuse fails here too.
     */
    private static Map<String, String> resolved(JsonNode variables) {
        Map<String, String> values = new HashMap<>();
        variables.fields().forEachRemaining(v -> values.put(v.getKey(), resolve(v.getValue())));
        return values;
    }

    private static String resolve(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            return substitute(value.get("Ref").asText());
        }
        if (value.path("Fn::Sub").isTextual()) {
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value.get("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(substitute(m.group(1))));
            }
            return m.appendTail(out).toString();
        }
        return fail("No stand-in for %s; teach this test.", value);
    }

    private static String substitute(String name) {
        JsonNode parameter = template.path("Parameters").path(name);
        if (!parameter.isMissingNode() && !parameter.has("Default")) {
            // Only the Office can give it (the day it starts collecting): a value it might give, held to the pattern.
            String given = switch (name) {
                case "GoLiveDate" -> "2026-01-01";
                default -> fail("parameter %s has no default and no example here", name);
            };
            assertThat(given).matches(parameter.path("AllowedPattern").asText());
            return given;
        }
        if (!parameter.isMissingNode()) {
            return parameter.get("Default").asText();
        }
        return switch (name) {
            case "AWS::Region" -> "ap-southeast-1";
            case "AWS::AccountId" -> "123456789012";
            case "AWS::StackName" -> "hp-reports";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                assertThat(template.path("Resources").has(name.split("\\.")[0])).as("%s names a resource", name).isTrue();
                yield name.toLowerCase();
            }
        };
    }

    /**
     * Reads CloudFormation YAML into the tree its JSON form would give: {@code !Ref X} becomes
     * {@code {"Ref": "X"}}, {@code !Sub s} becomes {@code {"Fn::Sub": s}}, {@code !GetAtt A.B}
     * becomes {@code {"Fn::GetAtt": ["A", "B"]}}. Jackson's YAML parser reads a tagged node as the
     * plain node and reports the tag beside it, which is what this keeps.
     */
    static final class CloudFormationYaml {
        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

        static JsonNode read(File file) throws IOException {
            try (YAMLParser parser = new YAMLFactory().createParser(file)) {
                parser.nextToken();
                return node(parser);
            }
        }

        private static JsonNode node(YAMLParser parser) throws IOException {
            String tag = parser.getTypeId();
            JsonToken token = parser.currentToken();
            JsonNode value = switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = NODES.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        object.set(name, node(parser));
                    }
                    yield object;
                }
                case START_ARRAY -> {
                    ArrayNode array = NODES.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(node(parser));
                    }
                    yield array;
                }
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
                case VALUE_NULL -> NODES.nullNode();
                default -> throw new IOException("Unexpected " + token + " at " + parser.currentLocation());
            };
            return tag == null ? value : intrinsic(tag, value);
        }

        private static JsonNode intrinsic(String tag, JsonNode value) {
            ObjectNode call = NODES.objectNode();
            switch (tag) {
                case "Ref", "Condition" -> call.set(tag, value);
                case "GetAtt" -> {
                    if (value.isTextual()) {
                        String[] parts = value.asText().split("\\.", 2);
                        call.set("Fn::GetAtt", NODES.arrayNode().add(parts[0]).add(parts.length > 1 ? parts[1] : ""));
                    } else {
                        call.set("Fn::GetAtt", value);
                    }
                }
                default -> call.set("Fn::" + tag, value);
            }
            return call;
        }
    }

    /** The AWS CloudFormation linter (cfn-lint, the Python one), run on a template file. */
    record Lint(List<String> command, int exitCode, String output) {
        static Lint run(Path file) {
            List<String> command = List.of(executable(), "--", file.toString());
            try {
                Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
                process.getOutputStream().close();
                String output;
                try (InputStream out = process.getInputStream()) {
                    output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return fail("%s took more than 5 minutes:%n%s", command, output);
                }
                return new Lint(command, process.exitValue(), output);
            } catch (IOException e) {
                return fail("could not run %s: %s", command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted running %s", command);
            }
        }

        private static String executable() {
            List<Path> candidates = new ArrayList<>();
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "cfn-lint"));
                }
            }
            String pyenv = System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv");
            candidates.add(Path.of(pyenv, "shims", "cfn-lint"));
            return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString)
                    .orElseGet(() -> fail("cfn-lint (AWS's, from PyPI) is on neither PATH nor %s/shims. It comes with "
                            + "these machines' Python 3.11; elsewhere: pip install cfn-lint", pyenv));
        }
    }
}
