package vn.haiphong.gddt.reports.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class HttpOutageTest {
    @Test
    void an_unreachable_or_failing_aws_service_is_an_outage_the_caller_may_retry_after() {
        assertThat(Http.isOutage(SdkClientException.create("Unable to execute HTTP request: Connection refused"))).isTrue();
        assertThat(Http.isOutage(AwsServiceException.builder().statusCode(503).message("Service Unavailable").build())).isTrue();
        assertThat(Http.isOutage(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build()))
                .as("throttled, as DynamoDB says it").isTrue();
        assertThat(Http.isOutage(new IllegalStateException("wrapped", SdkClientException.create("timeout")))).isTrue();
    }

    @Test
    void a_refused_condition_or_a_bug_of_ours_is_not_an_outage() {
        assertThat(Http.isOutage(ConditionalCheckFailedException.builder().statusCode(400).build())).isFalse();
        assertThat(Http.isOutage(new NullPointerException())).isFalse();
        assertThat(Http.isOutage(new UncheckedIOException(new java.io.IOException("disk")))).isFalse();
    }
}
