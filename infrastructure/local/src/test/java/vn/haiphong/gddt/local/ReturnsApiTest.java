package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.local.StatusApiTest.obligation;
import static vn.haiphong.gddt.local.StatusApiTest.row;
import static vn.haiphong.gddt.local.StatusBadRequestsTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * {@code POST /v1/submissions/{id}/return}: the Office sends a unit's latest file back with a reason;
 * the file stops counting, the unit is e-mailed the reason and its link, and sends a new one. The
 * clock stands at 30/11/2026, before QCDC:2026-Y and DVCQ:2026-Y are due.
 */
@Order(-15)
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsApiTest {
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    private static final String QCDC = StatusApiTest.QCDC;
    private static final String DVCQ = StatusApiTest.DVCQ;
    private static final String QCDC_DUE = "2026-12-05T00:00:00+07:00";
    private static final String ACTOR = "nguyen-thi-lan";
    /** The unit every refused request aims at; nothing may change for it. */
    private static final String TARGET = "thpt-cat-ba";
    private static final String ALREADY_RETURNED_UNIT = "thpt-hai-an";

    private Emulators emulators;
    private Running running;
    private String office;
    /** The target's files by role: its older and newer accepted QCDC files, a refused one, a DVCQ file; another unit's returned file. */
    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        this.emulators = emulators;
        running = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(), Map.of());
        office = running.system.officeToken("*", ACTOR);
        String target = token(TARGET);
        ids.put("older", running.upload(target, QCDC, "bc-lan-1.pdf", "application/pdf", Running.pdf("older")));
        running.awaitSubmissions(target, QCDC, 1);
        ids.put("newer", running.upload(target, QCDC, "bc-lan-2.pdf", "application/pdf", Running.pdf("newer")));
        running.awaitSubmissions(target, QCDC, 2);
        ids.put("refused", running.upload(target, QCDC, "gia-mao.pdf", "application/pdf",
                "không phải PDF".getBytes(StandardCharsets.UTF_8)));
        running.awaitSubmissions(target, QCDC, 3);
        ids.put("dvcq", running.upload(target, DVCQ, "bc-dvcq.pdf", "application/pdf", Running.pdf("dvcq")));
        running.awaitSubmissions(target, DVCQ, 1);
        String other = token(ALREADY_RETURNED_UNIT);
        ids.put("returned", running.upload(other, QCDC, "bc.pdf", "application/pdf", Running.pdf("returned")));
        running.awaitSubmissions(other, QCDC, 1);
        HttpResponse<String> first = giveBack(office, ids.get("returned"), body("Sai mẫu báo cáo"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // The inspection runs beside all this; the refusals below compare pages before and after, so it must be done.
        for (String role : List.of("older", "newer", "refused")) {
            running.awaitInspected(target, QCDC, ids.get(role));
        }
        running.awaitInspected(target, DVCQ, ids.get("dvcq"));
        running.awaitInspected(other, QCDC, ids.get("returned"));
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_returned_file_stops_counting_the_unit_is_emailed_the_reason_and_its_link_and_a_new_file_counts_again() throws Exception {
        LocalSystem.SessionUnit school = school("thpt-ngo-quyen");
        String fileId = running.upload(school.token(), QCDC, "Báo cáo QCDC.pdf", "application/pdf", Running.pdf("first"));
        running.awaitSubmissions(school.token(), QCDC, 1);
        assertThat(row(obligation(status(Map.of("obligation", QCDC)), QCDC), school.unit()).get("state").asText()).isEqualTo("ON_TIME");
        // An instant after the upload and before the return, to the second.
        Instant between = running.system.clock().instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        while (!running.system.clock().instant().isAfter(between.plusMillis(300))) {
            Thread.sleep(100);
        }
        String reason = "Thiếu chữ ký và đóng dấu của Hiệu trưởng " + marker();

        HttpResponse<String> response = giveBack(office, fileId, body(reason));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode answered = Running.read(response.body());
        assertThat(answered.get("unit").asText()).isEqualTo(school.unit());
        assertThat(answered.get("state").asText()).isEqualTo("OPEN");
        assertThat(answered.get("dueForUnit").asText()).isEqualTo(QCDC_DUE);
        assertThat(answered.get("submissions").asInt()).isZero();
        assertThat(answered.get("latest").isNull()).isTrue();
        JsonNode returned = answered.get("returned");
        assertThat(returned.get("submissionId").asText()).isEqualTo(fileId);
        assertThat(returned.get("fileName").asText()).isEqualTo("Báo cáo QCDC.pdf");
        assertThat(returned.get("returnedBy").asText()).isEqualTo(ACTOR);
        assertThat(returned.get("reason").asText()).isEqualTo(reason);
        assertThat(returned.get("returnedAt").asText()).startsWith("2026-11-30T09:").endsWith("+07:00");

        // The Office's status (JSON and CSV) says the same; the status before the return does not change.
        JsonNode now = row(obligation(status(Map.of("obligation", QCDC)), QCDC), school.unit());
        assertThat(now).isEqualTo(answered);
        String csv = new String(running.statusBytes(office, Map.of("obligation", QCDC, "format", "csv")).body(), StandardCharsets.UTF_8);
        // The office token of this test was issued to ACTOR under that same name (LocalSystem.officeToken(scope, actor)).
        assertThat(csv).contains("," + fileId + "," + returned.get("returnedAt").asText() + "," + ACTOR + "," + reason + ",," + ACTOR
                + ",,\r\n");
        JsonNode then = row(obligation(status(Map.of("obligation", QCDC, "asOf", VietnamTime.iso(between))), QCDC), school.unit());
        assertThat(then.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(then.at("/latest/submissionId").asText()).isEqualTo(fileId);
        assertThat(then.get("returned").isNull()).isTrue();

        // The school's page knows why.
        JsonNode mine = running.obligation(school.token(), QCDC);
        assertThat(mine.get("state").asText()).isEqualTo("OPEN");
        assertThat(mine.get("acceptsUploads").asBoolean()).isTrue();
        assertThat(mine.at("/submissions/0/returned/reason").asText()).isEqualTo(reason);
        assertThat(mine.at("/submissions/0/returned/returnedAt").asText()).isEqualTo(returned.get("returnedAt").asText());
        assertThat(mine.at("/submissions/0/returned").has("returnedBy")).as("who returned it is for the Office").isFalse();

        // One e-mail to every address of the unit, with the reason, the file, the deadline and a link that works.
        List<JsonNode> emails = running.awaitEmailsMentioning(reason, 1);
        assertThat(emails).hasSize(1);
        JsonNode email = emails.get(0);
        assertThat(email.at("/destination/to")).extracting(JsonNode::asText).containsExactlyElementsOf(school.emails());
        assertThat(email.get("subject").asText()).isEqualTo("Sở trả lại báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026 — đề nghị nộp lại");
        String text = email.at("/body/text").asText();
        assertThat(text).contains("Lý do: " + reason, "Tệp bị trả lại: Báo cáo QCDC.pdf", "Hạn nộp: trước ngày 5/12/2026",
                "còn 4 ngày, hạn cuối là hết ngày 4/12/2026", "nộp đúng hạn");
        assertThat(email.at("/body/html").asText()).contains(reason, "Nộp lại báo cáo");
        Matcher link = Pattern.compile(Pattern.quote(running.system.baseUrl() + "/u/") + "(\\S+)").matcher(text);
        assertThat(link.find()).as("the unit's link in " + text).isTrue();
        String linkToken = link.group(1);
        HttpResponse<String> page = Running.send(HttpRequest.newBuilder(URI.create(link.group(0))).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));

        // The school sends a new file through that link: it counts, on time; the history keeps both.
        String againId = running.upload(linkToken, QCDC, "Báo cáo QCDC (đã ký).pdf", "application/pdf", Running.pdf("again"));
        JsonNode after = running.awaitSubmissions(school.token(), QCDC, 2);
        assertThat(after.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(after.get("submissions")).extracting(s -> s.get("submissionId").asText()).containsExactly(fileId, againId);
        assertThat(after.at("/submissions/1/returned").isNull()).isTrue();
        JsonNode resubmitted = row(obligation(status(Map.of("obligation", QCDC)), QCDC), school.unit());
        assertThat(resubmitted.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(resubmitted.get("submissions").asInt()).isEqualTo(1);
        assertThat(resubmitted.at("/latest/submissionId").asText()).isEqualTo(againId);
        assertThat(resubmitted.at("/returned/submissionId").asText()).as("the last return stays visible").isEqualTo(fileId);
        assertThat(running.emailsMentioning(reason)).as("still one e-mail about the return").hasSize(1);
    }

    @Test
    void a_file_returned_after_the_deadline_leaves_the_unit_missing_and_its_new_file_is_late() throws Exception {
        try (Running late = Running.start(emulators, OffsetDateTime.parse(StatusApiTest.NOW).toInstant(), Map.of())) {
            LocalSystem.SessionUnit school = late.units(u -> u.unit().equals("thpt-to-hieu")).get(0);
            String first = late.upload(school.token(), QCDC, "bc.pdf", "application/pdf", Running.pdf("late-1"));
            assertThat(late.awaitSubmissions(school.token(), QCDC, 1).get("state").asText()).isEqualTo("LATE");
            String reason = "Số liệu chưa khớp với biểu mẫu " + marker();

            HttpResponse<String> response = Running.send(late.officeRequest("POST", "/v1/submissions/" + first + "/return",
                    late.system.officeToken(), body(reason)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Running.read(response.body()).get("state").asText()).isEqualTo("MISSING");
            assertThat(late.obligation(school.token(), QCDC).get("state").asText()).isEqualTo("MISSING");
            String text = late.awaitEmailsMentioning(reason, 1).get(0).at("/body/text").asText();
            assertThat(text).contains("đã quá hạn 2 ngày", "bản nộp lại được ghi nhận là nộp muộn");

            late.upload(school.token(), QCDC, "bc-sua.pdf", "application/pdf", Running.pdf("late-2"));
            assertThat(late.awaitSubmissions(school.token(), QCDC, 2).get("state").asText()).isEqualTo("LATE");
        }
    }

    @Test
    void of_two_returns_of_the_same_file_at_the_same_moment_exactly_one_is_applied_and_one_email_sent() throws Exception {
        LocalSystem.SessionUnit school = school("thpt-le-quy-don");
        String fileId = running.upload(school.token(), QCDC, "bc.pdf", "application/pdf", Running.pdf("race"));
        running.awaitSubmissions(school.token(), QCDC, 1);
        String marker = marker();
        CyclicBarrier together = new CyclicBarrier(2);

        List<CompletableFuture<HttpResponse<String>>> both = Stream.of("Lý do A " + marker, "Lý do B " + marker)
                .map(reason -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return giveBack(office, fileId, body(reason));
                })).toList();
        List<HttpResponse<String>> answers = both.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertProblem(refused, 409, "submission-already-returned");
        String winner = Running.read(answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow().body())
                .at("/returned/reason").asText();
        assertThat(row(obligation(status(Map.of("obligation", QCDC)), QCDC), school.unit()).at("/returned/reason").asText())
                .isEqualTo(winner);
        assertThat(running.awaitEmailsMentioning(marker, 1)).hasSize(1);
        running.awaitQuiet();
        assertThat(running.emailsMentioning(marker)).as("one e-mail, with the winning reason")
                .singleElement().satisfies(e -> assertThat(e.at("/body/text").asText()).contains(winner));
    }

    // ---------------------------------------------------------------- refused requests change nothing

    static Stream<Arguments> refused() {
        String ok = body("Thiếu chữ ký");
        return Stream.of(
                Arguments.of("an unknown submission", "office", "abcdef0123456789", ok, 404, "submission-not-found"),
                Arguments.of("an id that cannot be one", "office", "KHONG-CO", ok, 404, "submission-not-found"),
                Arguments.of("no reason", "office", "newer", "{}", 400, "return-reason-invalid"),
                Arguments.of("a null reason", "office", "newer", "{\"reason\":null}", 400, "return-reason-invalid"),
                Arguments.of("an empty reason", "office", "newer", body(""), 400, "return-reason-invalid"),
                Arguments.of("a blank reason", "office", "newer", body(" \t\n "), 400, "return-reason-invalid"),
                Arguments.of("a reason of 1001 characters", "office", "newer", body("ư".repeat(1001)), 400, "return-reason-invalid"),
                Arguments.of("a reason that is a number", "office", "newer", "{\"reason\":42}", 400, "body-invalid"),
                Arguments.of("an unknown field", "office", "newer", "{\"reason\":\"x\",\"returnedBy\":\"giam-doc\"}", 400, "body-invalid"),
                Arguments.of("a duplicate field", "office", "newer", "{\"reason\":\"x\",\"reason\":\"y\"}", 400, "body-invalid"),
                Arguments.of("not JSON", "office", "newer", "reason=x", 400, "body-invalid"),
                Arguments.of("a JSON array", "office", "newer", "[" + ok + "]", 400, "body-invalid"),
                Arguments.of("no body", "office", "newer", null, 400, "body-invalid"),
                Arguments.of("a file returned already", "office", "returned", ok, 409, "submission-already-returned"),
                Arguments.of("an older file than the unit's latest", "office", "older", ok, 409, "submission-not-latest"),
                Arguments.of("a refused (quarantined) file", "office", "refused", ok, 409, "submission-not-accepted"),
                Arguments.of("a school's link token", "unit", "newer", ok, 403, "wrong-token-kind"),
                Arguments.of("no token", "none", "newer", ok, 401, "token-missing"),
                Arguments.of("TCCB's token on a DVCQ file", "tccb", "dvcq", ok, 403, "out-of-scope"));
    }

    @ParameterizedTest(name = "{0} -> {4} {5}")
    @MethodSource("refused")
    void a_refused_return_is_a_problem_and_changes_nothing(String what, String tokenKind, String file, String body,
                                                           int status, String code) {
        String token = switch (tokenKind) {
            case "office" -> office;
            case "unit" -> token(TARGET);
            case "tccb" -> running.system.officeToken("TCCB", "truong-phong");
            default -> null;
        };
        JsonNode statusBefore = status(Map.of("period", "2026-Y")).get("obligations");
        JsonNode meBefore = Running.read(running.me(token(TARGET)).body()).get("obligations");

        HttpResponse<String> response = giveBack(token, ids.getOrDefault(file, file), body);

        assertProblem(response, status, code);
        assertThat(status(Map.of("period", "2026-Y")).get("obligations")).isEqualTo(statusBefore);
        assertThat(Running.read(running.me(token(TARGET)).body()).get("obligations")).isEqualTo(meBefore);
    }

    @Test
    void the_unit_targeted_by_every_refused_request_still_counts_its_newer_file_and_was_never_emailed_about_a_return() {
        JsonNode r = row(obligation(status(Map.of("obligation", QCDC)), QCDC), TARGET);
        assertThat(r.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(r.at("/latest/submissionId").asText()).isEqualTo(ids.get("newer"));
        assertThat(r.get("returned").isNull()).isTrue();
        assertThat(running.emailsMentioning(TARGET + "@")).noneMatch(e -> e.get("subject").asText().startsWith("Sở trả lại"));
    }

    // ---------------------------------------------------------------- helpers

    static String body(String reason) {
        return Running.write(Map.of("reason", reason));
    }

    private static String marker() {
        return "(mã " + UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    private HttpResponse<String> giveBack(String token, String submissionId, String body) {
        return Running.send(running.officeRequest("POST", "/v1/submissions/" + submissionId + "/return", token, body));
    }

    /** A status document (validated against the schema) as the all-reports office token sees it. */
    private JsonNode status(Map<String, String> query) {
        return StatusApiTest.validStatus(running, office, query);
    }

    private LocalSystem.SessionUnit school(String unit) {
        return running.units(u -> u.unit().equals(unit)).get(0);
    }

    private String token(String unit) {
        return school(unit).token();
    }
}
