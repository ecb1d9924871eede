package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The presigned PUT binds no Content-Encoding, Cache-Control, Content-Disposition, Content-Language
 * or Expires, and storage (S3, and S3Proxy here) keeps whichever one a PUT adds and repeats it on
 * every GET. A file that arrives with one is therefore not what was granted: it is refused like a
 * file whose bytes lie about their type (quarantine, refusal e-mail, never counted).
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsignedObjectHeadersTest {
    private static final String QCDC = StatusApiTest.QCDC;

    private Running running;
    private String office;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant(), Map.of());
        office = running.system.officeToken();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    /** Each header a PUT can add, the unit (of five THPT schools) that sends it, and what HEAD answers it as. */
    static Stream<Arguments> unsigned_headers() {
        return Stream.of(
                Arguments.of("Content-Encoding", "gzip", 0),
                Arguments.of("Cache-Control", "public, max-age=31536000", 1),
                Arguments.of("Content-Disposition", "inline", 2),
                Arguments.of("Content-Language", "en", 3),
                Arguments.of("Expires", "Thu, 01 Jan 2099 00:00:00 GMT", 4));
    }

    /** Without this the refusals below would prove nothing: the emulator must keep what a PUT adds, as S3 does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unsigned_headers")
    void the_storage_emulator_keeps_a_header_a_put_adds_and_answers_it_on_head(String header, String value, int unused) {
        String key = "probe/" + header.toLowerCase();
        try (var s3 = running.aws().s3()) {
            s3.putObject(r -> {
                r.bucket(running.bucket()).key(key).contentType("application/pdf");
                switch (header) {
                    case "Content-Encoding" -> r.contentEncoding(value);
                    case "Cache-Control" -> r.cacheControl(value);
                    case "Content-Disposition" -> r.contentDisposition(value);
                    case "Content-Language" -> r.contentLanguage(value);
                    default -> r.expires(java.time.Instant.parse("2099-01-01T00:00:00Z"));
                }
            }, RequestBody.fromBytes(Running.pdf("probe")));
            HeadObjectResponse head = s3.headObject(r -> r.bucket(running.bucket()).key(key));
            String stored = switch (header) {
                case "Content-Encoding" -> head.contentEncoding();
                case "Cache-Control" -> head.cacheControl();
                case "Content-Disposition" -> head.contentDisposition();
                case "Content-Language" -> head.contentLanguage();
                default -> head.expiresString();
            };
            assertThat(stored).as(header + " on HEAD").isEqualTo(value);
            s3.deleteObject(r -> r.bucket(running.bucket()).key(key));
        }
    }

    /**
     * Through a presigned URL storage itself refuses another type (it is signed); a file written
     * around the grant, under the key the grant named, is refused by the recorder instead.
     */
    @Test
    void a_file_stored_under_a_granted_key_with_another_type_than_the_granted_one_is_refused() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("THPT")).get(5);
        // An OLE2 header: a real .doc's first bytes, so only the type's disagreement with the grant can refuse it.
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        HttpResponse<String> granted = running.requestUpload(unit.token(), QCDC, "bc.pdf", "application/pdf", doc);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        JsonNode grant = Running.read(granted.body());
        String id = grant.get("submissionId").asText();
        String key = URI.create(grant.get("uploadUrl").asText()).getPath().replaceFirst("^/" + running.bucket() + "/", "");
        try (var s3 = running.aws().s3()) {
            s3.putObject(r -> r.bucket(running.bucket()).key(key).contentType("application/msword"), RequestBody.fromBytes(doc));
        }
        assertThat(running.runSchedule("ReconcileSubmissionsFunction", null).statusCode()).isEqualTo(200);

        JsonNode recorded = running.awaitSubmissions(unit.token(), QCDC, 1).at("/submissions/0");
        assertThat(recorded.get("submissionId").asText()).isEqualTo(id);
        assertThat(recorded.get("accepted").asBoolean()).isFalse();
        assertThat(recorded.get("refusal").asText())
                .isEqualTo("loại tệp gửi lên (application/msword) khác với loại đã khai khi xin tải lên (application/pdf)");
        assertThat(running.awaitEmailsMentioning(id, 1)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unsigned_headers")
    void a_put_through_a_valid_url_with_an_unsigned_header_ends_refused_uncounted_and_the_unit_is_told(
            String header, String value, int which) {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("THPT")).get(which);
        byte[] file = Running.pdf("một báo cáo thật, gửi kèm " + header);
        HttpResponse<String> granted = running.requestUpload(unit.token(), QCDC, "bc.pdf", "application/pdf", file);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        JsonNode grant = Running.read(granted.body());
        String id = grant.get("submissionId").asText();

        HttpResponse<String> put = Running.put(grant, file, Map.of(header, value));

        // Storage cannot refuse it: the header is not part of the signature.
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode recorded = running.awaitSubmissions(unit.token(), QCDC, 1).at("/submissions/0");
        assertThat(recorded.get("submissionId").asText()).isEqualTo(id);
        assertThat(recorded.get("accepted").asBoolean()).isFalse();
        assertThat(recorded.get("refusal").asText()).contains("tiêu đề không có trong quyền tải lên").contains(header);
        JsonNode row = Running.read(running.status(office, Map.of("obligation", QCDC, "unit", unit.unit())).body())
                .at("/obligations/0/units/0");
        assertThat(row.get("submissions").asInt()).isZero();
        assertThat(row.has("latest") && !row.get("latest").isNull()).as("a latest file in " + row).isFalse();
        List<JsonNode> emails = running.awaitEmailsMentioning(id, 1);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).toString()).contains(header);
        assertThat(running.objectKeys("submissions/")).noneMatch(k -> k.contains(id));
        assertThat(running.objectKeys("quarantine/")).anyMatch(k -> k.contains(id));
    }
}
