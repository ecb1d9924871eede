package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * Every wrong request gets a 4xx problem+json with a stable code and a Vietnamese detail, and
 * nothing is stored: no object in the bucket, no submission in the table.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadUploadRequestsTest {
    private static final Instant NOW = OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant();
    private static final String OBLIGATION = "QCDC:2026-Y";
    private static final byte[] FILE = Running.pdf("bad");
    private static final String SHA = Running.sha256(FILE);
    private static final String VIETNAMESE = ".*[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ].*";

    private Running running;
    private LocalSystem.SessionUnit school;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, NOW, Map.of("MaxUploadBytes", "1048576"));
        school = running.unit("THPT");
    }

    @AfterAll
    void nothing_was_stored_by_any_refused_request() {
        try {
            assertThat(running.objectKeys("")).isEmpty();
            assertThat(running.obligation(school.token(), OBLIGATION).get("submissions")).isEmpty();
        } finally {
            running.close();
        }
    }

    static Stream<Arguments> bad_bodies() {
        String ok = Running.uploadBody(OBLIGATION, "bc.pdf", "application/pdf", FILE.length, SHA);
        return Stream.of(
                Arguments.of("unknown obligation", body("QCDC:2026-Q9", "bc.pdf", "application/pdf", FILE.length, SHA), 404, "obligation-unknown"),
                Arguments.of("unknown report", body("ABCD:2026-Y", "bc.pdf", "application/pdf", FILE.length, SHA), 404, "obligation-unknown"),
                Arguments.of("malformed obligation", body("QCDC-2026", "bc.pdf", "application/pdf", FILE.length, SHA), 404, "obligation-unknown"),
                Arguments.of("empty file", body(OBLIGATION, "bc.pdf", "application/pdf", 0, SHA), 400, "size-invalid"),
                Arguments.of("negative size", body(OBLIGATION, "bc.pdf", "application/pdf", -5, SHA), 400, "size-invalid"),
                Arguments.of("oversized file", body(OBLIGATION, "bc.pdf", "application/pdf", 1048577, SHA), 413, "size-too-large"),
                Arguments.of("size as text", ok.replace("\"size\":" + FILE.length, "\"size\":\"59\""), 400, "size-invalid"),
                Arguments.of("size 1 followed by 5,000 zeros", ok.replace("\"size\":" + FILE.length, "\"size\":1" + "0".repeat(5000)), 400, "body-invalid"),
                Arguments.of("size beyond a 64-bit number", ok.replace("\"size\":" + FILE.length, "\"size\":" + "9".repeat(30)), 400, "size-invalid"),
                Arguments.of("size with an exponent of 5,000 digits", ok.replace("\"size\":" + FILE.length, "\"size\":1e" + "9".repeat(5000)), 400, "body-invalid"),
                Arguments.of("file name with a lone surrogate escaped", ok.replace("\"bc.pdf\"", "\"bc\\ud800.pdf\""), 400, "body-invalid"),
                Arguments.of("field name with a lone low surrogate escaped", ok.replace("{", "{\"\\udc00\":1,"), 400, "body-invalid"),
                Arguments.of("arrays nested 2,000 deep", ok.replace("\"bc.pdf\"", "[".repeat(2000) + "]".repeat(2000)), 400, "body-invalid"),
                Arguments.of("fractional size", ok.replace("\"size\":" + FILE.length, "\"size\":59.5"), 400, "size-invalid"),
                Arguments.of("missing sha256", ok.replace(",\"sha256\":\"" + SHA + "\"", ""), 400, "body-invalid"),
                Arguments.of("sha256 not base64", body(OBLIGATION, "bc.pdf", "application/pdf", FILE.length, "not base64!!"), 400, "sha256-invalid"),
                Arguments.of("sha256 of 31 bytes", body(OBLIGATION, "bc.pdf", "application/pdf", FILE.length,
                        Base64.getEncoder().encodeToString(new byte[31])), 400, "sha256-invalid"),
                Arguments.of("sha256 in hex", body(OBLIGATION, "bc.pdf", "application/pdf", FILE.length, Running.sha256Hex(FILE)), 400, "sha256-invalid"),
                Arguments.of("content type not allowed", body(OBLIGATION, "bc.exe", "application/x-msdownload", FILE.length, SHA), 415, "content-type-not-allowed"),
                Arguments.of("html", body(OBLIGATION, "bc.html", "text/html", FILE.length, SHA), 415, "content-type-not-allowed"),
                Arguments.of("extension not matching type", body(OBLIGATION, "bc.docx", "application/pdf", FILE.length, SHA), 400, "file-type-mismatch"),
                Arguments.of("empty file name", body(OBLIGATION, "", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("only dots", body(OBLIGATION, "...", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("path traversal", body(OBLIGATION, "../../etc/bc.pdf", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("backslash", body(OBLIGATION, "C:\\tmp\\bc.pdf", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("NUL", body(OBLIGATION, "bc\u0000.pdf", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("control character", body(OBLIGATION, "bc\u0007.pdf", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("1,000-character name", body(OBLIGATION, "a".repeat(996) + ".pdf", "application/pdf", FILE.length, SHA), 400, "file-name-invalid"),
                Arguments.of("JSON array", "[" + ok + "]", 400, "body-invalid"),
                Arguments.of("JSON string", "\"upload\"", 400, "body-invalid"),
                Arguments.of("not JSON", "obligation=QCDC:2026-Y", 400, "body-invalid"),
                Arguments.of("empty body", "", 400, "body-invalid"),
                Arguments.of("unknown field", ok.replace("{", "{\"unit\":\"thpt-khac\","), 400, "body-invalid"),
                Arguments.of("file name as number", ok.replace("\"bc.pdf\"", "42"), 400, "body-invalid"),
                Arguments.of("duplicate field", ok.replace("{", "{\"obligation\":\"DVCQ:2026-Y\","), 400, "body-invalid"),
                Arguments.of("trailing garbage", ok + "{}", 400, "body-invalid"),
                Arguments.of("1 MB body", ok.replace("\"bc.pdf\"", "\"" + "x".repeat(1_048_576) + ".pdf\""), 413, "body-too-large"));
    }

    private static String body(String obligation, String fileName, String contentType, long size, String sha) {
        return Running.uploadBody(obligation, fileName, contentType, size, sha);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("bad_bodies")
    void a_bad_upload_request_is_refused_with_a_problem(String what, String body, int status, String code) {
        assertProblem(running.requestUpload(school.token(), body), status, code);
    }

    static Stream<Arguments> bad_tokens() {
        return Stream.of(
                Arguments.of("no token", null, "token-missing"),
                Arguments.of("empty token", "", "token-missing"),
                Arguments.of("garbage", "abc", "token-invalid"),
                Arguments.of("four parts", "a.b.c.d", "token-invalid"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("bad_tokens")
    void a_request_without_a_valid_token_is_refused(String what, String token, String code) {
        String body = Running.uploadBody(OBLIGATION, "bc.pdf", "application/pdf", FILE.length, SHA);
        assertProblem(running.requestUpload(token, body), 401, code);
        if (token != null) {
            assertProblem(running.me(token), 401, code);
        }
    }

    @Test
    void a_token_with_a_forged_signature_is_refused() {
        String token = school.token();
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertProblem(running.me(forged), 401, "token-invalid");
    }

    @Test
    void a_token_for_another_unit_cannot_be_made_by_editing_the_payload() {
        String[] parts = school.token().split("\\.");
        String other = running.unit("PHONG_GDDT").unit();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace(school.unit(), other).getBytes());

        assertProblem(running.me(parts[0] + "." + payload + "." + parts[2]), 401, "token-invalid");
    }

    @Test
    void an_expired_link_is_refused() {
        String expired = running.system.unitToken(school.unit(), 1, running.system.clock().instant().minusSeconds(1));

        assertProblem(running.me(expired), 401, "token-expired");
    }

    @Test
    void an_office_token_cannot_upload_for_a_unit() {
        String body = Running.uploadBody(OBLIGATION, "bc.pdf", "application/pdf", FILE.length, SHA);
        assertProblem(running.requestUpload(running.system.officeToken(), body), 403, "wrong-token-kind");
    }

    @Test
    void a_token_for_a_unit_not_in_the_list_is_refused() {
        String token = running.system.unitToken("thpt-khong-ton-tai", 1, running.system.clock().instant().plusSeconds(600));

        assertProblem(running.me(token), 403, "unit-unknown");
    }

    @Test
    void a_revoked_link_stops_working_and_the_new_one_works() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("THPT")).get(1);
        assertThat(running.me(unit.token()).statusCode()).isEqualTo(200);

        // The Office revokes every earlier link of the unit by raising its token version.
        try (var dynamo = running.aws().dynamoDb()) {
            dynamo.updateItem(r -> r.tableName(running.system.physicalName("ReportsTable"))
                    .key(Map.of("PK", AttributeValue.fromS("UNITS"), "SK", AttributeValue.fromS("UNIT#" + unit.unit())))
                    .updateExpression("SET tokenVersion = :two")
                    .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
        }

        assertProblem(running.me(unit.token()), 401, "token-revoked");
        String renewed = running.system.unitToken(unit.unit(), 2, running.system.clock().instant().plusSeconds(600));
        assertThat(running.me(renewed).statusCode()).isEqualTo(200);
    }

    @Test
    void a_unit_cannot_upload_a_report_its_category_does_not_owe() {
        LocalSystem.SessionUnit department = running.unit("PHONG_SO");
        String body = Running.uploadBody(OBLIGATION, "bc.pdf", "application/pdf", FILE.length, SHA);

        assertProblem(running.requestUpload(department.token(), body), 403, "obligation-not-owed");
    }

    @Test
    void an_unknown_route_is_a_problem_too() {
        HttpResponse<String> response = Running.send(java.net.http.HttpRequest.newBuilder(
                running.system.baseUrl().resolve("/v1/nothing-here")).GET());

        assertProblem(response, 404, "not-found");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = Running.read(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).matches(s -> s.toLowerCase().matches(VIETNAMESE), "is Vietnamese");
        assertThat(response.body()).doesNotContain("Exception", "at vn.", "at java.");
    }
}
