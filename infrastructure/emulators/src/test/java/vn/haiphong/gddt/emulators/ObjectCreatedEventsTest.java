package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

@ExtendWith(EmulatorsExtension.class)
class ObjectCreatedEventsTest {

    private final Emulators emulators;
    private final S3Client s3;
    private final String bucket = "events-" + System.nanoTime();
    private final Events events = new Events(bucket);
    private AutoCloseable subscription;

    ObjectCreatedEventsTest(Emulators emulators) {
        this.emulators = emulators;
        this.s3 = Clients.s3(emulators);
    }

    @BeforeEach
    void subscribe() {
        s3.createBucket(b -> b.bucket(bucket));
        subscription = emulators.onObjectCreated(events);
    }

    @AfterEach
    void unsubscribe() throws Exception {
        subscription.close();
        s3.close();
    }

    @Test
    void a_put_object_is_announced_with_its_size_and_unquoted_etag() {
        Instant before = Instant.now();
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("2026/thang-12/bao cao.xlsx"),
                RequestBody.fromString("dữ liệu", StandardCharsets.UTF_8));

        ObjectCreated event = events.next();
        assertThat(event.bucket()).isEqualTo(bucket);
        assertThat(event.key()).isEqualTo("2026/thang-12/bao cao.xlsx");
        assertThat(event.size()).isEqualTo("dữ liệu".getBytes(StandardCharsets.UTF_8).length);
        assertThat(event.eTag()).isEqualTo(put.eTag().replace("\"", "")).doesNotContain("\"");
        assertThat(event.eventTime()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void listeners_run_on_the_event_thread_never_on_the_request_thread() {
        s3.putObject(b -> b.bucket(bucket).key("thread"), RequestBody.fromString("x"));
        events.next();

        assertThat(events.threads()).containsOnly("s3-events");
    }

    @Test
    void a_written_object_counts_as_pending_until_every_listener_has_had_its_event() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AutoCloseable slow = emulators.onObjectCreated(event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            s3.putObject(b -> b.bucket(bucket).key("cho.pdf"), RequestBody.fromString("x", StandardCharsets.UTF_8));
            assertThat(emulators.objectCreatedEventsPending()).as("the put has answered, a listener still holds its event").isTrue();

            release.countDown();
            events.next();
            Instant deadline = Instant.now().plusSeconds(5);
            while (emulators.objectCreatedEventsPending() && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            assertThat(emulators.objectCreatedEventsPending()).as("once every listener has returned").isFalse();
        }
    }

    @Test
    void a_copy_is_announced_under_the_destination_key() {
        s3.putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromString("12345"));
        events.next();

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket).destinationKey("copy"));

        ObjectCreated event = events.next();
        assertThat(event.key()).isEqualTo("copy");
        assertThat(event.size()).isEqualTo(5);
    }

    @Test
    void a_multipart_upload_is_announced_once_when_completed_and_its_hidden_stub_never() {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("large.zip")).uploadId();
        UploadPartResponse part = s3.uploadPart(b -> b.bucket(bucket).key("large.zip").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part one"));
        CompleteMultipartUploadResponse completed = s3.completeMultipartUpload(b -> b.bucket(bucket).key("large.zip")
                .uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag()).build())));
        // Events arrive in order: once this one is in, any event for the upload is in too.
        s3.putObject(b -> b.bucket(bucket).key("sentinel"), RequestBody.fromString(""));

        ObjectCreated event = events.next();
        assertThat(event.key()).isEqualTo("large.zip");
        assertThat(event.size()).isEqualTo("part one".length());
        assertThat(event.eTag()).isEqualTo(completed.eTag().replace("\"", ""));
        assertThat(events.next().key()).isEqualTo("sentinel");
        assertThat(events.pending()).isEmpty();
    }

    @Test
    void a_failing_listener_neither_fails_the_upload_nor_silences_the_others() throws Exception {
        AutoCloseable failing = emulators.onObjectCreated(event -> {
            throw new IllegalStateException("listener bug (expected by this test)");
        });
        try {
            s3.putObject(b -> b.bucket(bucket).key("still-stored"), RequestBody.fromString("x"));

            assertThat(events.next().key()).isEqualTo("still-stored");
        } finally {
            failing.close();
        }
    }

    @Test
    void an_unsubscribed_listener_hears_nothing_more() throws Exception {
        Events unsubscribed = new Events(bucket);
        emulators.onObjectCreated(unsubscribed).close();

        s3.putObject(b -> b.bucket(bucket).key("after-unsubscribe"), RequestBody.fromString("x"));

        assertThat(events.next().key()).isEqualTo("after-unsubscribe");
        assertThat(unsubscribed.pending()).isEmpty();
    }
}
