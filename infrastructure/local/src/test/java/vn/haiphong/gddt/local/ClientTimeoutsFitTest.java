package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.AwsClients.CallLimits;

/**
 * Part of "nothing lost": an SDK call that hangs must give up while the invocation still has time to
 * give back the claim it holds. Otherwise Lambda kills the invocation mid-call and the claim waits
 * out its lease. Each function's Timeout in template.yaml is checked against the clients' limits
 * for the services its policies let it call.
 */
class ClientTimeoutsFitTest {
    /** Between the release and Lambda's end: the log line, the runtime's own bookkeeping. */
    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final Map<String, CallLimits> BY_SERVICE = Map.of(
            "dynamodb", AwsClients.DYNAMODB, "s3", AwsClients.S3, "ses", AwsClients.SES);

    @Test
    void each_functions_worst_sdk_call_and_then_a_claims_release_end_before_its_timeout() throws IOException {
        SamTemplate template = SamTemplate.read(Running.ROOT.resolve("template.yaml"));
        SoftAssertions softly = new SoftAssertions();
        for (SamTemplate.Function fn : template.functions()) {
            Set<String> services = services(template, fn.logicalId());
            Duration worstCall = services.stream().map(BY_SERVICE::get)
                    .map(CallLimits::callTimeout).max(Duration::compareTo).orElse(Duration.ZERO);
            Duration needed = worstCall.plus(AwsClients.DYNAMODB.callTimeout()).plus(MARGIN);
            softly.assertThat(needed).as("%s (calls %s): worst call %s, a release, and %s, within its Timeout of %d s",
                    fn.logicalId(), services, worstCall, MARGIN, fn.timeoutSeconds())
                    .isLessThanOrEqualTo(Duration.ofSeconds(fn.timeoutSeconds()));
        }
        softly.assertAll();
    }

    @Test
    void every_client_gives_up_within_its_call_limit_and_no_try_outlasts_the_call() {
        BY_SERVICE.forEach((service, limits) -> {
            assertThat(limits.attemptTimeout()).as(service).isLessThanOrEqualTo(limits.callTimeout());
            assertThat(limits.maxAttempts()).as(service).isBetween(1, 3);
        });
        assertThat(AwsClients.SES.retriesUnanswered())
                .as("an SES try without an answer may have sent the e-mail: the SDK must not send it again unseen")
                .isFalse();
    }

    @Test
    void the_check_reads_services_from_the_policies_so_a_function_that_sends_mail_is_held_to_ses_limits() throws IOException {
        SamTemplate template = SamTemplate.read(Running.ROOT.resolve("template.yaml"));
        assertThat(services(template, "RecordSubmissionFunction")).containsExactlyInAnyOrder("dynamodb", "s3", "ses");
        assertThat(services(template, "ServePagesFunction")).isEmpty();
    }

    /** The AWS services a function's policies allow it to call: the prefixes of their actions. */
    private static Set<String> services(SamTemplate template, String logicalId) {
        Set<String> services = new TreeSet<>();
        for (Map<String, Object> statement : template.policyStatements(logicalId)) {
            Object action = statement.get("Action");
            List<Object> actions = action instanceof List<?> list ? new ArrayList<>(list) : List.of(action);
            actions.forEach(a -> services.add(String.valueOf(a).substring(0, String.valueOf(a).indexOf(':'))));
        }
        services.retainAll(BY_SERVICE.keySet());
        return services;
    }
}
