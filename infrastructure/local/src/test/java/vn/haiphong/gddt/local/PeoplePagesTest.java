package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * A person who reaches the system anywhere but its two pages ({@code /}, a link cut short, a typo) gets
 * a short Vietnamese page saying what to do and whom to write to, through API Gateway's $default route
 * as template.yaml declares it; a program on an API path still gets a problem.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesTest {
    private Running running;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant(), Map.of());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private HttpResponse<String> get(String method, String path) {
        return Running.send(HttpRequest.newBuilder(running.system.baseUrl().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    @ParameterizedTest(name = "{0} {1} answers {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "GET|/|200|Hệ thống nhận báo cáo định kỳ",
            "GET|/u|404|Đường liên kết thiếu mã đơn vị",
            "GET|/u/|404|Đường liên kết thiếu mã đơn vị",
            "GET|/bao-cao|404|Không có trang này",
            "GET|/office/extra|404|Không có trang này",
            "POST|/khong-co|404|Không có trang này"})
    void a_person_gets_a_vietnamese_page_saying_what_to_do_and_whom_to_write_to(String method, String path, int status,
                                                                                String title) {
        HttpResponse<String> page = get(method, path);

        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'"));
        assertThat(page.body()).contains("<html lang=\"vi\">", "<h1>" + title + "</h1>",
                "Phòng Tổ chức cán bộ — <a href=\"mailto:tccb@example.edu.vn\">",
                "Văn phòng Sở — <a href=\"mailto:van-phong@example.edu.vn\">")
                .doesNotContain("\"code\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/khong-co", "/v1", "/v1/status/extra"})
    void a_program_on_an_api_path_still_gets_a_problem(String path) {
        HttpResponse<String> answer = get("GET", path);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Running.read(answer.body()).get("code").asText()).isEqualTo("not-found");
    }

    @org.junit.jupiter.api.Test
    void a_link_cut_short_reads_as_a_page_in_chromium_on_a_phone_a_laptop_and_a_wide_screen() {
        try (Browser browser = Browser.start()) {
            browser.driver.get(running.system.baseUrl().resolve("/u/").toString());
            assertThat(browser.driver.findElement(org.openqa.selenium.By.tagName("h1")).getText())
                    .isEqualTo("Đường liên kết thiếu mã đơn vị");
            assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("a[href^='mailto:']")))
                    .extracting(a -> a.getText()).contains("tccb@example.edu.vn", "van-phong@example.edu.vn");
            for (org.openqa.selenium.Dimension size : Browser.SCREENS) {
                browser.viewport(size);
                Number width = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
                assertThat(width.intValue()).as("no sideways scrolling at %s", size).isLessThanOrEqualTo(size.getWidth());
                assertThat(browser.accessibilityViolations()).as("at %s", size).isEmpty();
            }
            browser.screenshots("people-page-link-cut-short");
        }
    }

    @org.junit.jupiter.api.Test
    void the_dashboards_address_with_a_trailing_slash_leads_to_the_dashboard() {
        HttpResponse<String> answer = get("GET", "/office/");

        assertThat(answer.statusCode()).isEqualTo(308);
        assertThat(answer.headers().firstValue("location")).hasValue("/office");
    }
}
