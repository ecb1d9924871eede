package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** Every wrong {@code GET /v1/status} gets a problem+json with a stable code and a Vietnamese detail. */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusBadRequestsTest {
    private static final String VIETNAMESE = ".*[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ].*";

    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse(StatusApiTest.NOW).toInstant(), Map.of());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    static Stream<Arguments> bad_queries() {
        return Stream.of(
                Arguments.of("unknown period of a known report", q("obligation", "QCDC:2026-Q9"), 404, "obligation-unknown"),
                Arguments.of("unknown report in an obligation", q("obligation", "ABCD:2026-Y"), 404, "obligation-unknown"),
                Arguments.of("malformed obligation", q("obligation", "QCDC-2026"), 404, "obligation-unknown"),
                Arguments.of("empty obligation", q("obligation", ""), 404, "obligation-unknown"),
                Arguments.of("unknown report", q("report", "ABCD"), 404, "obligation-unknown"),
                Arguments.of("report in lower case", q("report", "qcdc"), 404, "obligation-unknown"),
                Arguments.of("unknown period", q("period", "2026-Q9"), 404, "obligation-unknown"),
                Arguments.of("period without its kind", q("period", "2026"), 404, "obligation-unknown"),
                Arguments.of("unknown category", q("category", "TIEU_HOC"), 400, "category-unknown"),
                Arguments.of("category in lower case", q("category", "thpt"), 400, "category-unknown"),
                Arguments.of("two categories", q("category", "THPT,PHONG_GDDT"), 400, "category-unknown"),
                Arguments.of("unknown unit", q("unit", "thpt-khong-ton-tai"), 404, "unit-not-found"),
                Arguments.of("unit id that is not a slug", q("unit", "../UNITS"), 404, "unit-not-found"),
                Arguments.of("unknown parameter", q("nam", "2026"), 400, "query-invalid"),
                Arguments.of("parameter in the wrong case", q("Year", "2026"), 400, "query-invalid"),
                Arguments.of("year of two digits", q("year", "26"), 400, "query-invalid"),
                Arguments.of("year in words", q("year", "năm nay"), 400, "query-invalid"),
                Arguments.of("year out of range", q("year", "1999"), 400, "query-invalid"),
                Arguments.of("year and period that disagree", q("year", "2025", "period", "2026-Y"), 400, "query-invalid"),
                Arguments.of("format xml", q("format", "xml"), 400, "query-invalid"),
                Arguments.of("format empty", q("format", ""), 400, "query-invalid"),
                Arguments.of("asOf in words", q("asOf", "hôm qua"), 400, "as-of-invalid"),
                Arguments.of("asOf a date only", q("asOf", "2026-12-05"), 400, "as-of-invalid"),
                Arguments.of("asOf without offset", q("asOf", "2026-12-05T00:00:00"), 400, "as-of-invalid"),
                Arguments.of("asOf with the + decoded to a space", q("asOf", "2026-12-05T00:00:00 07:00"), 400, "as-of-invalid"),
                Arguments.of("asOf before 2000", q("asOf", "1999-12-31T23:59:59+07:00"), 400, "as-of-invalid"),
                Arguments.of("asOf in year 0", q("asOf", "0000-01-01T00:00:00Z"), 400, "as-of-invalid"),
                Arguments.of("asOf the first instant there is", q("asOf", "-999999999-01-01T00:00:00+18:00"), 400, "as-of-invalid"),
                Arguments.of("asOf in the future", q("asOf", "2027-01-01T00:00:00+07:00"), 400, "as-of-in-future"),
                Arguments.of("asOf a day ahead", q("asOf", "2026-12-07T09:00:00+07:00"), 400, "as-of-in-future"));
    }

    private static Map<String, String> q(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("bad_queries")
    void a_bad_query_is_refused_with_a_problem(String what, Map<String, String> query, int status, String code) {
        assertProblem(running.status(running.system.officeToken(), query), status, code);
    }

    @ParameterizedTest(name = "{0} as CSV -> {2} {3}")
    @MethodSource("bad_queries")
    void a_bad_query_for_the_csv_is_refused_with_the_same_problem(String what, Map<String, String> query, int status, String code) {
        if (query.containsKey("format")) {
            return;
        }
        Map<String, String> csv = new LinkedHashMap<>(query);
        csv.put("format", "csv");
        assertProblem(running.status(running.system.officeToken(), csv), status, code);
    }

    @Test
    void an_unknown_parameter_is_named_in_the_detail() {
        HttpResponse<String> response = running.status(running.system.officeToken(), q("nam", "2026"));

        assertThat(Running.read(response.body()).get("detail").asText()).contains("nam");
    }

    /**
     * An obligation names its report and period; a year, report or period beside it that says
     * otherwise is as contradictory as year=2025&period=2026-Y, which is refused. Today the other
     * filter is silently dropped and the obligation is answered as if it were not there.
     */
    @Test
    void an_obligation_with_a_year_report_or_period_that_contradicts_it_is_refused() {
        String office = running.system.officeToken();

        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            for (Map<String, String> query : java.util.List.of(q("obligation", "QCDC:2026-Y", "year", "2025"),
                    q("obligation", "QCDC:2026-Y", "report", "DVCQ"), q("obligation", "QCDC:2026-Y", "period", "2025-H1"))) {
                HttpResponse<String> response = running.status(office, query);
                soft.assertThat(response.statusCode()).as(query + " answered " + (response.statusCode() == 200
                        ? StatusApiTest.obligationIds(Running.read(response.body())) : response.body())).isEqualTo(400);
                if (response.statusCode() == 400) {
                    soft.assertThat(Running.read(response.body()).get("code").asText()).isEqualTo("query-invalid");
                }
            }
        });
    }

    @Test
    void an_obligation_with_a_year_report_and_period_that_agree_is_answered() {
        HttpResponse<String> response = running.status(running.system.officeToken(),
                q("obligation", "QCDC:2026-Y", "year", "2026", "report", "QCDC", "period", "2026-Y"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StatusApiTest.obligationIds(Running.read(response.body()))).containsExactly("QCDC:2026-Y");
    }

    static Stream<Arguments> bad_tokens() {
        return Stream.of(
                Arguments.of("no token", null, 401, "token-missing"),
                Arguments.of("empty token", "", 401, "token-missing"),
                Arguments.of("garbage", "abc", 401, "token-invalid"),
                Arguments.of("four parts", "a.b.c.d", 401, "token-invalid"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("bad_tokens")
    void a_request_without_a_valid_office_token_is_refused(String what, String token, int status, String code) {
        assertProblem(running.status(token, Map.of()), status, code);
        assertProblem(running.status(token, q("format", "csv")), status, code);
    }

    @Test
    void a_schools_link_token_cannot_read_the_status() {
        LocalSystem.SessionUnit school = running.unit("THPT");

        assertProblem(running.status(school.token(), Map.of()), 403, "wrong-token-kind");
        assertProblem(running.status(school.token(), q("unit", school.unit())), 403, "wrong-token-kind");
        assertProblem(running.status(school.token(), q("format", "csv")), 403, "wrong-token-kind");
    }

    @Test
    void an_expired_unit_token_is_refused_as_expired_not_as_the_wrong_kind() {
        String expired = running.system.unitToken(running.unit("THPT").unit(), 1, running.system.clock().instant().minusSeconds(1));

        assertProblem(running.status(expired, Map.of()), 401, "token-expired");
    }

    @Test
    void a_department_token_asking_for_another_departments_report_is_out_of_scope() {
        String tccb = running.system.officeToken("TCCB", "truong-phong");

        assertProblem(running.status(tccb, q("obligation", "DVCQ:2026-Y")), 403, "out-of-scope");
        assertProblem(running.status(tccb, q("report", "DVCQ")), 403, "out-of-scope");
        assertProblem(running.status(tccb, q("report", "DVCQ", "period", "2026-Y")), 403, "out-of-scope");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        String body = response.body();
        assertThat(response.statusCode()).as(body.length() > 600 ? body.substring(0, 600) + "…" : body).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = Running.read(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("urn:hp-reports:problem:" + code);
        assertThat(problem.get("detail").asText()).matches(s -> s.toLowerCase().matches(VIETNAMESE), "is Vietnamese");
        assertThat(response.body()).doesNotContain("Exception", "at vn.", "at java.");
    }
}
