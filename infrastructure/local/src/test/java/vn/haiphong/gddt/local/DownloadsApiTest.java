package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.local.StatusBadRequestsTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * {@code GET /v1/submissions/{id}/file}: a presigned GET valid five minutes that gives back exactly
 * the bytes the unit sent, under the name it gave them (RFC 6266/8187, with an ASCII fallback).
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadsApiTest {
    /** Both 2026-Y obligations are open. */
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    private static final String QCDC = StatusApiTest.QCDC;
    private static final String DVCQ = StatusApiTest.DVCQ;
    private static final String NFC_NAME = "Báo cáo QCDC năm 2026 (Đợt 1).pdf";
    private static final String NFD_NAME = Normalizer.normalize(NFC_NAME, Normalizer.Form.NFD);
    /** What FileName makes of it for the storage key and the ASCII fallback. */
    private static final String ASCII_NAME = "Bao-cao-QCDC-nam-2026-Dot-1.pdf";
    private static final Pattern RFC_8187_VALUE = Pattern.compile("(?:[A-Za-z0-9!#$&+\\-.^_`|~]|%[0-9A-Fa-f]{2})+");

    private Running running;
    private String office;
    private LocalSystem.SessionUnit school;
    private byte[] qcdcFile;
    private String qcdcId;
    private byte[] dvcqFile;
    private String dvcqId;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(), Map.of());
        office = running.system.officeToken();
        school = running.units(u -> u.unit().equals("thpt-le-hong-phong")).get(0);
        qcdcFile = Running.pdf("tải về: " + NFC_NAME);
        qcdcId = running.upload(school.token(), QCDC, NFD_NAME, "application/pdf", qcdcFile);
        dvcqFile = Running.pdf("dvcq");
        dvcqId = running.upload(school.token(), DVCQ, "bc-dvcq.pdf", "application/pdf", dvcqFile);
        running.awaitSubmissions(school.token(), QCDC, 1);
        running.awaitSubmissions(school.token(), DVCQ, 1);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void the_office_gets_a_five_minute_link_to_exactly_the_bytes_the_unit_sent_under_its_vietnamese_name() {
        Instant asked = Instant.now();
        HttpResponse<String> response = link(office, qcdcId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        JsonNode link = Running.read(response.body());
        assertThat(link.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("url", "expiresAt");
        String url = link.get("url").asText();
        // The storage the functions call: the emulator, behind the runner's outage proxy.
        assertThat(url).startsWith(running.system.environmentOf("GetSubmissionFileFunction").get("AWS_ENDPOINT_URL_S3")
                        .replaceAll("/$", ""))
                .contains(running.bucket()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        // The link is signed with the storage's (wall) clock, so expiresAt is too.
        assertThat(link.get("expiresAt").asText()).endsWith("+07:00");
        Instant expiresAt = OffsetDateTime.parse(link.get("expiresAt").asText()).toInstant();
        assertThat(expiresAt).isBetween(asked.plusSeconds(299), Instant.now().plusSeconds(301));

        HttpResponse<byte[]> file = Running.sendForBytes(HttpRequest.newBuilder(URI.create(url)).GET());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(qcdcFile);

        // What the link asks storage to answer with: the name as the unit gave it, in NFC.
        Map<String, String> query = queryOf(URI.create(url));
        String disposition = query.get("response-content-disposition");
        assertThat(disposition).as("the presigned URL's response-content-disposition").isNotNull();
        assertContentDisposition(disposition);
        assertThat(query.get("response-content-type")).isEqualTo("application/pdf");
        // And what storage (S3, or S3Proxy here) does answer with.
        assertThat(file.headers().firstValue("content-disposition")).as("Content-Disposition of the GET")
                .hasValueSatisfying(DownloadsApiTest::assertContentDisposition);
        assertThat(file.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/pdf"));
    }

    private static void assertContentDisposition(String value) {
        assertThat(value).startsWith("attachment;");
        Matcher ascii = Pattern.compile("filename=\"([^\"]*)\"").matcher(value);
        assertThat(ascii.find()).as("an ASCII filename= fallback in " + value).isTrue();
        assertThat(ascii.group(1)).isEqualTo(ASCII_NAME).matches("[\\x20-\\x7E]+");
        Matcher extended = Pattern.compile("filename\\*=UTF-8''(\\S+)").matcher(value);
        assertThat(extended.find()).as("a filename*=UTF-8'' in " + value).isTrue();
        String encoded = extended.group(1).replaceAll(";$", "");
        assertThat(encoded).as("only attr-chars and %XX").matches(RFC_8187_VALUE);
        String decoded = percentDecode(encoded);
        assertThat(decoded).isEqualTo(NFC_NAME).isNotEqualTo(NFD_NAME);
        assertThat(encoded).contains("B%C3%A1o%20c%C3%A1o").contains("%C4%90%E1%BB%A3t");
    }

    @Test
    void the_status_names_the_submission_whose_file_the_link_gives() {
        HttpResponse<String> status = running.status(office, Map.of("obligation", QCDC, "unit", school.unit()));
        JsonNode latest = Running.read(status.body()).at("/obligations/0/units/0/latest");

        assertThat(latest.get("submissionId").asText()).isEqualTo(qcdcId);
        assertThat(latest.get("fileName").asText()).isEqualTo(NFC_NAME);
        JsonNode link = Running.read(link(office, latest.get("submissionId").asText()).body());
        byte[] body = Running.sendForBytes(HttpRequest.newBuilder(URI.create(link.get("url").asText())).GET()).body();
        assertThat(Running.sha256(body)).isEqualTo(latest.get("sha256").asText());
    }

    @Test
    void each_submission_of_a_unit_downloads_its_own_file() {
        LocalSystem.SessionUnit unit = running.units(u -> u.unit().equals("thpt-ngo-quyen")).get(0);
        byte[] first = Running.pdf("lần 1");
        byte[] second = Running.pdf("lần 2, sửa số liệu");
        String firstId = running.upload(unit.token(), QCDC, "bc.pdf", "application/pdf", first);
        String secondId = running.upload(unit.token(), QCDC, "bc.pdf", "application/pdf", second);
        running.awaitSubmissions(unit.token(), QCDC, 2);

        assertThat(download(firstId)).isEqualTo(first);
        assertThat(download(secondId)).isEqualTo(second);
    }

    /** A unit's refused file, recorded and moved to quarantine; its id. */
    private String refusedHtmlNamedPdf(String unitId, byte[] bytes) {
        LocalSystem.SessionUnit unit = running.units(u -> u.unit().equals(unitId)).get(0);
        String id = running.upload(unit.token(), QCDC, "gia-mao.pdf", "application/pdf", bytes);
        JsonNode recorded = running.awaitSubmissions(unit.token(), QCDC, 1);
        assertThat(recorded.at("/submissions/0/accepted").asBoolean()).isFalse();
        running.awaitEmailsMentioning(id, 1); // sent once the file has been moved to quarantine
        return id;
    }

    @Test
    void a_refused_file_is_not_served_as_a_report_but_answered_409_submission_refused_with_the_reason() {
        String id = refusedHtmlNamedPdf("mam-non-thuc-hanh", "<html>không phải PDF</html>".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = link(office, id);

        assertProblem(response, 409, "submission-refused");
        assertThat(Running.read(response.body()).get("detail").asText())
                .contains("nội dung tệp không phải là tệp PDF hợp lệ").contains("quarantined=true");
        // The status tells the dashboard which it is.
        JsonNode row = Running.read(running.status(office, Map.of("obligation", QCDC, "unit", "mam-non-thuc-hanh")).body())
                .at("/obligations/0/units/0");
        assertThat(row.at("/refused/submissionId").asText()).isEqualTo(id);
        assertThat(row.at("/refused/reason").asText()).isEqualTo("nội dung tệp không phải là tệp PDF hợp lệ");
        assertThat(row.get("latest").isNull()).isTrue();
    }

    @Test
    void asked_for_with_quarantined_true_a_refused_file_comes_as_octet_stream_attachment_named_bin() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        String id = refusedHtmlNamedPdf("trung-tam-boi-duong-nghiep-vu-giao-duc", html);

        HttpResponse<String> response = Running.send(running.officeRequest("GET",
                "/v1/submissions/" + id + "/file?quarantined=true", office, null));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        URI url = URI.create(Running.read(response.body()).get("url").asText());
        assertThat(url.getPath()).contains("/quarantine/");
        assertThat(queryOf(url).get("response-content-type")).isEqualTo("application/octet-stream");
        HttpResponse<byte[]> file = Running.sendForBytes(HttpRequest.newBuilder(url).GET());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(html);
        assertThat(file.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(file.headers().firstValue("content-disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment;").contains("filename=\"gia-mao.pdf.bin\"").endsWith(".bin"));
    }

    @Test
    void quarantined_true_on_an_accepted_file_is_query_invalid_not_the_report() {
        assertProblem(Running.send(running.officeRequest("GET", "/v1/submissions/" + qcdcId + "/file?quarantined=true",
                office, null)), 400, "query-invalid");
    }

    @Test
    void quarantined_false_is_the_report_and_any_other_value_or_parameter_is_query_invalid() {
        HttpResponse<String> normal = Running.send(running.officeRequest("GET",
                "/v1/submissions/" + qcdcId + "/file?quarantined=false", office, null));
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
        assertProblem(Running.send(running.officeRequest("GET", "/v1/submissions/" + qcdcId + "/file?quarantined=yes",
                office, null)), 400, "query-invalid");
        assertProblem(Running.send(running.officeRequest("GET", "/v1/submissions/" + qcdcId + "/file?inline=true",
                office, null)), 400, "query-invalid");
    }

    @Test
    void a_department_token_downloads_only_files_of_the_report_it_receives() {
        String tccb = running.system.officeToken("TCCB", "truong-phong");
        String vp = running.system.officeToken("VP", "chanh-van-phong");

        assertThat(link(tccb, qcdcId).statusCode()).isEqualTo(200);
        assertProblem(link(tccb, dvcqId), 403, "out-of-scope");
        assertThat(link(vp, dvcqId).statusCode()).isEqualTo(200);
        assertProblem(link(vp, qcdcId), 403, "out-of-scope");
    }

    static Stream<Arguments> wrong_ids() {
        return Stream.of(
                Arguments.of("unknown id", "0123456789abcdef0123456789abcdef"),
                Arguments.of("upper case", "0123456789ABCDEF0123456789ABCDEF"),
                Arguments.of("too short", "abc"),
                Arguments.of("too long", "a".repeat(65)),
                Arguments.of("an injection", "%27%20OR%201%3D1"),
                Arguments.of("a path", "..%2F..%2Fetc"),
                Arguments.of("unicode", "b%C3%A1o-c%C3%A1o"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong_ids")
    void an_unknown_or_malformed_id_is_not_found(String what, String rawId) {
        assertProblem(Running.send(running.officeRequest("GET", "/v1/submissions/" + rawId + "/file", office, null)),
                404, "submission-not-found");
    }

    @Test
    void a_schools_link_token_cannot_download_not_even_its_own_file() {
        assertProblem(link(school.token(), qcdcId), 403, "wrong-token-kind");
        assertProblem(link(school.token(), "0123456789abcdef0123456789abcdef"), 403, "wrong-token-kind");
    }

    @Test
    void a_request_without_a_token_is_refused() {
        assertProblem(link(null, qcdcId), 401, "token-missing");
        assertProblem(link("abc", qcdcId), 401, "token-invalid");
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> link(String token, String submissionId) {
        return Running.send(running.officeRequest("GET", "/v1/submissions/" + submissionId + "/file", token, null));
    }

    private byte[] download(String submissionId) {
        HttpResponse<String> link = link(office, submissionId);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
        HttpResponse<byte[]> file = Running.sendForBytes(HttpRequest.newBuilder(
                URI.create(Running.read(link.body()).get("url").asText())).GET());
        assertThat(file.statusCode()).isEqualTo(200);
        return file.body();
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    /** RFC 3986 percent-decoding: unlike URLDecoder, a '+' stays a '+'. */
    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return StatusApiTest.strictUtf8(out.toByteArray());
    }
}
