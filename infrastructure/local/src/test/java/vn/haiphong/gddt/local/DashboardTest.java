package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The Office's dashboard ({@code GET /office}) in headless Chromium on the local runner: the token
 * typed once, the matrix, cards and chart drawn from {@code GET /v1/status}, the search that ignores
 * diacritics, the filters, the unit's dialog (download, extension), the exports, and the token kept
 * out of every URL. The page's CSP is the real one: a violation (an inline style, say) fails the test.
 */
@Order(-70)
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    /** Five days before QCDC:2026-Y is due (trước ngày 5/12/2026): the window is open. */
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    /** A day after it: whoever sent nothing is missing. */
    private static final String AFTER_DUE = "2026-12-06T09:00:00+07:00";
    private static final String QCDC = "QCDC:2026-Y";
    /** Mid-2025: the plan's tasks 3 (Quý I-Quý III/2025) and 4 (Quý I-Quý II/2025) are open, tasks 1 and 5 overdue. */
    private static final String MID_2025 = "2025-06-20T09:00:00+07:00";
    private static final String TASK_3 = "NV03:2025-Q1-Q3";
    private static final String TASK_4 = "NV04:2025-H1";
    private static final String TRAN_PHU = "thpt-tran-phu";
    private static final String FILE_NAME = "Báo cáo QCDC năm 2026 — Trần Phú.pdf";
    /** Records Content-Security-Policy violations from the first line of every document on. */
    private static final String CSP_WATCH = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);"
            + "});";

    private Running running;
    private Running late;
    private Running midYear;
    private Browser browser;
    private ChromeDriver driver;
    private Path downloads;
    private byte[] file;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        // Live since 2025, so that the year before this one is there to choose.
        running = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(), Map.of("GoLiveDate", "2025-01-01"));
        late = Running.start(emulators, OffsetDateTime.parse(AFTER_DUE).toInstant(), Map.of());
        midYear = Running.start(emulators, OffsetDateTime.parse(MID_2025).toInstant(), Map.of());
        LocalSystem.SessionUnit tranPhu = unit(running, TRAN_PHU);
        file = Running.pdf("dashboard " + System.nanoTime());
        running.upload(tranPhu.token(), QCDC, FILE_NAME, "application/pdf", file);
        assertThat(running.awaitSubmissions(tranPhu.token(), QCDC, 1).get("state").asText()).isEqualTo("ON_TIME");

        browser = Browser.start();
        driver = browser.driver;
        downloads = Files.createTempDirectory("dashboard-downloads");
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCH));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (late != null) {
            late.close();
        }
        if (midYear != null) {
            midYear.close();
        }
        if (running != null) {
            running.close();
        }
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void noPolicyViolations() {
        Object violations = js("return window.__cspViolations");
        assertThat(violations).as("the policy watcher ran").isInstanceOf(List.class);
        assertThat((List<?>) violations).as("Content-Security-Policy violations").isEmpty();
        driver.manage().window().setSize(Browser.DESKTOP);
    }

    @Test
    void after_a_school_uploads_its_cell_reads_on_time_and_the_cards_match_the_status() {
        HttpResponse<String> page = Running.send(java.net.http.HttpRequest.newBuilder(running.system.baseUrl().resolve("/office")));
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.body()).contains("<html lang=\"vi\">").doesNotContain("<script>").doesNotContain("style=");
        openDashboard(running);

        WebElement cell = driver.findElement(cell(TRAN_PHU, QCDC));
        assertThat(cell.getText()).isEqualTo("Đúng hạn");
        assertThat(cell.getAttribute("data-state")).isEqualTo("ON_TIME");
        assertThat(cell.getAttribute("aria-label")).contains("Trường THPT Trần Phú", "Đúng hạn");
        assertThat(driver.findElement(cell("thpt-do-son", QCDC)).getText()).isEqualTo("Chưa nộp – còn hạn");
        JsonNode status = Running.read(running.status(running.system.officeToken(), Map.of("year", "2026")).body());
        assertThat(driver.findElements(By.cssSelector("#legend li"))).extracting(li -> li.getText().replaceAll("\\s+", " "))
                .as("the legend: the status document's words for every state, in its order")
                .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(status.get("states").spliterator(), false)
                        .map(st -> st.get("text").asText() + " " + st.get("meaning").asText()).toList())
                .contains("Quá hạn – chưa nộp đã quá hạn mà chưa có tệp hợp lệ", "Không phải nộp đơn vị này không phải nộp báo cáo này");
        List<WebElement> cards = driver.findElements(By.cssSelector("#cards .card"));
        assertThat(cards).extracting(c -> c.getAttribute("data-obligation"))
                .containsExactlyElementsOf(ids(status.get("obligations")));
        for (JsonNode obligation : status.get("obligations")) {
            WebElement card = driver.findElement(By.cssSelector("#cards .card[data-obligation='" + obligation.get("obligation").asText() + "']"));
            JsonNode summary = obligation.get("summary");
            for (String field : List.of("expected", "onTime", "late", "missing", "notDue", "exempt")) {
                WebElement value = card.findElement(By.cssSelector("[data-field='" + field + "']"));
                assertThat(value.getAttribute("data-value")).as(obligation.get("obligation") + " " + field)
                        .isEqualTo(summary.get(field).asText());
                assertThat(value.getText().replaceAll("\\D", "")).isEqualTo(summary.get(field).asText());
            }
            for (String field : List.of("completeness", "timeliness")) {
                WebElement value = card.findElement(By.cssSelector("[data-field='" + field + "']"));
                assertThat(Double.parseDouble(value.getAttribute("data-value"))).isEqualTo(summary.get(field).asDouble());
                assertThat(value.getText()).endsWith("%");
            }
        }
        JsonNode qcdc = obligation(status, QCDC).get("summary");
        assertThat(qcdc.get("onTime").asInt()).isEqualTo(1);
        WebElement qcdcCard = driver.findElement(By.cssSelector("#cards .card[data-obligation='" + QCDC + "']"));
        assertThat(qcdcCard.findElement(By.cssSelector("[data-field='onTime']")).getText()).isEqualTo("1");

        // The chart: one labelled SVG, bars per category, its numbers also as a table.
        WebElement chart = driver.findElement(By.cssSelector("#chart svg"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(driver.findElement(By.id("chart-svg-desc")).getAttribute("textContent"))
                .contains("Trường THPT (", "lượt phải nộp): đã nộp 0,7 %", "Trung tâm GDNN-GDTX");
        assertThat(driver.findElements(By.cssSelector("#chart svg rect.bar-complete"))).isNotEmpty();

        screenshot("dashboard-desktop");
        scrollTo(By.id("chart-title"));
        screenshot("dashboard-desktop-chart");
        scrollTo(By.id("matrix-title"));
        screenshot("dashboard-desktop-matrix");
        driver.manage().window().setSize(Browser.PHONE);
        js("window.scrollTo(0, 0)");
        screenshot("dashboard-phone");
        scrollTo(By.id("summary-title"));
        screenshot("dashboard-phone-cards");
        scrollTo(By.id("chart-title"));
        screenshot("dashboard-phone-chart");
        scrollTo(By.id("matrix-title"));
        screenshot("dashboard-phone-matrix");
        Number pageWidth = (Number) js("return document.documentElement.scrollWidth");
        assertThat(pageWidth.intValue()).as("the page itself does not scroll sideways on a phone; the matrix does")
                .isLessThanOrEqualTo(Browser.PHONE.getWidth());
    }

    @Test
    void the_search_ignores_diacritics() {
        openDashboard(running);

        search("tran phu");
        assertThat(visibleUnitNames()).containsExactly("Trường THPT Trần Phú");

        search("do son");
        assertThat(visibleUnitNames()).contains("Trường THPT Đồ Sơn", "Phòng GDĐT quận Đồ Sơn")
                .allMatch(n -> fold(n).contains("do son"));

        search("van phong so");
        assertThat(visibleUnitNames()).as("a search finds a unit folded as owing nothing").containsExactly("Văn phòng Sở");

        search("TRẦN PHÚ");
        assertThat(visibleUnitNames()).containsExactly("Trường THPT Trần Phú");

        search("không có đơn vị này");
        assertThat(visibleUnitNames()).isEmpty();
        assertThat(driver.findElement(By.id("matrix-empty")).isDisplayed()).isTrue();
    }

    @Test
    void filters_by_category_state_report_and_period_narrow_the_matrix() {
        openDashboard(running);
        int all = visibleUnitNames().size();
        long thpt = running.system.units().stream().filter(u -> u.category().equals("THPT")).count();
        long owingNothing = running.system.units().stream().filter(u -> u.category().equals("PHONG_SO")).count();
        assertThat(all).as("every unit but the Sở's departments, folded behind one line").isEqualTo(running.system.units().size() - owingNothing);

        new Select(driver.findElement(By.id("f-category"))).selectByVisibleText("Trường THPT");
        assertThat(visibleUnitNames()).hasSize((int) thpt).contains("Trường THPT Trần Phú");
        assertThat(visibleCategories()).containsExactly("THPT");
        // The cards follow the category: byCategory's counts.
        JsonNode status = Running.read(running.status(running.system.officeToken(), Map.of("year", "2026")).body());
        JsonNode thptQcdc = obligation(status, QCDC).at("/summary/byCategory/THPT");
        assertThat(driver.findElement(By.cssSelector("#cards .card[data-obligation='" + QCDC + "'] [data-field='expected']"))
                .getAttribute("data-value")).isEqualTo(thptQcdc.get("expected").asText());

        new Select(driver.findElement(By.id("f-state"))).selectByVisibleText("Đúng hạn");
        assertThat(visibleUnitNames()).containsExactly("Trường THPT Trần Phú");

        new Select(driver.findElement(By.id("f-category"))).selectByVisibleText("Tất cả");
        assertThat(visibleUnitNames()).containsExactly("Trường THPT Trần Phú");

        new Select(driver.findElement(By.id("f-state"))).selectByVisibleText("Không phải nộp");
        assertThat(visibleCategories()).containsExactly("PHONG_SO");

        new Select(driver.findElement(By.id("f-state"))).selectByVisibleText("Tất cả");
        assertThat(visibleUnitNames()).hasSize(all);

        assertThat(new Select(driver.findElement(By.id("f-period"))).getOptions()).extracting(WebElement::getText)
                .as("periods in the server's words").contains("6 tháng đầu năm 2026", "Năm 2026");
        new Select(driver.findElement(By.id("f-report"))).selectByValue("QCDC");
        assertThat(columnIds()).containsExactly("QCDC:2026-H1", QCDC);
        new Select(driver.findElement(By.id("f-period"))).selectByValue("2026-Y");
        assertThat(columnIds()).containsExactly(QCDC);
        assertThat(driver.findElements(By.cssSelector("#cards .card"))).hasSize(1);
        new Select(driver.findElement(By.id("f-report"))).selectByVisibleText("Tất cả");
        assertThat(columnIds()).containsExactly(QCDC, "DVCQ:2026-Y");

        // Another year is another status request; the report and period filters carry over when they still apply.
        new Select(driver.findElement(By.id("f-period"))).selectByVisibleText("Tất cả");
        assertThat(new Select(driver.findElement(By.id("f-year"))).getOptions()).extracting(WebElement::getText)
                .as("no year before go-live").containsExactly("2026", "2025");
        new Select(driver.findElement(By.id("f-year"))).selectByValue("2025");
        waitFor(d -> columnIds().equals(List.of("QCDC:2025-H1", "DVCQ:2025-H1", "QCDC:2025-Y", "DVCQ:2025-Y")));
        assertThat(driver.findElement(cell(TRAN_PHU, "QCDC:2025-Y")).getText()).isEqualTo("Quá hạn – chưa nộp");
    }

    @Test
    void the_dialog_downloads_the_exact_bytes_the_school_uploaded() throws Exception {
        openDashboard(running);
        clearDownloads();

        driver.findElement(cell(TRAN_PHU, QCDC)).click();
        WebElement dialog = waitFor(d -> Optional.of(d.findElement(By.id("cell-dialog"))).filter(WebElement::isDisplayed).orElse(null));
        assertThat(driver.findElement(By.id("d-title")).getText()).isEqualTo("Trường THPT Trần Phú");
        assertThat(js("return document.getElementById('cell-dialog').matches(':modal')")).isEqualTo(true);
        String nfc = Normalizer.normalize(FILE_NAME, Normalizer.Form.NFC);
        assertThat(dialog.findElement(By.cssSelector(".file-name")).getText()).isEqualTo(nfc);
        assertThat(dialog.findElement(By.cssSelector(".file-meta")).getText())
                .contains(file.length + " byte").contains("ngày 30/11/2026");
        assertThat(dialog.getText()).contains("Gửi được thư nhắc");
        screenshot("dashboard-dialog-desktop");

        dialog.findElement(By.cssSelector(".file [data-download]")).click();
        Path downloaded = awaitDownload(nfc);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(file);
        assertThat(driver.getCurrentUrl()).isEqualTo(running.system.baseUrl() + "/office");

        driver.manage().window().setSize(Browser.PHONE);
        screenshot("dashboard-dialog-phone");
        js("var d = document.getElementById('cell-dialog'); d.scrollTop = d.scrollHeight");
        screenshot("dashboard-dialog-phone-end");
        dialog.sendKeys(Keys.ESCAPE);
        waitFor(d -> !d.findElement(By.id("cell-dialog")).isDisplayed());
        assertThat(driver.switchTo().activeElement().getAttribute("data-unit")).isEqualTo(TRAN_PHU);
    }

    @Test
    void a_refused_file_in_the_dialog_says_why_and_downloads_only_as_a_bin() throws Exception {
        LocalSystem.SessionUnit ngoQuyen = unit(running, "thpt-ngo-quyen");
        byte[] html = "<html>không phải PDF</html>".getBytes(StandardCharsets.UTF_8);
        String id = running.upload(ngoQuyen.token(), QCDC, "bao-cao-sai.pdf", "application/pdf", html);
        assertThat(running.awaitSubmissions(ngoQuyen.token(), QCDC, 1).at("/submissions/0/accepted").asBoolean()).isFalse();
        running.awaitEmailsMentioning(id, 1); // sent once the file is in quarantine
        openDashboard(running);
        clearDownloads();

        driver.findElement(cell("thpt-ngo-quyen", QCDC)).click();
        WebElement dialog = waitFor(d -> Optional.of(d.findElement(By.id("cell-dialog"))).filter(WebElement::isDisplayed).orElse(null));
        WebElement refused = dialog.findElement(By.cssSelector(".file.refused"));
        assertThat(refused.findElement(By.cssSelector(".refusal")).getText())
                .isEqualTo("Tệp bị từ chối: nội dung tệp không phải là tệp PDF hợp lệ");
        WebElement download = refused.findElement(By.cssSelector("[data-download]"));
        assertThat(download.getText()).isEqualTo("Tải tệp bị từ chối (.bin)");
        assertThat(dialog.getText()).doesNotContain("Tải tệp về");

        download.click();
        assertThat(Files.readAllBytes(awaitDownload("bao-cao-sai.pdf.bin"))).isEqualTo(html);
        dialog.sendKeys(Keys.ESCAPE);
        waitFor(d -> !d.findElement(By.id("cell-dialog")).isDisplayed());
    }

    @Test
    void the_exports_save_the_csv_with_its_byte_order_mark_and_the_json() throws Exception {
        openDashboard(running);
        clearDownloads();

        driver.findElement(By.id("export-csv")).click();
        byte[] csv = Files.readAllBytes(awaitDownload("trang-thai-bao-cao-2026.csv"));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains(TRAN_PHU, "Trường THPT Trần Phú", "\r\n");
        HttpResponse<byte[]> api = running.statusBytes(running.system.officeToken(), Map.of("year", "2026", "format", "csv"));
        assertThat(text.split("\r\n")).hasSameSizeAs(new String(api.body(), StandardCharsets.UTF_8).split("\r\n"));

        driver.findElement(By.id("export-json")).click();
        JsonNode json = Running.read(Files.readString(awaitDownload("trang-thai-bao-cao-2026.json"), StandardCharsets.UTF_8));
        assertThat(ids(json.get("obligations"))).containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", QCDC, "DVCQ:2026-Y");

        // The filters shown name the export: the QCDC reports of THPT schools only.
        new Select(driver.findElement(By.id("f-report"))).selectByValue("QCDC");
        new Select(driver.findElement(By.id("f-category"))).selectByValue("THPT");
        driver.findElement(By.id("export-json")).click();
        JsonNode narrowed = Running.read(Files.readString(awaitDownload("trang-thai-bao-cao-2026-QCDC-thpt.json"), StandardCharsets.UTF_8));
        assertThat(ids(narrowed.get("obligations"))).containsExactly("QCDC:2026-H1", QCDC);
        assertThat(narrowed.at("/obligations/0/units")).allMatch(u -> u.get("category").asText().equals("THPT"));
        assertThat(driver.getCurrentUrl()).isEqualTo(running.system.baseUrl() + "/office");
    }

    @Test
    void the_dashboard_and_a_cells_dialog_have_no_accessibility_violations_on_a_phone_a_laptop_and_a_wide_screen() {
        openDashboard(running);
        try {
            for (org.openqa.selenium.Dimension size : Browser.SCREENS) {
                browser.viewport(size);
                Number width = (Number) js("return window.innerWidth");
                assertThat(width.intValue()).as("the page is laid out at the screen's width").isEqualTo(size.getWidth());
                assertThat(browser.accessibilityViolations()).as("the dashboard at %s", size).isEmpty();
                browser.screenshot("dashboard-a11y-" + size.getWidth() + "x" + size.getHeight());

                driver.findElement(cell(TRAN_PHU, QCDC)).click();
                waitFor(d -> d.findElement(By.id("cell-dialog")).isDisplayed());
                assertThat(browser.accessibilityViolations()).as("the dialog at %s", size).isEmpty();
                driver.findElement(By.id("cell-dialog")).sendKeys(Keys.ESCAPE);
                waitFor(d -> !d.findElement(By.id("cell-dialog")).isDisplayed());
            }
        } finally {
            browser.windowViewport();
        }
    }

    @Test
    void on_a_1366_by_768_laptop_ten_units_that_owe_a_report_are_in_view_after_one_page_down_under_a_header_that_sticks() {
        openDashboard(running);
        browser.viewport(Browser.LAPTOP);
        try {
            js("window.scrollTo(0, 0)");
            browser.screenshots("dashboard-signed-in");
            browser.viewport(Browser.LAPTOP);
            js("window.scrollTo(0, 0); document.activeElement.blur()");
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.PAGE_DOWN).perform();
            waitFor(d -> ((Number) js("return window.scrollY")).intValue() > 0);
            browser.settle();
            browser.screenshot("dashboard-one-page-down-1366x768");

            Number owingInView = (Number) js("var head = document.querySelector('#matrix thead').getBoundingClientRect().bottom;"
                    + "return Array.from(document.querySelectorAll('#matrix tr[data-unit]')).filter(function (tr) {"
                    + "  var r = tr.getBoundingClientRect();"
                    + "  return !tr.hidden && !tr.hasAttribute('data-owes-nothing') && r.height > 0"
                    + "    && r.top >= head - 1 && r.bottom <= window.innerHeight; }).length");
            assertThat(owingInView.intValue()).as("rows of units that owe something, whole, below the header, after one Page Down")
                    .isGreaterThanOrEqualTo(10);
            assertThat(driver.findElement(By.cssSelector("#matrix tbody.exempt-group")).getText())
                    .as("the Sở's departments owe none of these reports: one line, folded")
                    .startsWith("7 đơn vị không phải nộp báo cáo nào trong bảng (đang thu gọn).").contains("Hiện các đơn vị này");
            assertThat(visibleUnitNames()).doesNotContain("Văn phòng Sở", "Phòng Tổ chức cán bộ").hasSize(68);

            // The page scrolls, not a box inside it: further down, the header row is still at the top of the window.
            js("document.querySelectorAll('#matrix tr[data-unit]:not([hidden])')[40].scrollIntoView({block: 'center'})");
            browser.settle();
            assertThat(((Number) js("return document.querySelector('#matrix thead th').getBoundingClientRect().top")).doubleValue())
                    .as("the sticky header row").isBetween(-0.5, 0.5);
            assertThat(js("var w = document.getElementById('matrix-wrap'); return w.scrollHeight <= w.clientHeight + 1"))
                    .as("the matrix has no scroll box of its own").isEqualTo(true);
            browser.screenshot("dashboard-sticky-header-1366x768");

            WebElement toggle = driver.findElement(By.id("exempt-toggle"));
            js("arguments[0].scrollIntoView({block: 'center'})", toggle);
            toggle.click();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(visibleUnitNames()).contains("Văn phòng Sở", "Phòng Tổ chức cán bộ").hasSize(75);
            toggle.click();
            assertThat(visibleUnitNames()).hasSize(68);

            browser.viewport(Browser.WIDE);
            js("window.scrollTo(0, 0)");
            assertThat(((Number) js("return document.getElementById('matrix').getBoundingClientRect().width")).doubleValue())
                    .as("at 1920 px the matrix uses the width").isGreaterThan(1800);
            assertThat(((Number) js("var cards = Array.from(document.querySelectorAll('#cards .card'));"
                    + "return new Set(cards.map(function (c) { return c.getBoundingClientRect().top; })).size")).intValue())
                    .as("the four cards in one row").isEqualTo(1);
        } finally {
            browser.windowViewport();
        }
    }

    @Test
    void an_address_ses_could_not_deliver_to_reads_as_a_letter_that_did_not_arrive_not_as_a_return() {
        List<LocalSystem.SessionUnit> schools = running.units(u -> u.category().equals("THPT"));
        LocalSystem.SessionUnit school = schools.get(schools.size() - 1);
        HttpResponse<String> bounced = running.publish("SesFeedbackTopic",
                ReminderExactlyOnceTest.bounce(school.emails().get(0), "Permanent"));
        assertThat(bounced.statusCode()).as(bounced.body()).isEqualTo(200);

        openDashboard(running);
        driver.findElement(cell(school.unit(), QCDC)).click();
        WebElement dialog = waitFor(d -> Optional.of(d.findElement(By.id("cell-dialog"))).filter(WebElement::isDisplayed).orElse(null));

        assertThat(dialog.findElement(By.cssSelector(".contact.warn")).getText()).containsIgnoringCase("thư gửi không tới")
                .doesNotContain("trả lại");
        dialog.sendKeys(Keys.ESCAPE);
    }

    @Test
    void the_excel_button_saves_the_workbook_of_the_year_shown() throws Exception {
        openDashboard(running);
        clearDownloads();

        driver.findElement(By.id("export-xlsx")).click();

        byte[] xlsx = Files.readAllBytes(awaitDownload("trang-thai-bao-cao-2026.xlsx"));
        HttpResponse<byte[]> api = running.statusBytes(running.system.officeToken(), Map.of("year", "2026", "format", "xlsx"));
        assertThat(xlsx).startsWith('P', 'K');
        assertThat(xlsx.length).as("the same workbook as the API's, within its timestamps").isCloseTo(api.body().length,
                org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void the_zip_button_shows_progress_and_downloads_every_units_latest_file() throws Exception {
        openDashboard(running);
        clearDownloads();
        WebElement card = driver.findElement(By.cssSelector("#cards .card[data-obligation='" + QCDC + "']"));

        card.findElement(By.cssSelector("button.zip")).click();

        Path zip = waitFor(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().matches("QCDC-2026-Y_.*\\.zip")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path complete = awaitDownload(zip.getFileName().toString());
        Map<String, byte[]> entries = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(complete))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries.values()).as("Trần Phú's file, byte for byte").anyMatch(bytes -> Arrays.equals(bytes, file));
        assertThat(entries.keySet()).anyMatch(name -> name.endsWith("manifest.csv"));
        WebElement state = driver.findElement(By.cssSelector("#cards .card[data-obligation='" + QCDC + "'] .zip-state"));
        assertThat(state.getText()).startsWith("Tệp ZIP đã sẵn sàng");
        js("arguments[0].scrollIntoView({block: 'center'})", state);
        browser.screenshots("dashboard-zip-ready");
        assertThat(driver.getCurrentUrl()).as("the page stays").isEqualTo(running.system.baseUrl() + "/office");
    }

    @Test
    void the_token_stays_out_of_every_url_survives_a_reload_and_goes_with_logout() {
        String token = openDashboard(running);
        String page = running.system.baseUrl() + "/office";

        assertThat(driver.getCurrentUrl()).isEqualTo(page).doesNotContain(token);
        assertThat(driver.findElement(By.id("token")).getAttribute("value")).isEmpty();
        assertThat(js("return sessionStorage.length")).isEqualTo(1L);
        assertThat(js("return localStorage.length")).isEqualTo(0L);
        @SuppressWarnings("unchecked") List<Object> resources = (List<Object>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allMatch(url -> !url.toString().contains(token));

        driver.navigate().refresh();
        waitLoaded();
        assertThat(driver.findElement(By.id("login")).isDisplayed()).isFalse();
        assertThat(driver.findElement(cell(TRAN_PHU, QCDC)).getText()).isEqualTo("Đúng hạn");
        assertThat(driver.getCurrentUrl()).isEqualTo(page);

        driver.findElement(By.id("logout")).click();
        waitFor(d -> d.findElement(By.id("login")).isDisplayed());
        assertThat(js("return sessionStorage.length")).isEqualTo(0L);
        assertThat(driver.findElements(By.cssSelector("#matrix .cell"))).isEmpty();
        driver.navigate().refresh();
        waitFor(d -> d.findElement(By.id("login")).isDisplayed());
        assertThat(driver.findElement(By.id("app")).isDisplayed()).isFalse();

        // A wrong token is refused in words, and not kept.
        WebElement field = driver.findElement(By.cssSelector("label[for='token']"));
        assertThat(field.getText()).isEqualTo("Mã truy cập của Văn phòng");
        driver.findElement(By.id("token")).sendKeys("khong-phai-ma");
        driver.findElement(By.cssSelector("#login-form button[type='submit']")).click();
        waitFor(d -> d.findElement(By.id("login-error")).getText().contains("Mã truy cập không đúng"));
        assertThat(js("return sessionStorage.length")).isEqualTo(0L);
        screenshot("dashboard-login");
        // A school's token is not the Office's.
        driver.findElement(By.id("token")).sendKeys(unit(running, TRAN_PHU).token());
        driver.findElement(By.id("token")).sendKeys(Keys.ENTER);
        waitFor(d -> d.findElement(By.id("login-error")).getText().contains("không dùng để xem"));
        assertThat(driver.getCurrentUrl()).isEqualTo(page);
    }

    @Test
    void an_extension_granted_in_the_dialog_reopens_a_missing_unit_and_revoking_it_restores_the_state() {
        openDashboard(late);
        String unit = "thpt-do-son";
        By doSon = cell(unit, QCDC);
        assertThat(driver.findElement(doSon).getAttribute("data-state")).isEqualTo("MISSING");
        assertThat(driver.findElement(doSon).getText()).isEqualTo("Quá hạn – chưa nộp");

        // Keyboard: the cell takes focus and Enter opens the dialog.
        js("arguments[0].focus()", driver.findElement(doSon));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(d -> d.findElement(By.id("cell-dialog")).isDisplayed());
        assertThat(driver.findElement(By.id("d-title")).getText()).isEqualTo("Trường THPT Đồ Sơn");

        // The day as people write it, whatever the browser's locale; a day that does not exist is caught here.
        setDate("31/11/2026");
        driver.findElement(By.cssSelector("#d-ext-form button[type='submit']")).click();
        assertThat(driver.findElement(By.id("d-ext-error")).getText()).contains("ngày/tháng/năm, ví dụ 20/06/2025");
        // A day before the deadline is refused: the API's own words are shown.
        setDate("01/12/2026");
        driver.findElement(By.id("d-reason")).sendKeys("Trường bị ảnh hưởng bởi bão");
        driver.findElement(By.cssSelector("#d-ext-form button[type='submit']")).click();
        waitFor(d -> d.findElement(By.id("d-ext-error")).getText().contains("Thời hạn gia hạn không hợp lệ"));
        assertThat(driver.findElement(By.id("d-ext-error")).getText()).contains("trước ngày 5/12/2026");
        assertThat(driver.findElement(doSon).getAttribute("data-state")).isEqualTo("MISSING");

        setDate("10/12/2026");
        driver.findElement(By.cssSelector("#d-ext-form button[type='submit']")).click();
        waitFor(d -> "OPEN".equals(d.findElement(doSon).getAttribute("data-state")));
        assertThat(driver.findElement(doSon).getText()).startsWith("Chưa nộp – còn hạn").contains("gia hạn");
        waitFor(d -> d.findElement(By.cssSelector("#d-body .ext-now")).getText().contains("hết ngày 10/12/2026"));
        assertThat(driver.findElement(By.id("d-flash")).getText()).contains("Đã gia hạn");
        assertThat(driver.findElement(By.cssSelector("#d-body .chip")).getText()).isEqualTo("Chưa nộp – còn hạn");
        JsonNode row = unitRow(late, unit);
        assertThat(row.get("state").asText()).isEqualTo("OPEN");
        assertThat(row.at("/extension/until").asText()).isEqualTo("2026-12-11T00:00:00+07:00");
        assertThat(row.at("/extension/reason").asText()).isEqualTo("Trường bị ảnh hưởng bởi bão");
        browser.screenshots("dashboard-extension");

        driver.findElement(By.id("d-revoke")).click();
        waitFor(d -> "MISSING".equals(d.findElement(doSon).getAttribute("data-state")));
        assertThat(driver.findElement(doSon).getText()).isEqualTo("Quá hạn – chưa nộp");
        waitFor(d -> d.findElement(By.id("d-flash")).getText().contains("Đã thu hồi gia hạn"));
        assertThat(unitRow(late, unit).get("extension").isNull()).isTrue();

        driver.findElement(By.id("d-close")).click();
        waitFor(d -> !d.findElement(By.id("cell-dialog")).isDisplayed());
        assertThat(driver.switchTo().activeElement().getAttribute("data-unit")).isEqualTo(unit);
        // Arrow keys move between cells (one of them in the tab order).
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(driver.switchTo().activeElement().getAttribute("data-obligation")).isEqualTo("DVCQ:2026-Y");
        assertThat(driver.switchTo().activeElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(driver.findElements(By.cssSelector("#matrix .cell[tabindex='0']"))).hasSize(1);
    }

    @Test
    void a_file_returned_from_the_dialog_leaves_the_cell_missing_and_the_school_sees_the_reason_on_its_page() {
        String unit = "thpt-kien-an";
        LocalSystem.SessionUnit school = unit(late, unit);
        String fileId = late.upload(school.token(), QCDC, "bc-kien-an.pdf", "application/pdf", Running.pdf("returned " + System.nanoTime()));
        assertThat(late.awaitSubmissions(school.token(), QCDC, 1).get("state").asText()).isEqualTo("LATE");
        late.awaitInspected(school.token(), QCDC, fileId);
        openDashboard(late);
        By kienAn = cell(unit, QCDC);
        assertThat(driver.findElement(kienAn).getAttribute("data-state")).isEqualTo("LATE");
        assertThat(driver.findElement(kienAn).findElements(By.cssSelector(".cell-seal")))
                .as("an unsigned file's cell carries no seal; the dialog says it").isEmpty();
        driver.findElement(kienAn).click();
        waitFor(d -> d.findElement(By.id("cell-dialog")).isDisplayed());
        assertThat(driver.findElement(By.cssSelector("#d-body .seal")).getText()).isEqualTo("Chưa ký số");

        // No reason, no return; the first press only says what a return does.
        driver.findElement(By.cssSelector("#d-return-form button[type='submit']")).click();
        assertThat(driver.findElement(By.id("d-return-error")).getText()).contains("Hãy ghi lý do trả lại");
        String reason = "Thiếu chữ ký của Giám đốc, đề nghị bổ sung";
        driver.findElement(By.id("d-return-reason")).sendKeys(reason);
        driver.findElement(By.cssSelector("#d-return-form button[type='submit']")).click();
        assertThat(driver.findElement(By.id("d-return-confirm")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#d-return-form button[type='submit']")).getText()).isEqualTo("Xác nhận trả lại");
        assertThat(unitRow(late, unit).get("returned").isNull()).as("nothing sent before the confirmation").isTrue();
        screenshot("dashboard-return-confirm");
        driver.findElement(By.cssSelector("#d-return-form button[type='submit']")).click();

        waitFor(d -> "MISSING".equals(d.findElement(kienAn).getAttribute("data-state")));
        assertThat(driver.findElement(kienAn).getText()).isEqualTo("Bị trả lại – cần nộp lại");
        waitFor(d -> d.findElement(By.id("d-flash")).getText().contains("Đã trả lại tệp bc-kien-an.pdf"));
        assertThat(driver.findElement(By.cssSelector("#d-body .returned-now")).getText()).contains(reason, "Đơn vị chưa nộp lại");
        assertThat(driver.findElement(By.cssSelector("#d-body .returned-now button[data-download]")).getText())
                .as("the returned file stays in the cell's history").isEqualTo("Tải tệp đã trả lại");
        assertThat(driver.findElement(By.cssSelector("#d-body .facts")).getText()).contains("Nộp lần đầu", "(tệp đã bị trả lại)");
        assertThat(driver.findElements(By.id("d-return-form"))).as("nothing left to return").isEmpty();
        assertThat(driver.getCurrentUrl()).isEqualTo(late.system.baseUrl() + "/office");
        JsonNode row = unitRow(late, unit);
        assertThat(row.get("state").asText()).isEqualTo("MISSING");
        assertThat(row.at("/returned/reason").asText()).isEqualTo(reason);
        browser.screenshots("dashboard-returned");

        // The school's page: the file is marked returned, with the day and the reason, and a new file is asked for.
        driver.get(late.system.baseUrl() + "/u/" + school.token());
        waitFor(d -> !d.findElement(By.id("unit-name")).getText().startsWith("Đang tải"));
        WebElement card = driver.findElement(By.cssSelector("article[data-obligation='" + QCDC + "']"));
        assertThat(card.findElement(By.cssSelector(".returned-note")).getText())
                .contains("Sở đã trả lại tệp bc-kien-an.pdf — lý do: " + reason, "Đề nghị đơn vị nộp tệp mới");
        assertThat(card.findElement(By.cssSelector(".receipt")).getText())
                .contains("bị trả lại", "Bị trả lại ngày 6/12/2026 — lý do: " + reason);
        assertThat(card.findElement(By.cssSelector("input[type='file']")).isEnabled()).isTrue();
        js("arguments[0].scrollIntoView({block: 'start'})", card);
        browser.screenshots("upload-returned-after-the-office-returned-it");
    }

    @Test
    void the_tasks_section_shows_each_lead_units_state_and_task_4_turns_submitted_after_van_phong_so_uploads() {
        openDashboard(midYear);
        JsonNode status = Running.read(midYear.status(midYear.system.officeToken(), Map.of()).body());
        assertThat(driver.findElements(By.cssSelector("#tasks tbody tr"))).extracting(tr -> tr.getAttribute("data-obligation"))
                .containsExactlyInAnyOrderElementsOf(ids(status.get("tasks"))).hasSize(12);
        assertThat(driver.findElements(By.cssSelector("#tasks .task-no"))).extracting(WebElement::getText)
                .as("in the plan's order").containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(driver.findElement(By.id("tasks-title")).getText()).isEqualTo("Nhiệm vụ của Kế hoạch");

        WebElement task3 = taskRow(TASK_3);
        assertThat(task3.findElement(By.className("task-no")).getText()).isEqualTo("3");
        assertThat(task3.findElement(By.className("task-lead")).getText()).isEqualTo("Phòng Tổ chức cán bộ");
        assertThat(task3.findElement(By.className("task-frame")).getText()).isEqualTo("Quý I-Quý III/2025");
        assertThat(task3.findElement(By.className("task-due")).getText()).isEqualTo("Quý I-Quý III/2025 (hoàn thành đến hết ngày 30/9/2025)");
        assertThat(task3.findElements(By.cssSelector("button.task-unit"))).extracting(DashboardTest::oneLine)
                .containsExactly("Phòng Tổ chức cán bộ Chưa nộp – còn hạn");
        assertThat(task3.findElement(By.cssSelector("button.task-unit .chip")).getAttribute("class")).contains("s-open");
        assertThat(task3.findElement(By.className("task-total")).getText()).isEqualTo("0/1 đã nộp");
        // Its 700-odd characters: the first words in the row, the whole text one click away.
        WebElement summary = task3.findElement(By.cssSelector(".task-content summary"));
        assertThat(summary.getText()).startsWith("Triển khai thực hiện, Nghị quyết 1232/NQ-UBTVQH15").contains("…").hasSizeLessThan(170);
        summary.click();
        assertThat(summary.getText()).isEqualTo("Thu gọn");
        assertThat(task3.findElement(By.cssSelector(".task-content details p")).getText()).endsWith("giai đoạn 2023-2025.");
        assertThat(oneLine(taskRow("NV01:2025-Q1").findElement(By.cssSelector("button.task-unit")))).endsWith("Quá hạn – chưa nộp");
        assertThat(taskRow("NV02:2025-Y").findElements(By.cssSelector("button.task-unit"))).hasSizeGreaterThan(5);
        assertThat(oneLine(taskRow(TASK_4).findElement(By.cssSelector("button.task-unit")))).isEqualTo("Văn phòng Sở Chưa nộp – còn hạn");
        scrollTo(By.id("tasks-title"));
        screenshot("dashboard-tasks");

        LocalSystem.SessionUnit office = unit(midYear, "van-phong-so");
        byte[] evidence = Running.pdf("nhiệm vụ 4 " + System.nanoTime());
        midYear.upload(office.token(), TASK_4, "Kết quả Nhiệm vụ 4.pdf", "application/pdf", evidence);
        assertThat(midYear.awaitSubmissions(office.token(), TASK_4, 1).get("state").asText()).isEqualTo("ON_TIME");
        driver.findElement(By.id("reload")).click();
        waitFor(d -> taskRow(TASK_4).findElement(By.className("task-total")).getText().equals("1/1 đã nộp"));
        WebElement state = taskRow(TASK_4).findElement(By.cssSelector("button.task-unit[data-unit='van-phong-so']"));
        assertThat(oneLine(state)).isEqualTo("Văn phòng Sở Đúng hạn");
        assertThat(state.getAttribute("data-state")).isEqualTo("ON_TIME");
        assertThat(state.getAttribute("aria-label")).isEqualTo("Văn phòng Sở, Nhiệm vụ 4 · Quý I-Quý II/2025: Đúng hạn");

        // The same dialog as a matrix cell: the file, the extension, the contact.
        state.click();
        WebElement dialog = waitFor(d -> Optional.of(d.findElement(By.id("cell-dialog"))).filter(WebElement::isDisplayed).orElse(null));
        assertThat(driver.findElement(By.id("d-title")).getText()).isEqualTo("Văn phòng Sở");
        assertThat(dialog.findElement(By.id("d-ob")).getText()).isEqualTo("Nhiệm vụ 4 · Quý I-Quý II/2025");
        assertThat(dialog.findElement(By.cssSelector(".file-name")).getText()).isEqualTo("Kết quả Nhiệm vụ 4.pdf");
        assertThat(dialog.getText()).contains("Chủ trì", "Gia hạn", "Gửi được thư nhắc");
        screenshot("dashboard-task-dialog");
        dialog.sendKeys(Keys.ESCAPE);
        waitFor(d -> !d.findElement(By.id("cell-dialog")).isDisplayed());
        assertThat(driver.switchTo().activeElement().getAttribute("data-obligation")).isEqualTo(TASK_4);

        // The search and filters above still narrow the matrix only.
        search("tran phu");
        assertThat(visibleUnitNames()).containsExactly("Trường THPT Trần Phú");
        assertThat(driver.findElements(By.cssSelector("#tasks tbody tr"))).hasSize(12).allMatch(WebElement::isDisplayed);
    }

    // ------------------------------------------------------------------ helpers

    private WebElement taskRow(String obligation) {
        return driver.findElement(By.cssSelector("#tasks tr[data-obligation='" + obligation + "']"));
    }

    /** What an element says, its line breaks (a wrapped name beside its state) read as spaces. */
    private static String oneLine(WebElement element) {
        return element.getText().replaceAll("\\s+", " ").strip();
    }

    /** Opens the dashboard, typing the office token into the form when the tab does not hold it yet. */
    private String openDashboard(Running system) {
        String token = system.system.officeToken();
        driver.manage().window().setSize(Browser.DESKTOP);
        driver.get(system.system.baseUrl() + "/office");
        waitFor(d -> d.findElement(By.id("login")).isDisplayed() || d.findElement(By.id("app")).isDisplayed());
        if (driver.findElement(By.id("login")).isDisplayed()) {
            WebElement field = driver.findElement(By.id("token"));
            assertThat(field.getAttribute("type")).isEqualTo("password");
            field.sendKeys(token);
            driver.findElement(By.cssSelector("#login-form button[type='submit']")).click();
        }
        waitLoaded();
        return token;
    }

    private void waitLoaded() {
        waitFor(d -> {
            String loads = d.findElement(By.id("app")).getAttribute("data-loads");
            return loads != null && !d.findElements(By.cssSelector("#matrix button.cell")).isEmpty();
        });
    }

    private <T> T waitFor(Function<WebDriver, T> condition) {
        return browser.waiting(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static By cell(String unit, String obligation) {
        return By.cssSelector("#matrix button.cell[data-unit='" + unit + "'][data-obligation='" + obligation + "']");
    }

    private void search(String text) {
        WebElement box = driver.findElement(By.id("f-search"));
        box.clear();
        box.sendKeys(text);
        String folded = fold(text);
        // The search runs shortly after typing stops; wait until every row shown matches.
        waitFor(d -> visibleUnitNames().stream().allMatch(n -> fold(n).contains(folded)));
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleUnitNames() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#matrix tr[data-unit]'))"
                + ".filter(tr => !tr.hidden && !tr.parentNode.hidden)"
                + ".map(tr => tr.querySelector('.unit-name').textContent)");
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleCategories() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#matrix tbody[data-category]'))"
                + ".filter(t => !t.hidden).map(t => t.dataset.category)");
    }

    @SuppressWarnings("unchecked")
    private List<String> columnIds() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#matrix thead th[data-obligation]'))"
                + ".map(th => th.dataset.obligation)");
    }

    private void setDate(String day) {
        js("var i = document.getElementById('d-until'); i.value = arguments[0];"
                + "i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true}));", day);
    }

    /** Lets the page finish a resize or scroll (the chart redraws to its width) before the picture. */
    private void screenshot(String name) {
        browser.settle();
        browser.screenshot(name);
    }

    private void scrollTo(By element) {
        js("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(element));
    }

    /** As the page folds: no marks, đ as d, lower case. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replace('đ', 'd').replaceAll("\\s+", " ").strip();
    }

    private static LocalSystem.SessionUnit unit(Running system, String id) {
        return system.system.units().stream().filter(u -> u.unit().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> ids(JsonNode obligations) {
        return java.util.stream.StreamSupport.stream(obligations.spliterator(), false)
                .map(o -> o.get("obligation").asText()).toList();
    }

    private static JsonNode obligation(JsonNode status, String id) {
        for (JsonNode o : status.get("obligations")) {
            if (o.get("obligation").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no " + id);
    }

    private static JsonNode unitRow(Running system, String unit) {
        JsonNode status = Running.read(system.status(system.system.officeToken(), Map.of("obligation", QCDC, "unit", unit)).body());
        return status.at("/obligations/0/units/0");
    }

    private void clearDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    /** The file Chromium saved under this name, once complete. */
    private Path awaitDownload(String name) {
        Path target = downloads.resolve(name);
        return waitFor(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                boolean partial = files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
                return !partial && Files.isRegularFile(target) ? target : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
