package vn.haiphong.gddt.reports.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The objects an S3 notification names")
class StoredObjectsTest {

    @Test
    void a_notification_as_aws_sends_it_names_its_object_with_its_version_and_the_time_to_the_millisecond() {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventLoader.loadEvent("events/s3-object-created-submission.json", Map.class);

        assertThat(StoredObjects.in(event)).containsExactly(new StoredObjects.Stored(
                "submissions/2026/QCDC/2026-Y/thpt-tran-phu/0123456789abcdef0123456789abcdef/Bao-cao-QCDC-nam-2026.pdf",
                "096fKKXTRTtl3on89fVO.nfljtsv6qko", Instant.parse("2026-11-30T02:00:03.123Z")));
    }

    @Test
    void a_form_encoded_key_is_read_as_stored_and_an_unversioned_object_has_no_version() {
        Map<String, Object> event = notification(Map.of("eventTime", "2026-06-10T01:00:00Z",
                "s3", Map.of("object", Map.of("key", "submissions/B%C3%A1o+c%C3%A1o+%2B+ph%E1%BB%A5+l%E1%BB%A5c.pdf"))));

        assertThat(StoredObjects.in(event)).containsExactly(new StoredObjects.Stored(
                "submissions/Báo cáo + phụ lục.pdf", null, Instant.parse("2026-06-10T01:00:00Z")));
    }

    @Test
    void the_test_event_s3_sends_when_a_notification_is_set_up_names_no_object() {
        Map<String, Object> testEvent = Map.of("Service", "Amazon S3", "Event", "s3:TestEvent",
                "Time", "2026-12-08T01:00:00.000Z", "Bucket", "hp-reports-submissions");

        assertThat(StoredObjects.in(testEvent)).isEmpty();
    }

    @Test
    void an_event_that_is_not_an_s3_notification_is_refused_rather_than_answered_as_done() {
        @SuppressWarnings("unchecked")
        Map<String, Object> eventBridge = EventLoader.loadEvent("events/eventbridge-s3-object-created.json", Map.class);

        assertThatThrownBy(() -> StoredObjects.in(eventBridge)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredObjects.in(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredObjects.in(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_record_without_its_key_or_with_an_unreadable_time_is_refused_so_that_lambda_tries_again() {
        Map<String, Object> noKey = notification(Map.of("eventTime", "2026-06-10T01:00:00Z", "s3", Map.of("object", Map.of())));
        Map<String, Object> badTime = notification(Map.of("eventTime", "10/6/2026",
                "s3", Map.of("object", Map.of("key", "submissions/a.pdf"))));

        assertThatThrownBy(() -> StoredObjects.in(noKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredObjects.in(badTime)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> notification(Map<String, Object> record) {
        return Map.of("Records", List.of(record));
    }
}
