package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The external mode's S3 events, checked against the embedded S3Proxy standing in for LocalStack. */
@ExtendWith(EmulatorsExtension.class)
class S3PollerTest {

    @Test
    void objects_written_after_subscribing_are_announced_and_earlier_ones_are_not(Emulators emulators) throws Exception {
        String bucket = "polled-" + System.nanoTime();
        Events events = new Events(bucket);
        try (S3Client s3 = Clients.s3(emulators);
             S3Poller poller = new S3Poller(() -> Clients.s3(emulators), Duration.ofMillis(50))) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("before"), RequestBody.fromString("old"));
            poller.subscribe(events);

            s3.putObject(b -> b.bucket(bucket).key("after"), RequestBody.fromString("new!"));
            ObjectCreated created = events.next();
            s3.putObject(b -> b.bucket(bucket).key("after"), RequestBody.fromString("changed"));
            ObjectCreated overwritten = events.next();

            assertThat(created.key()).isEqualTo("after");
            assertThat(created.size()).isEqualTo(4);
            assertThat(created.eTag()).doesNotContain("\"").isNotBlank();
            assertThat(overwritten.key()).isEqualTo("after");
            assertThat(overwritten.size()).isEqualTo(7);
            assertThat(events.pending()).isEmpty();
        }
    }
}
