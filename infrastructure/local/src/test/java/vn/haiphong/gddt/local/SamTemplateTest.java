package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the runner reads from template.yaml's EventBridge rules, and the rules it refuses to half emulate. */
class SamTemplateTest {

    private static SamTemplate.Function function(SamTemplate template, String logicalId) {
        return template.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    @Test
    void the_inspect_function_gets_object_created_events_of_the_submissions_bucket_under_submissions() throws IOException {
        SamTemplate template = SamTemplate.read(Running.ROOT.resolve("template.yaml"));

        SamTemplate.Function inspect = function(template, "InspectSubmissionFunction");

        assertThat(inspect.objectCreatedRules()).containsExactly(new SamTemplate.ObjectCreatedRule(
                Map.of("Fn::Sub", "${AWS::StackName}-submissions-${AWS::AccountId}-${AWS::Region}"), "submissions/"));
        assertThat(inspect.scheduled()).isTrue();
        assertThat(inspect.codeUri()).isEqualTo("functions/inspect");
        assertThat(template.sendsEventsToEventBridge("SubmissionsBucket")).isTrue();
    }

    @Test
    void the_rule_resolves_to_the_bucket_the_runner_creates() throws IOException {
        SamTemplate template = SamTemplate.read(Running.ROOT.resolve("template.yaml"));
        Map<String, String> pseudo = Map.of("AWS::StackName", "t-1", "AWS::AccountId", "000000000000",
                "AWS::Region", "ap-southeast-1");
        Intrinsics intrinsics = new Intrinsics(template, pseudo, Map.of(), id -> id);

        Object bucketName = function(template, "InspectSubmissionFunction").objectCreatedRules().get(0).bucketName();

        assertThat(intrinsics.resolve(bucketName)).isEqualTo("t-1-submissions-000000000000-ap-southeast-1");
    }

    @Test
    void a_rule_without_a_key_filter_matches_every_key_and_a_bucket_without_eventbridge_sends_nothing() {
        SamTemplate template = SamTemplate.parse(withRule("""
                source: [aws.s3]
                detail-type: [Object Created]
                detail:
                  bucket:
                    name: [my-bucket]
                """));

        assertThat(function(template, "Fn").objectCreatedRules())
                .containsExactly(new SamTemplate.ObjectCreatedRule("my-bucket", ""));
        assertThat(template.sendsEventsToEventBridge("Bucket")).isFalse();
    }

    @Test
    void any_other_eventbridge_pattern_is_refused_naming_the_function() {
        for (String pattern : List.of(
                "{source: [aws.ec2], detail-type: [Object Created], detail: {bucket: {name: [b]}}}",
                "{source: [aws.s3], detail-type: [Object Deleted], detail: {bucket: {name: [b]}}}",
                "{source: [aws.s3], detail-type: [Object Created], detail: {bucket: {name: [b]}, object: {key: [{suffix: .pdf}]}}}",
                "{source: [aws.s3], detail-type: [Object Created], detail: {bucket: {name: [a, b]}}}",
                "{source: [aws.s3], detail-type: [Object Created], detail: {bucket: {name: [b]}, reason: [PutObject]}}",
                "{source: [aws.s3], detail-type: [Object Created], account: ['1'], detail: {bucket: {name: [b]}}}")) {
            SamTemplate template = SamTemplate.parse(withRule(pattern));

            assertThatThrownBy(template::functions).as(pattern).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The local runner cannot emulate event type EventBridgeRule of Fn");
        }
    }

    /** A template with one bucket and one function whose one event is an EventBridge rule with this pattern. */
    private static String withRule(String pattern) {
        return """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions
                      Handler: x.Handler::handleRequest
                      Events:
                        Created:
                          Type: EventBridgeRule
                          Properties:
                            Pattern:
                """ + pattern.indent(16);
    }
}
