package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.local.StatusApiTest.obligation;
import static vn.haiphong.gddt.local.StatusApiTest.row;
import static vn.haiphong.gddt.local.StatusBadRequestsTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code PUT} and {@code DELETE /v1/extensions/{obligation}/{unit}}: a later deadline for one unit,
 * as the status, the unit's own page and its receipts show it, and its revocation, which leaves the
 * past as it was. The clock stands at 6/12/2026, a day after QCDC:2026-Y was due.
 */
@Order(-20)
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionsApiTest {
    private static final String QCDC = StatusApiTest.QCDC;
    private static final String DVCQ = StatusApiTest.DVCQ;
    private static final String QCDC_DUE = "2026-12-05T00:00:00+07:00";
    private static final String ACTOR = "nguyen-thi-lan";
    private static final String REASON = "Trường bị ảnh hưởng bởi bão số 3, mất điện nhiều ngày";
    /** The unit every refused request aims at; nothing may change for it. */
    private static final String TARGET = "thpt-cat-ba";

    private Emulators emulators;
    private Running running;
    private String office;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        this.emulators = emulators;
        running = Running.start(emulators, OffsetDateTime.parse(StatusApiTest.NOW).toInstant(), Map.of());
        office = running.system.officeToken("*", ACTOR);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void an_extension_reopens_the_deadline_for_one_unit_an_upload_is_then_on_time_and_revoking_it_makes_it_late() throws Exception {
        String unit = "thpt-ngo-quyen";
        String token = token(unit);
        JsonNode before = status(Map.of("obligation", QCDC));
        assertThat(row(obligation(before, QCDC), unit).get("state").asText()).isEqualTo("MISSING");
        String beforeGrant = VietnamTime.iso(running.system.clock().instant());

        HttpResponse<String> granted = put(office, QCDC, unit, body("2026-12-08", REASON));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(granted.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode extension = Running.read(granted.body());
        assertThat(extension.get("obligation").asText()).isEqualTo(QCDC);
        assertThat(extension.get("unit").asText()).isEqualTo(unit);
        assertThat(extension.get("until").asText()).as("a day means to the end of that day, Vietnam time")
                .isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(extension.get("reason").asText()).isEqualTo(REASON);
        assertThat(extension.get("grantedBy").asText()).isEqualTo(ACTOR);
        assertThat(extension.get("grantedAt").asText()).startsWith("2026-12-06T09:").endsWith("+07:00");
        assertThat(extension.get("revokedBy").isNull()).isTrue();
        assertThat(extension.get("revokedAt").isNull()).isTrue();

        // The Office's status: open again, with the unit's own deadline and the extension.
        JsonNode during = status(Map.of("obligation", QCDC));
        JsonNode r = row(obligation(during, QCDC), unit);
        assertThat(r.get("state").asText()).isEqualTo("OPEN");
        assertThat(r.get("dueForUnit").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(r.at("/extension/until").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(r.at("/extension/reason").asText()).isEqualTo(REASON);
        assertThat(r.at("/extension/grantedBy").asText()).isEqualTo(ACTOR);
        assertThat(r.at("/extension/grantedAt").asText()).isEqualTo(extension.get("grantedAt").asText());
        assertThat(obligation(during, QCDC).get("due").asText()).isEqualTo(QCDC_DUE);
        JsonNode s0 = obligation(before, QCDC).get("summary");
        JsonNode s1 = obligation(during, QCDC).get("summary");
        assertThat(s1.get("missing").asInt()).isEqualTo(s0.get("missing").asInt() - 1);
        assertThat(s1.get("notDue").asInt()).isEqualTo(s0.get("notDue").asInt() + 1);
        assertThat(s1.at("/byCategory/THPT/notDue").asInt()).isEqualTo(s0.at("/byCategory/THPT/notDue").asInt() + 1);

        // The unit's own page says the same.
        JsonNode mine = running.obligation(token, QCDC);
        assertThat(mine.get("state").asText()).isEqualTo("OPEN");
        assertThat(mine.get("due").asText()).isEqualTo(QCDC_DUE);
        assertThat(mine.get("dueForUnit").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(mine.at("/extension/until").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(mine.at("/extension/untilText").asText()).isEqualTo("đến hết ngày 8/12/2026");
        assertThat(mine.at("/extension/reason").asText()).isEqualTo(REASON);
        assertThat(mine.get("acceptsUploads").asBoolean()).isTrue();

        // The status before the grant still shows the unit missing, without the extension.
        JsonNode earlier = row(obligation(status(Map.of("obligation", QCDC, "asOf", beforeGrant)), QCDC), unit);
        assertThat(earlier.get("state").asText()).isEqualTo("MISSING");
        assertThat(earlier.get("extension").isNull()).isTrue();
        assertThat(earlier.get("dueForUnit").asText()).isEqualTo(QCDC_DUE);

        // A file now is on time, for the unit, the Office and the receipt.
        String submissionId = running.upload(token, QCDC, "bao-cao-gia-han.pdf", "application/pdf", Running.pdf("extended"));
        JsonNode sent = running.awaitSubmissions(token, QCDC, 1);
        assertThat(sent.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(sent.at("/submissions/0/onTime").asBoolean()).isTrue();
        JsonNode onTime = row(obligation(status(Map.of("obligation", QCDC)), QCDC), unit);
        assertThat(onTime.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(onTime.at("/latest/submissionId").asText()).isEqualTo(submissionId);
        assertThat(onTime.at("/extension/until").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        List<JsonNode> receipts = running.awaitEmailsMentioning(submissionId, 1);
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).at("/body/text").asText()).contains("Tình trạng: Đúng hạn");

        // An instant after the grant and the upload, before the revocation (times are to the second).
        Instant grantedAt = OffsetDateTime.parse(extension.get("grantedAt").asText()).toInstant();
        Instant receivedAt = OffsetDateTime.parse(onTime.at("/latest/receivedAt").asText()).toInstant();
        Instant between = (grantedAt.isAfter(receivedAt) ? grantedAt : receivedAt).plusSeconds(1);
        while (!running.system.clock().instant().isAfter(between.plusMillis(300))) {
            Thread.sleep(100);
        }

        HttpResponse<String> revoked = delete(office, QCDC, unit);

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        JsonNode gone = Running.read(revoked.body());
        assertThat(gone.get("until").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(gone.get("grantedAt").asText()).isEqualTo(extension.get("grantedAt").asText());
        assertThat(gone.get("revokedBy").asText()).isEqualTo(ACTOR);
        // Written to the second: the revocation came at least 300 ms after "between".
        assertThat(OffsetDateTime.parse(gone.get("revokedAt").asText()).toInstant()).isAfterOrEqualTo(between);

        JsonNode after = row(obligation(status(Map.of("obligation", QCDC)), QCDC), unit);
        assertThat(after.get("state").asText()).as("the file came after the obligation's own deadline").isEqualTo("LATE");
        assertThat(after.get("extension").isNull()).isTrue();
        assertThat(after.get("dueForUnit").asText()).isEqualTo(QCDC_DUE);
        JsonNode mineAfter = running.obligation(token, QCDC);
        assertThat(mineAfter.get("state").asText()).isEqualTo("LATE");
        assertThat(mineAfter.get("extension").isNull()).isTrue();
        assertThat(mineAfter.get("dueForUnit").asText()).isEqualTo(QCDC_DUE);
        assertThat(mineAfter.at("/submissions/0/onTime").asBoolean()).isFalse();

        // The past is told as it was: between grant and revocation the unit was on time, extended.
        JsonNode then = row(obligation(status(Map.of("obligation", QCDC, "asOf", VietnamTime.iso(between))), QCDC), unit);
        assertThat(then.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(then.at("/extension/until").asText()).isEqualTo("2026-12-09T00:00:00+07:00");
        assertThat(then.at("/extension/grantedBy").asText()).isEqualTo(ACTOR);
        assertThat(then.get("dueForUnit").asText()).isEqualTo("2026-12-09T00:00:00+07:00");

        assertProblem(delete(office, QCDC, unit), 404, "extension-not-found");
    }

    @Test
    void revoking_an_extension_of_a_unit_that_sent_nothing_makes_it_missing_again() {
        String unit = "phong-gddt-kien-an";

        HttpResponse<String> granted = put(office, QCDC, unit, body("2026-12-07T17:00:00+07:00", "Chờ số liệu của các trường"));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(Running.read(granted.body()).get("until").asText()).as("an instant is taken as it is")
                .isEqualTo("2026-12-07T17:00:00+07:00");
        JsonNode open = row(obligation(status(Map.of("obligation", QCDC)), QCDC), unit);
        assertThat(open.get("state").asText()).isEqualTo("OPEN");
        assertThat(open.get("dueForUnit").asText()).isEqualTo("2026-12-07T17:00:00+07:00");

        assertThat(delete(office, QCDC, unit).statusCode()).isEqualTo(200);

        JsonNode missing = row(obligation(status(Map.of("obligation", QCDC)), QCDC), unit);
        assertThat(missing.get("state").asText()).isEqualTo("MISSING");
        assertThat(missing.get("extension").isNull()).isTrue();
        assertThat(running.obligation(token(unit), QCDC).get("state").asText()).isEqualTo("MISSING");
    }

    @Test
    void an_extension_before_the_deadline_moves_the_units_deadline_and_a_department_may_grant_for_its_own_report() {
        String unit = "gdnn-gdtx-vinh-bao";
        String vp = running.system.officeToken("VP", "chanh-van-phong");

        HttpResponse<String> granted = put(vp, DVCQ, unit, body("2026-12-12", "Trung tâm đang sáp nhập"));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(Running.read(granted.body()).get("grantedBy").asText()).isEqualTo("chanh-van-phong");
        JsonNode r = row(obligation(status(Map.of("obligation", DVCQ)), DVCQ), unit);
        assertThat(r.get("state").asText()).isEqualTo("OPEN");
        assertThat(r.get("dueForUnit").asText()).isEqualTo("2026-12-13T00:00:00+07:00");
        assertThat(r.at("/extension/grantedBy").asText()).isEqualTo("chanh-van-phong");
        // The same department's token may not touch the other department's report.
        assertProblem(put(vp, QCDC, unit, body("2026-12-12", "x")), 403, "out-of-scope");
    }

    /**
     * PUT sets the unit's extension, DELETE removes it: after a second grant (the Office changing its
     * mind about the date) one DELETE leaves the unit with no extension, not with the first one back.
     */
    @Test
    void a_second_grant_replaces_the_first_and_one_revocation_removes_the_units_extension() {
        String unit = "thpt-hai-an";
        assertThat(put(office, QCDC, unit, body("2026-12-08", "Lần 1")).statusCode()).isEqualTo(200);
        assertThat(put(office, QCDC, unit, body("2026-12-12", "Lần 2: gia hạn thêm")).statusCode()).isEqualTo(200);
        JsonNode twice = row(obligation(status(Map.of("obligation", QCDC)), QCDC), unit);
        assertThat(twice.get("dueForUnit").asText()).isEqualTo("2026-12-13T00:00:00+07:00");
        assertThat(twice.at("/extension/reason").asText()).isEqualTo("Lần 2: gia hạn thêm");

        assertThat(delete(office, QCDC, unit).statusCode()).isEqualTo(200);

        JsonNode after = row(obligation(status(Map.of("obligation", QCDC)), QCDC), unit);
        assertThat(after.get("extension").isNull()).as("no extension after DELETE, found " + after.get("extension")).isTrue();
        assertThat(after.get("state").asText()).isEqualTo("MISSING");
        assertProblem(delete(office, QCDC, unit), 404, "extension-not-found");
    }

    /**
     * An extension past the lock instant must be usable: either the grant is refused, or the unit
     * can upload until its own deadline. Granting it and then refusing the unit's file is neither.
     */
    @Test
    void an_extension_past_the_lock_instant_either_is_refused_or_lets_the_unit_upload() throws Exception {
        // Locks a day after the deadline: 6/12/2026 00:00, before this clock's 09:00.
        try (Running locking = Running.start(emulators, OffsetDateTime.parse(StatusApiTest.NOW).toInstant(),
                Map.of("LockDaysAfterDue", "1"))) {
            LocalSystem.SessionUnit school = locking.units(u -> u.unit().equals("thpt-quang-trung")).get(0);
            HttpResponse<String> granted = Running.send(locking.officeRequest("PUT", "/v1/extensions/" + QCDC + "/" + school.unit(),
                    locking.system.officeToken(), body("2026-12-08", REASON)));

            if (granted.statusCode() != 200) {
                assertProblem(granted, 400, "extension-until-invalid");
                return;
            }
            JsonNode mine = locking.obligation(school.token(), QCDC);
            HttpResponse<String> upload = locking.requestUpload(school.token(), QCDC, "bc.pdf", "application/pdf", Running.pdf("locked"));
            org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(mine.get("state").asText()).as("/v1/me state").isEqualTo("OPEN");
                soft.assertThat(mine.get("dueForUnit").asText()).as("/v1/me dueForUnit").isEqualTo("2026-12-09T00:00:00+07:00");
                soft.assertThat(mine.get("locksAt").asText()).as("/v1/me locksAt").isEqualTo("2026-12-06T00:00:00+07:00");
                soft.assertThat(mine.get("acceptsUploads").asBoolean()).as("/v1/me acceptsUploads with an extension in force").isTrue();
                soft.assertThat(upload.statusCode()).as("POST /v1/uploads with an extension in force: " + upload.body()).isEqualTo(201);
            });
        }
    }

    // ---------------------------------------------------------------- refused requests change nothing

    static Stream<Arguments> refused() {
        String ok = body("2026-12-08", REASON);
        return Stream.of(
                Arguments.of("until before the deadline", "office", "PUT", QCDC, TARGET, body("2026-12-03", REASON), 400, "extension-until-invalid"),
                Arguments.of("until the day before the deadline (= the deadline)", "office", "PUT", QCDC, TARGET, body("2026-12-04", REASON), 400, "extension-until-invalid"),
                Arguments.of("until at the deadline instant", "office", "PUT", QCDC, TARGET, body(QCDC_DUE, REASON), 400, "extension-until-invalid"),
                Arguments.of("until the deadline in UTC", "office", "PUT", QCDC, TARGET, body("2026-12-04T17:00:00Z", REASON), 400, "extension-until-invalid"),
                Arguments.of("until in words", "office", "PUT", QCDC, TARGET, body("thứ hai tuần sau", REASON), 400, "extension-until-invalid"),
                Arguments.of("until as d/m/yyyy", "office", "PUT", QCDC, TARGET, body("08/12/2026", REASON), 400, "extension-until-invalid"),
                Arguments.of("until a day that does not exist", "office", "PUT", QCDC, TARGET, body("2026-12-32", REASON), 400, "extension-until-invalid"),
                Arguments.of("until without offset", "office", "PUT", QCDC, TARGET, body("2026-12-08T17:00:00", REASON), 400, "extension-until-invalid"),
                Arguments.of("until empty", "office", "PUT", QCDC, TARGET, body("", REASON), 400, "extension-until-invalid"),
                Arguments.of("until 9999-12-31, which would print as +10000-01-01", "office", "PUT", QCDC, TARGET, body("9999-12-31", REASON), 400, "extension-until-invalid"),
                Arguments.of("until the first day past the obligation's year + 1", "office", "PUT", QCDC, TARGET, body("2028-01-01", REASON), 400, "extension-until-invalid"),
                Arguments.of("until the last day there is", "office", "PUT", QCDC, TARGET, body("+999999999-12-31", REASON), 400, "extension-until-invalid"),
                Arguments.of("until the last instant there is", "office", "PUT", QCDC, TARGET, body("+999999999-12-31T23:59:59+07:00", REASON), 400, "extension-until-invalid"),
                Arguments.of("until a number", "office", "PUT", QCDC, TARGET, ok.replace("\"2026-12-08\"", "20261208"), 400, "body-invalid"),
                Arguments.of("until missing", "office", "PUT", QCDC, TARGET, Running.write(Map.of("reason", REASON)), 400, "body-invalid"),
                Arguments.of("reason missing", "office", "PUT", QCDC, TARGET, Running.write(Map.of("until", "2026-12-08")), 400, "body-invalid"),
                Arguments.of("reason null", "office", "PUT", QCDC, TARGET, "{\"until\":\"2026-12-08\",\"reason\":null}", 400, "body-invalid"),
                Arguments.of("reason empty", "office", "PUT", QCDC, TARGET, body("2026-12-08", ""), 400, "extension-reason-invalid"),
                Arguments.of("reason blank", "office", "PUT", QCDC, TARGET, body("2026-12-08", "  \t "), 400, "extension-reason-invalid"),
                Arguments.of("reason of 501 characters", "office", "PUT", QCDC, TARGET, body("2026-12-08", "ă".repeat(501)), 400, "extension-reason-invalid"),
                Arguments.of("unknown field", "office", "PUT", QCDC, TARGET, ok.replace("{", "{\"grantedBy\":\"giam-doc\","), 400, "body-invalid"),
                Arguments.of("duplicate field", "office", "PUT", QCDC, TARGET, ok.replace("{", "{\"until\":\"2026-12-31\","), 400, "body-invalid"),
                Arguments.of("not JSON", "office", "PUT", QCDC, TARGET, "until=2026-12-08", 400, "body-invalid"),
                Arguments.of("JSON array", "office", "PUT", QCDC, TARGET, "[" + ok + "]", 400, "body-invalid"),
                Arguments.of("no body", "office", "PUT", QCDC, TARGET, null, 400, "body-invalid"),
                Arguments.of("unknown unit", "office", "PUT", QCDC, "thpt-khong-ton-tai", ok, 404, "unit-not-found"),
                Arguments.of("a department of the Sở, which owes nothing", "office", "PUT", QCDC, "van-phong-so", ok, 403, "obligation-not-owed"),
                Arguments.of("unknown obligation", "office", "PUT", "QCDC:2026-Q9", TARGET, ok, 404, "obligation-unknown"),
                Arguments.of("unknown report", "office", "PUT", "ABCD:2026-Y", TARGET, ok, 404, "obligation-unknown"),
                Arguments.of("a school's link token", "unit", "PUT", QCDC, TARGET, ok, 403, "wrong-token-kind"),
                Arguments.of("no token", "none", "PUT", QCDC, TARGET, ok, 401, "token-missing"),
                Arguments.of("TCCB's token on DVCQ", "tccb", "PUT", DVCQ, TARGET, body("2026-12-12", REASON), 403, "out-of-scope"),
                Arguments.of("revoke: nothing to revoke", "office", "DELETE", QCDC, TARGET, null, 404, "extension-not-found"),
                Arguments.of("revoke: unknown unit", "office", "DELETE", QCDC, "thpt-khong-ton-tai", null, 404, "unit-not-found"),
                Arguments.of("revoke: a department of the Sở", "office", "DELETE", QCDC, "van-phong-so", null, 403, "obligation-not-owed"),
                Arguments.of("revoke: unknown obligation", "office", "DELETE", "QCDC:2026-Q9", TARGET, null, 404, "obligation-unknown"),
                Arguments.of("revoke: a school's link token", "unit", "DELETE", QCDC, TARGET, null, 403, "wrong-token-kind"),
                Arguments.of("revoke: no token", "none", "DELETE", QCDC, TARGET, null, 401, "token-missing"),
                Arguments.of("revoke: TCCB's token on DVCQ", "tccb", "DELETE", DVCQ, TARGET, null, 403, "out-of-scope"));
    }

    @ParameterizedTest(name = "{0} -> {6} {7}")
    @MethodSource("refused")
    void a_refused_request_is_a_problem_and_changes_nothing(String what, String tokenKind, String method, String obligation,
                                                            String unit, String body, int status, String code) {
        String token = switch (tokenKind) {
            case "office" -> office;
            case "unit" -> token(TARGET);
            case "tccb" -> running.system.officeToken("TCCB", "truong-phong");
            default -> null;
        };
        JsonNode statusBefore = status(Map.of("period", "2026-Y")).get("obligations");
        JsonNode meBefore = Running.read(running.me(token(TARGET)).body()).get("obligations");

        HttpResponse<String> response = Running.send(running.officeRequest(method, "/v1/extensions/" + obligation + "/" + unit, token, body));

        assertProblem(response, status, code);
        assertThat(status(Map.of("period", "2026-Y")).get("obligations")).isEqualTo(statusBefore);
        assertThat(Running.read(running.me(token(TARGET)).body()).get("obligations")).isEqualTo(meBefore);
    }

    @Test
    void the_unit_targeted_by_every_refused_request_has_no_extension() {
        JsonNode doc = status(Map.of("period", "2026-Y", "unit", TARGET));
        for (JsonNode o : doc.get("obligations")) {
            assertThat(o.at("/units/0/extension").isNull()).isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    static String body(String until, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("until", until);
        body.put("reason", reason);
        return Running.write(body);
    }

    private HttpResponse<String> put(String token, String obligation, String unit, String body) {
        return Running.send(running.officeRequest("PUT", "/v1/extensions/" + obligation + "/" + unit, token, body));
    }

    private HttpResponse<String> delete(String token, String obligation, String unit) {
        return Running.send(running.officeRequest("DELETE", "/v1/extensions/" + obligation + "/" + unit, token, null));
    }

    /** A status document (validated against the schema) as the all-reports office token sees it. */
    private JsonNode status(Map<String, String> query) {
        return StatusApiTest.validStatus(running, office, query);
    }

    private String token(String unit) {
        return running.units(u -> u.unit().equals(unit)).get(0).token();
    }
}
