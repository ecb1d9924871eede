package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SQS emulator answers the SDK v2 client, whose requests are in the AWS JSON protocol. */
@ExtendWith(EmulatorsExtension.class)
class SqsEmulatorTest {

    @Test
    void a_message_sent_to_a_new_queue_is_received_with_its_body_intact(Emulators emulators) {
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(emulators.sqsEndpoint())
                .region(Region.of(emulators.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulators.accessKeyId(), emulators.secretAccessKey())))
                .build()) {
            String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
            String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
            String body = "{\"requestPayload\":{\"key\":\"submissions/2026/Báo cáo.pdf\"}}";

            sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
            java.util.List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2)).messages();

            assertThat(url).startsWith(emulators.sqsEndpoint().toString()).endsWith("/" + name);
            assertThat(received).extracting(Message::body).containsExactly(body);
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN))
                    .isEqualTo("arn:aws:sqs:" + emulators.region() + ":000000000000:" + name);
        }
    }
}
