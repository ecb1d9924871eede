package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * The school's upload page in a real browser (headless Chromium) on the local runner: what a
 * school sees when it opens its link, an upload through the file input with progress and receipt,
 * the checks made before anything is sent, and the Vietnamese sentence for each failure.
 */
@Order(-70)
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadPageTest {
    /** QCDC:2026-Y (trước ngày 5/12/2026) and DVCQ:2026-Y (trước ngày 10/12/2026) are open. */
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    /** The 2025 plan's tasks are listed; the H1 reports (data from 15/12/2024 to 14/6/2025) are past due. */
    private static final String MID_2025 = "2025-06-20T09:00:00+07:00";
    private static final String TASK_4 = "NV04:2025-H1";
    private static final Path PAGES = Running.ROOT.resolve("functions/src/main/resources/vn/haiphong/gddt/reports/pages");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Running running;
    private Running midYear;
    private Browser browser;
    private Path files;

    @BeforeAll
    void start(Emulators emulators) throws IOException {
        running = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(), Map.of());
        midYear = Running.start(emulators, OffsetDateTime.parse(MID_2025).toInstant(), Map.of());
        browser = Browser.start();
        files = Files.createTempDirectory("upload-page");
    }

    @AfterAll
    void stop() throws IOException {
        try {
            browser.close();
        } finally {
            running.close();
            midYear.close();
            try (Stream<Path> all = Files.walk(files)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void desktopAgain() {
        browser.driver.manage().window().setSize(Browser.DESKTOP);
    }

    // ------------------------------------------------------------------ the upload itself

    @Test
    void a_school_opens_its_link_uploads_a_pdf_and_sees_progress_then_its_receipt_without_a_reload() throws IOException {
        LocalSystem.SessionUnit school = running.unit("THPT");
        open(running, school.token());

        assertThat(text(By.id("unit-name"))).isEqualTo(school.name());
        assertThat(text(By.id("help"))).isEqualTo("Cần hỗ trợ, xin liên hệ: Phòng Tổ chức cán bộ — tccb@example.edu.vn;"
                + " Văn phòng Sở — van-phong@example.edu.vn.");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        WebElement card = card("QCDC:2026-Y");
        assertThat(card.getText())
                .contains("Báo cáo năm kết quả thực hiện quy chế dân chủ ở cơ sở", "năm 2026",
                        "trước ngày 5/12/2026", "còn 4 ngày (hạn cuối là hết ngày 4/12/2026)", "Chưa nộp – còn hạn",
                        "Chưa có lần nộp nào");
        assertThat(card("DVCQ:2026-Y").getText()).contains("trước ngày 10/12/2026", "còn 9 ngày", "Chưa nộp – còn hạn");
        assertThat(card("QCDC:2025-Y").getText()).contains("Quá hạn – chưa nộp", "đã quá hạn 361 ngày");
        // The CSS applied (served from /assets under the CSP): the header has the brand colour.
        assertThat(browser.driver.findElement(By.className("top")).getCssValue("background-color"))
                .isEqualTo("rgba(11, 79, 138, 1)");
        browser.screenshot("upload-desktop-before");
        fullPage("upload-desktop-before-page");

        byte[] pdf = realPdf("Báo cáo QCDC năm 2026", 0);
        Path file = write("Báo cáo quy chế dân chủ 2026.pdf", pdf);
        js("window.__sameDocument = 'yes';");
        choose(card, file);
        waitFor(() -> card.findElement(By.cssSelector(".chosen")).isDisplayed());
        assertThat(card.findElement(By.cssSelector(".chosen")).getText())
                .isEqualTo("Tệp đã chọn: Báo cáo quy chế dân chủ 2026.pdf (" + pdf.length + " byte)");
        recordProgress(card);
        sendButton(card).click();

        WebElement receipt = awaitReceipt(card);
        String shortSha = Running.sha256Hex(pdf).substring(0, 16);
        assertThat(receipt.getText()).contains("Báo cáo quy chế dân chủ 2026.pdf", pdf.length + " byte", shortSha,
                "Nhận lúc 09:", "ngày 30/11/2026", "đúng hạn");
        assertThat(card.findElement(By.className("badge")).getText()).isEqualTo("Đúng hạn");
        assertThat(card.getText()).as("no countdown once the report is in").doesNotContain("còn 4 ngày");
        assertThat(receipt.getAttribute("class")).doesNotContain("late");
        assertThat(card.findElement(By.className("msg")).getText())
                .contains("Hệ thống đã nhận báo cáo lúc", "nộp đúng hạn", shortSha, school.emails().get(0));
        assertThat(js("return window.__sameDocument;")).as("no reload").isEqualTo("yes");
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) js("return window.__progress;");
        assertThat(seen).as("the progress bar was shown and reached 100%").contains("Đã gửi 100%");
        // What the page showed is what the server recorded, and the receipt e-mail went out.
        JsonNode recorded = running.obligation(school.token(), "QCDC:2026-Y").get("submissions").get(0);
        assertThat(receipt.getAttribute("data-submission")).isEqualTo(recorded.get("submissionId").asText());
        assertThat(recorded.get("sha256").asText()).isEqualTo(Running.sha256(pdf));
        assertThat(recorded.get("fileName").asText()).isEqualTo("Báo cáo quy chế dân chủ 2026.pdf");
        List<JsonNode> emails = running.awaitEmailsMentioning(recorded.get("submissionId").asText(), 1);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).at("/body/text").asText()).contains(Running.sha256Hex(pdf));
        // The inspection follows within a minute; the page, still open, shows what it found without a reload.
        browser.waiting(Duration.ofSeconds(60)).until(d ->
                !card.findElements(By.cssSelector("li.receipt .seal-UNSIGNED")).isEmpty());
        assertThat(card.findElement(By.cssSelector("li.receipt .seal-UNSIGNED")).getText()).isEqualTo("Chưa ký số");

        // The token went nowhere but the page's own address (and the Authorization header, unseen here).
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertThat(requested).isNotEmpty().noneMatch(url -> url.contains(school.token()));

        scrollTo(card);
        browser.screenshot("upload-desktop-after");
        fullPage("upload-desktop-after-page");
    }

    @Test
    void on_a_phone_the_page_fits_the_screen_and_an_upload_works_the_same() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("PT_NHIEU_CAP")).get(0);
        browser.driver.manage().window().setSize(Browser.PHONE);
        open(running, school.token());
        assertThat(text(By.id("unit-name"))).isEqualTo(school.name());
        assertThat(noSidewaysScroll()).isTrue();
        browser.screenshot("upload-phone-before");
        fullPage("upload-phone-before-page");

        WebElement card = card("DVCQ:2026-Y");
        byte[] pdf = realPdf("Báo cáo dân vận chính quyền năm 2026", 0);
        choose(card, write("BC-DVCQ-2026.pdf", pdf));
        sendButton(card).click();

        WebElement receipt = awaitReceipt(card);
        assertThat(receipt.getText()).contains("BC-DVCQ-2026.pdf", Running.sha256Hex(pdf).substring(0, 16));
        assertThat(card.findElement(By.className("badge")).getText()).isEqualTo("Đúng hạn");
        assertThat(noSidewaysScroll()).isTrue();
        scrollTo(card);
        browser.screenshot("upload-phone-after");
        fullPage("upload-phone-after-page");
    }

    @Test
    void a_file_dropped_on_an_overdue_report_is_sent_and_recorded_late_two_files_at_once_are_refused() {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("PHONG_GDDT")).get(0);
        open(running, school.token());
        WebElement card = card("QCDC:2025-Y");
        assertThat(card.getText()).contains("Quá hạn – chưa nộp", "Đã quá hạn: tệp nộp bây giờ được ghi nhận là nộp muộn.");
        WebElement zone = card.findElement(By.className("zone"));

        drop(zone, List.of("a.pdf", "b.pdf"));
        assertThat(awaitError(card)).isEqualTo("Mỗi lần chỉ nộp một tệp. Hãy kéo thả từng tệp một.");

        drop(zone, List.of("Báo cáo QCDC 2025 (nộp bổ sung).pdf"));
        waitFor(() -> sendButton(card).isDisplayed());
        sendButton(card).click();
        WebElement receipt = awaitReceipt(card);
        assertThat(receipt.getText()).contains("Báo cáo QCDC 2025 (nộp bổ sung).pdf", "— muộn");
        assertThat(receipt.getAttribute("class")).as("a late receipt looks late").contains("late");
        assertThat(receipt.findElement(By.className("r-head")).getCssValue("color")).isEqualTo("rgba(122, 67, 0, 1)");
        assertThat(card.findElement(By.className("badge")).getText()).isEqualTo("Nộp muộn");
        assertThat(card.findElement(By.className("msg")).getText()).contains("nộp muộn");
        js("arguments[0].scrollIntoView({block: 'start'})", card);
        browser.screenshots("upload-late-receipt");
    }

    @Test
    void on_a_touch_screen_the_page_does_not_offer_drag_and_drop_while_with_a_mouse_it_does() {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("PHONG_GDDT")).get(3);
        open(running, school.token());
        assertThat(card("QCDC:2026-Y").findElement(By.className("drag-hint")).isDisplayed()).as("with a mouse").isTrue();

        browser.viewport(Browser.PHONE);
        browser.touchScreen(true);
        try {
            open(running, school.token());
            assertThat(js("return matchMedia('(pointer: coarse)').matches")).as("the browser is a touch screen now").isEqualTo(true);
            WebElement card = card("QCDC:2026-Y");
            assertThat(card.findElement(By.className("drag-hint")).isDisplayed()).as("on a touch screen").isFalse();
            assertThat(card.findElement(By.className("hint")).getText()).doesNotContain("kéo thả");
            js("arguments[0].scrollIntoView({block: 'start'})", card);
            browser.screenshot("upload-touch-screen-390x844");
        } finally {
            browser.touchScreen(false);
            browser.windowViewport();
        }
    }

    @Test
    void a_cancelled_upload_says_so_and_thu_lai_finishes_it_without_a_second_copy() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("PHONG_GDDT")).get(1);
        open(running, school.token());
        WebElement card = card("QCDC:2026-Y");
        choose(card, write("huy-roi-gui-lai.pdf", realPdf("hủy", 600_000)));
        try {
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            network(false, 60_000);
            sendButton(card).click();
            waitFor(() -> progressValue(card) >= 3);
            card.findElement(By.xpath(".//button[normalize-space()='Hủy tải lên']")).click();
            assertThat(awaitError(card)).isEqualTo("Đã hủy gửi tệp. Bấm “Thử lại” để gửi lại tệp này "
                    + "(trang kiểm tra trước, không nộp trùng), hoặc chọn tệp khác.");
        } finally {
            network(false, -1);
        }
        card.findElement(By.xpath(".//button[normalize-space()='Thử lại']")).click();
        assertThat(awaitReceipt(card).getText()).contains("huy-roi-gui-lai.pdf");
        assertThat(running.obligation(school.token(), "QCDC:2026-Y").get("submissions")).hasSize(1);
    }

    // ------------------------------------------------------------------ checked before sending

    @Test
    void a_file_of_the_wrong_type_is_refused_in_vietnamese_and_nothing_is_sent() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("THPT")).get(2);
        open(running, school.token());
        WebElement card = card("QCDC:2026-Y");

        choose(card, write("phan-mem.exe", new byte[] {'M', 'Z', 0, 0, 1, 2, 3}));
        assertThat(awaitError(card)).isEqualTo("Tệp “phan-mem.exe” không phải loại tệp được nhận. "
                + "Chỉ nhận tệp PDF, DOC, XLS, DOCX, XLSX, ODT hoặc ODS.");
        assertThat(sendButton(card).isDisplayed()).isFalse();

        choose(card, write("ghi-chu.txt", "Báo cáo".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> card.findElement(By.className("msg")).getText().contains("ghi-chu.txt"));
        assertThat(awaitError(card)).contains("không phải loại tệp được nhận", "Chỉ nhận tệp PDF");

        // Named .pdf but not a PDF: the storage would quarantine it; the page says so first.
        choose(card, write("gia-mao.pdf", "Đây không phải PDF".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> card.findElement(By.className("msg")).getText().contains("gia-mao.pdf"));
        assertThat(awaitError(card)).contains("có đuôi .pdf nhưng nội dung không phải tệp PDF");
        scrollTo(card);
        browser.screenshot("upload-wrong-content");

        assertNothingSent(running, school, "QCDC:2026-Y");
    }

    @Test
    void a_file_over_the_limit_is_refused_with_the_limit_in_words_and_nothing_is_sent(Emulators emulators)
            throws IOException {
        try (Running small = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(),
                Map.of("MaxUploadBytes", "2048"))) {
            LocalSystem.SessionUnit school = small.unit("THPT");
            open(small, school.token());
            assertThat(text(By.id("rules"))).contains("tối đa 2 KB mỗi tệp");
            WebElement card = card("QCDC:2026-Y");

            choose(card, write("bao-cao-lon.pdf", realPdf("lớn", 3000)));
            assertThat(awaitError(card)).startsWith("Tệp “bao-cao-lon.pdf” có dung lượng 2,9 KB, "
                    + "vượt quá dung lượng cho phép (tối đa 2 KB).");
            assertThat(sendButton(card).isDisplayed()).isFalse();
            choose(card, write("rong.pdf", new byte[0]));
            waitFor(() -> card.findElement(By.className("msg")).getText().contains("rong.pdf"));
            assertThat(awaitError(card)).contains("rỗng (0 byte)");

            assertNothingSent(small, school, "QCDC:2026-Y");

            // A file within the limit goes through on the same page.
            byte[] fits = realPdf("vừa", 2048);
            assertThat(fits).hasSize(2048);
            choose(card, write("bao-cao-vua.pdf", fits));
            sendButton(card).click();
            assertThat(awaitReceipt(card).getText()).contains("bao-cao-vua.pdf", "2 KB (2.048 byte)");
        }
    }

    @Test
    void an_extension_shows_the_plans_deadline_struck_out_the_new_one_and_the_days_left() {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("GDNN_GDTX")).get(2);
        HttpResponse<String> granted = Running.send(running.officeRequest("PUT", "/v1/extensions/QCDC:2025-Y/" + school.unit(),
                running.system.officeToken(), "{\"until\":\"2026-12-20\",\"reason\":\"Trung tâm bị ảnh hưởng bão\"}"));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);

        open(running, school.token());
        WebElement card = card("QCDC:2025-Y");
        assertThat(card.findElement(By.tagName("s")).getText()).isEqualTo("trước ngày 5/12/2025");
        assertThat(card.getText()).contains("Chưa nộp – còn hạn", "được gia hạn đến hết ngày 20/12/2026",
                "(Trung tâm bị ảnh hưởng bão)", "còn 20 ngày (hạn cuối là hết ngày 20/12/2026)");
        assertThat(card.getText()).doesNotContain("quá hạn");
    }

    // ------------------------------------------------------------------ links that no longer work

    @Test
    void an_expired_link_says_so_and_how_to_get_a_new_one() {
        LocalSystem.SessionUnit school = running.unit("THPT");
        Instant yesterday = running.system.clock().instant().minus(Duration.ofDays(1));
        open(running, running.system.unitToken(school.unit(), 1, yesterday));

        assertThat(text(By.id("unit-name"))).isEqualTo("Không mở được trang nộp báo cáo");
        assertThat(text(By.id("page-problem")))
                .contains("Đường liên kết đã hết hạn. Đề nghị liên hệ Văn phòng Sở để được cấp liên kết mới.");
        assertThat(browser.driver.findElements(By.cssSelector("article.card"))).isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#page-problem button")).getText()).isEqualTo("Tải lại trang");
    }

    @Test
    void a_garbled_link_and_a_revoked_link_say_so() {
        open(running, "khong-phai-ma-truy-cap");
        assertThat(text(By.id("page-problem"))).contains("Mã truy cập không hợp lệ");

        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("GDNN_GDTX")).get(1);
        String[] parts = school.token().split("\\.");
        open(running, parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA");
        assertThat(text(By.id("page-problem"))).contains("Mã truy cập không hợp lệ");

        // The Office revokes every earlier link of the unit by raising its token version.
        try (var dynamo = running.aws().dynamoDb()) {
            dynamo.updateItem(r -> r.tableName(running.system.physicalName("ReportsTable"))
                    .key(Map.of("PK", AttributeValue.fromS("UNITS"), "SK", AttributeValue.fromS("UNIT#" + school.unit())))
                    .updateExpression("SET tokenVersion = :two")
                    .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
        }
        open(running, school.token());
        assertThat(text(By.id("page-problem"))).contains("Đường liên kết đã bị thu hồi. Đề nghị dùng liên kết mới nhất Sở đã gửi.");
        browser.screenshot("upload-revoked-link");
    }

    // ------------------------------------------------------------------ failures while sending

    /**
     * Chromium's network emulation: the upload is throttled, then the browser goes offline while the
     * progress bar is part-way. (The emulation slows what the page sees, not always the bytes: the
     * file may have reached storage anyway, which is why "Thử lại" looks before it sends again.)
     */
    @Test
    void the_network_lost_while_sending_is_explained_and_thu_lai_checks_then_sends_it_once() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("THPT")).get(3);
        open(running, school.token());
        WebElement card = card("DVCQ:2026-Y");
        byte[] pdf = realPdf("mạng chập chờn", 600_000);
        choose(card, write("bao-cao-mang-yeu.pdf", pdf));
        try {
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            network(false, 60_000);
            sendButton(card).click();
            waitFor(() -> progressValue(card) >= 5);
            assertThat(progressValue(card)).isLessThan(100);
            assertThat(card.findElement(By.className("percent")).getText()).matches("Đã gửi \\d+%");
            scrollTo(card);
            browser.screenshot("upload-progress");
            network(true, -1);
            assertThat(awaitError(card)).isEqualTo("Mất kết nối mạng trong khi gửi tệp, hệ thống chưa xác nhận đã nhận tệp. "
                    + "Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”: trang sẽ kiểm tra và chỉ gửi lại khi cần.");
            scrollTo(card);
            browser.screenshot("upload-network-lost");
        } finally {
            network(false, -1);
        }

        card.findElement(By.xpath(".//button[normalize-space()='Thử lại']")).click();
        WebElement receipt = awaitReceipt(card);
        assertThat(receipt.getText()).contains("bao-cao-mang-yeu.pdf", Running.sha256Hex(pdf).substring(0, 16));
        assertThat(running.obligation(school.token(), "DVCQ:2026-Y").get("submissions")).as("sent once").hasSize(1);
    }

    @Test
    void a_put_the_storage_refuses_is_explained_with_its_code_and_thu_lai_sends_it_again() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("THPT")).get(4);
        open(running, school.token());
        WebElement card = card("QCDC:2026-Y");
        byte[] pdf = realPdf("kho từ chối", 0);
        choose(card, write("bao-cao.pdf", pdf));
        try {
            // Something between the browser and the storage changes a signed header: S3 refuses the PUT.
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("x-amz-meta-sha256", Base64.getEncoder().encodeToString(new byte[32]))));
            sendButton(card).click();
            assertThat(awaitError(card)).startsWith("Kho lưu trữ từ chối nhận tệp (mã lỗi: 403")
                    .endsWith("tệp chưa được nộp. Bấm “Thử lại”; nếu vẫn lỗi, hãy liên hệ Văn phòng Sở và báo mã lỗi này.");
        } finally {
            browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
        assertThat(running.obligation(school.token(), "QCDC:2026-Y").get("submissions")).isEmpty();

        card.findElement(By.xpath(".//button[normalize-space()='Thử lại']")).click();
        assertThat(awaitReceipt(card).getText()).contains("bao-cao.pdf");
    }

    @Test
    void a_refusal_from_the_api_is_shown_with_its_vietnamese_detail() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("THPT")).get(5);
        open(running, school.token());
        WebElement card = card("QCDC:2026-Y");
        // The page leaves the name's rules to the API: a 204-character name is refused there (at most 200).
        choose(card, write("b".repeat(200) + ".pdf", realPdf("tên dài", 0)));
        sendButton(card).click();

        assertThat(awaitError(card)).isEqualTo("Tên tệp không hợp lệ (trống, chỉ có dấu chấm, chứa đường dẫn hoặc ký tự "
                + "điều khiển, hoặc quá dài).");
        assertThat(running.obligation(school.token(), "QCDC:2026-Y").get("submissions")).isEmpty();
        // Another file can be chosen at once.
        assertThat(card.findElement(By.cssSelector("input[type=file]")).isEnabled()).isTrue();
        choose(card, write("ten-ngan.pdf", realPdf("tên ngắn", 0)));
        sendButton(card).click();
        assertThat(awaitReceipt(card).getText()).contains("ten-ngan.pdf");
    }

    // ------------------------------------------------------------------ keyboard, labels, weight

    @Test
    void the_file_input_and_buttons_are_reached_by_tab_every_input_has_a_label_and_enter_submits() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("TRUC_THUOC")).get(0);
        open(running, school.token());
        WebElement card = card("QCDC:2026-Y");
        WebElement input = card.findElement(By.cssSelector("input[type=file]"));

        List<WebElement> reached = tabThrough(60);
        assertThat(reached).contains(input);

        for (WebElement each : browser.driver.findElements(By.cssSelector("input, select, textarea"))) {
            String id = each.getAttribute("id");
            List<WebElement> labels = browser.driver.findElements(By.cssSelector("label[for='" + id + "']"));
            assertThat(labels).as("label for " + id).hasSize(1);
            assertThat(labels.get(0).getAttribute("textContent")).as("label text").contains("Chọn tệp báo cáo");
        }
        assertThat(card.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))
                .getAttribute("textContent")).contains("Báo cáo năm kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026");

        byte[] pdf = realPdf("bàn phím", 0);
        choose(card, write("ban-phim.pdf", pdf));
        waitFor(() -> sendButton(card).isDisplayed());
        js("arguments[0].focus();", input);
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Nộp tệp này");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        assertThat(awaitReceipt(card).getText()).contains("ban-phim.pdf");

        for (WebElement button : browser.driver.findElements(By.tagName("button"))) {
            if (button.isDisplayed()) {
                assertThat(button.getText()).as("every visible button says what it does").isNotBlank();
            }
        }
        assertThat(tabThrough(80)).as("skip link, file inputs and buttons").anyMatch(e -> e.getTagName().equals("a"));
    }

    @Test
    void the_page_and_its_own_assets_weigh_under_100_kb_load_nothing_from_elsewhere_and_run_under_the_csp() throws IOException {
        long total = 0;
        List<String> names = new ArrayList<>();
        try (Stream<Path> list = Files.list(PAGES)) {
            for (Path p : list.filter(p -> p.getFileName().toString().matches("(upload(-[a-z0-9-]+)?|common)\\.(html|js|css|svg)")).toList()) {
                names.add(p.getFileName().toString());
                total += Files.size(p);
            }
        }
        assertThat(names).contains("upload.html", "upload.js", "upload.css", "common.js");
        assertThat(total).as("bytes of " + names).isLessThan(100 * 1024);

        LocalSystem.SessionUnit school = running.unit("THPT");
        HttpResponse<String> page = Running.send(HttpRequest.newBuilder(
                running.system.baseUrl().resolve("/u/" + school.token())).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'"));
        assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        String html = page.body();
        assertThat(html).doesNotContainPattern("(?i)<script(?![^>]*\\bsrc=)")
                .doesNotContainPattern("(?i)\\sstyle=").doesNotContainPattern("(?i)<style")
                .doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
        long served = html.getBytes(StandardCharsets.UTF_8).length;
        List<String> assets = new ArrayList<>();
        while (refs.find()) {
            String ref = refs.group(1);
            assertThat(ref).matches("\\.\\./assets/(upload|common)[a-z0-9.-]*");
            if (!assets.contains(ref)) {
                assets.add(ref);
                URI uri = running.system.baseUrl().resolve("/u/" + school.token()).resolve(ref);
                HttpResponse<byte[]> asset = Running.sendForBytes(HttpRequest.newBuilder(uri).GET());
                assertThat(asset.statusCode()).as(ref).isEqualTo(200);
                served += asset.body().length;
            }
        }
        assertThat(assets).contains("../assets/upload.css", "../assets/common.js", "../assets/upload.js");
        assertThat(served).isLessThan(100 * 1024);
        // In the browser, under the policy the runner serves: nothing refused while the page loads and runs.
        open(running, school.token());
        waitFor(() -> !browser.driver.findElements(By.cssSelector("article.card")).isEmpty());
        assertThat(cspViolations()).isEmpty();
        // (and the check sees a refusal when there is one)
        js("var s = document.createElement('style'); s.textContent = 'body { color: red }'; document.head.appendChild(s);");
        assertThat(cspViolations()).isNotEmpty();

        String js = Files.readString(PAGES.resolve("upload.js"));
        assertThat(js).doesNotContain("console.", "innerHTML", "localStorage", "sessionStorage", "eval(", ".style.");
    }

    // ------------------------------------------------------------------ data windows and the plan's tasks

    @Test
    void a_school_sees_the_decree_09_data_window_under_each_2025_half_year_report() throws IOException {
        LocalSystem.SessionUnit school = midYear.unit("THPT");
        open(midYear, school.token());

        for (String obligation : List.of("QCDC:2025-H1", "DVCQ:2025-H1")) {
            WebElement window = card(obligation).findElement(By.className("window"));
            assertThat(window.getText()).isEqualTo("Số liệu tính từ 15/12/2024 đến 14/6/2025");
        }
        assertThat(card("QCDC:2025-Y").findElement(By.className("window")).getText())
                .isEqualTo("Số liệu tính từ 15/12/2024 đến 14/12/2025");
        assertThat(browser.driver.findElements(By.cssSelector("article.card .content"))).as("a school leads no task").isEmpty();
        assertThat(text(By.id("obligations-title"))).isEqualTo("Báo cáo của đơn vị");
        assertThat(cspViolations()).isEmpty();
        fullPage("upload-data-window-page");
    }

    @Test
    void van_phong_so_sees_the_tasks_it_leads_and_a_pdf_for_task_4_ends_with_a_receipt() throws IOException {
        LocalSystem.SessionUnit office = midYear.units(u -> u.unit().equals("van-phong-so")).get(0);
        open(midYear, office.token());
        assertThat(text(By.id("unit-name"))).isEqualTo("Văn phòng Sở");
        assertThat(text(By.id("obligations-title"))).isEqualTo("Nhiệm vụ đơn vị chủ trì");

        WebElement card = card(TASK_4);
        assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo("Nhiệm vụ 4");
        assertThat(card.getText()).contains("Thời gian thực hiện", "Quý I-Quý II/2025", "Chủ trì", "Văn phòng Sở",
                "Phối hợp", "Các phòng Sở, đơn vị trực thuộc Sở", "Quý I-Quý II/2025 (hoàn thành đến hết ngày 30/6/2025)",
                "Chưa nộp – còn hạn", "nắm tình hình Nhân dân");
        assertThat(card.findElements(By.className("window"))).as("a task has no data window").isEmpty();
        assertThat(card.findElements(By.className("more-text"))).as("three lines hold task 4's content on a desktop").isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("article[data-obligation^='NV03:']")))
                .as("task 3 is led by Phòng Tổ chức cán bộ").isEmpty();

        // Task 2's content is some 900 characters: three lines, and the whole of it a key press away.
        WebElement long2 = card("NV02:2025-Y");
        WebElement content = long2.findElement(By.className("content"));
        WebElement more = long2.findElement(By.className("more-text"));
        assertThat(content.getAttribute("class")).contains("clamp");
        assertThat(more.getAttribute("aria-expanded")).isEqualTo("false");
        long clamped = ((Number) js("return arguments[0].clientHeight;", content)).longValue();
        js("arguments[0].focus();", more);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        WebElement less = long2.findElement(By.className("more-text"));
        assertThat(less.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(less.getText()).isEqualTo("Thu gọn");
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(less);
        WebElement whole = long2.findElement(By.className("content"));
        assertThat(whole.getAttribute("class")).doesNotContain("clamp");
        assertThat(((Number) js("return arguments[0].clientHeight;", whole)).longValue()).isGreaterThan(2 * clamped);
        assertThat(whole.getText()).endsWith("dân thụ hưởng”.");
        // On a phone task 4's content takes more than three lines: clamped, with its own button.
        browser.driver.manage().window().setSize(Browser.PHONE);
        waitFor(() -> !card.findElements(By.className("more-text")).isEmpty());
        assertThat(card.findElement(By.className("content")).getAttribute("class")).contains("clamp");
        assertThat(noSidewaysScroll()).isTrue();
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        waitFor(() -> card.findElements(By.className("more-text")).isEmpty());

        byte[] pdf = realPdf("Ket qua nhiem vu 4 nam 2025", 0);
        choose(card, write("Kết quả Nhiệm vụ 4 — Văn phòng Sở.pdf", pdf));
        waitFor(() -> sendButton(card).isDisplayed());
        sendButton(card).click();
        WebElement receipt = awaitReceipt(card);
        assertThat(receipt.getText()).contains("Kết quả Nhiệm vụ 4 — Văn phòng Sở.pdf", Running.sha256Hex(pdf).substring(0, 16),
                "ngày 20/6/2025", "đúng hạn");
        assertThat(card.findElement(By.className("badge")).getText()).isEqualTo("Đúng hạn");
        JsonNode recorded = midYear.obligation(office.token(), TASK_4).get("submissions").get(0);
        assertThat(receipt.getAttribute("data-submission")).isEqualTo(recorded.get("submissionId").asText());
        assertThat(cspViolations()).isEmpty();
        scrollTo(card);
        browser.screenshot("upload-task-after");
        fullPage("upload-tasks-page");
    }

    @Test
    void the_school_page_has_no_accessibility_violations_on_a_phone_a_laptop_and_a_wide_screen() {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("PHONG_GDDT")).get(2);
        open(running, school.token());
        try {
            for (org.openqa.selenium.Dimension size : Browser.SCREENS) {
                browser.viewport(size);
                assertThat(browser.accessibilityViolations()).as("the school's page at %s", size).isEmpty();
                browser.screenshot("upload-a11y-" + size.getWidth() + "x" + size.getHeight());
            }
        } finally {
            browser.windowViewport();
        }
        // The check can fail: an image without a text alternative is one.
        js("var img = document.createElement('img'); img.src = '/assets/upload-icon.svg'; document.querySelector('main').appendChild(img);");
        assertThat(browser.accessibilityViolations()).anyMatch(v -> v.startsWith("image-alt"));
    }

    // ------------------------------------------------------------------ a returned file

    @Test
    void a_returned_report_reads_as_owed_again_and_the_same_file_is_sent_only_after_the_school_confirms() throws IOException {
        LocalSystem.SessionUnit school = running.units(u -> u.category().equals("TRUC_THUOC")).get(1);
        byte[] pdf = SamplePdf.of("trả lại " + System.nanoTime());
        Path file = Files.write(files.resolve("bao-cao-tra-lai.pdf"), pdf);
        String first = running.upload(school.token(), "DVCQ:2026-Y", "bao-cao-tra-lai.pdf", "application/pdf", pdf);
        running.awaitInspected(school.token(), "DVCQ:2026-Y", first);
        HttpResponse<String> returned = Running.send(running.officeRequest("POST", "/v1/submissions/" + first + "/return",
                running.system.officeToken(), "{\"reason\":\"Thiếu chữ ký của Hiệu trưởng\"}"));
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);

        open(running, school.token());
        WebElement card = card("DVCQ:2026-Y");
        WebElement badge = card.findElement(By.cssSelector(".state .badge"));
        assertThat(badge.getText()).isEqualTo("Bị trả lại – cần nộp lại");
        assertThat(card.getAttribute("class")).contains("st-late");
        assertThat(card.findElement(By.cssSelector(".returned-note")).getText()).contains("Thiếu chữ ký của Hiệu trưởng");
        js("arguments[0].scrollIntoView({block: 'start'})", card);
        browser.screenshots("upload-returned");

        choose(card, file);
        sendButton(card).click();
        browser.waiting(WAIT).until(d -> card.findElement(By.className("msg")).getAttribute("class").contains("warn"));
        assertThat(card.findElement(By.className("msg")).getText())
                .contains("giống hệt tệp “bao-cao-tra-lai.pdf” Sở đã trả lại", "Thiếu chữ ký của Hiệu trưởng");
        assertThat(running.obligation(school.token(), "DVCQ:2026-Y").get("submissions")).as("nothing sent yet").hasSize(1);

        card.findElement(By.xpath(".//button[normalize-space()='Vẫn nộp tệp này']")).click();
        awaitReceipt(card);
        assertThat(running.obligation(school.token(), "DVCQ:2026-Y").get("submissions")).hasSize(2);
    }

    // ------------------------------------------------------------------ helpers

    private void open(Running system, String token) {
        browser.driver.get(system.system.baseUrl() + "/u/" + token);
        waitFor(() -> !text(By.id("unit-name")).startsWith("Đang tải"));
    }

    private WebElement card(String obligation) {
        return browser.driver.findElement(By.cssSelector("article[data-obligation='" + obligation + "']"));
    }

    private static WebElement sendButton(WebElement card) {
        return card.findElement(By.xpath(".//button[normalize-space()='Nộp tệp này']"));
    }

    /** What the browser does when files are dropped: a drop event carrying them (small PDFs, built in the page). */
    private void drop(WebElement zone, List<String> names) {
        // Real PDFs (the inspection refuses anything else), built here and handed to the page as base64.
        List<String> bodies = names.stream().map(n -> java.util.Base64.getEncoder().encodeToString(SamplePdf.of(n))).toList();
        js("var zone = arguments[0], names = arguments[1], bodies = arguments[2], dt = new DataTransfer();"
                + "names.forEach(function (n, i) { var b = atob(bodies[i]), bytes = new Uint8Array(b.length);"
                + " for (var j = 0; j < b.length; j++) { bytes[j] = b.charCodeAt(j); }"
                + " dt.items.add(new File([bytes], n, {type: 'application/pdf'})); });"
                + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));", zone, names, bodies);
    }

    private void choose(WebElement card, Path file) {
        card.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    }

    private WebElement awaitReceipt(WebElement card) {
        browser.waiting(WAIT).until(d -> {
            String msg = card.findElement(By.className("msg")).getText();
            if (card.findElement(By.className("msg")).getAttribute("class").contains("error")) {
                throw new AssertionError("the page reports an error: " + msg);
            }
            return !card.findElements(By.cssSelector("li.receipt.fresh")).isEmpty();
        });
        return card.findElement(By.cssSelector("li.receipt.fresh"));
    }

    private String awaitError(WebElement card) {
        browser.waiting(WAIT).until(d -> card.findElement(By.className("msg")).getAttribute("class").contains("error"));
        WebElement msg = card.findElement(By.className("msg"));
        assertThat(msg.getAttribute("role")).isEqualTo("alert");
        return msg.getText();
    }

    private void assertNothingSent(Running system, LocalSystem.SessionUnit school, String obligation) {
        Object posts = js("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/v1/uploads') >= 0; }).length;");
        assertThat(posts).as("POST /v1/uploads requests").isEqualTo(0L);
        assertThat(system.obligation(school.token(), obligation).get("submissions")).isEmpty();
        assertThat(system.objectKeys("submissions/")).noneMatch(k -> k.contains("/" + school.unit() + "/"));
    }

    /** Keeps every text the progress bar shows, from before the click on. */
    private void recordProgress(WebElement card) {
        js("var card = arguments[0]; window.__progress = [];"
                + "var bar = card.querySelector('.bar'), pct = card.querySelector('.percent');"
                + "new MutationObserver(function () { if (!bar.hidden) window.__progress.push(pct.textContent); })"
                + ".observe(card, {attributes: true, childList: true, subtree: true, characterData: true});", card);
    }

    private long progressValue(WebElement card) {
        Object value = js("return arguments[0].querySelector('progress').value;", card);
        return ((Number) value).longValue();
    }

    private void network(boolean offline, long uploadBytesPerSecond) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("offline", offline);
        conditions.put("latency", 0);
        conditions.put("downloadThroughput", -1);
        conditions.put("uploadThroughput", uploadBytesPerSecond);
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
    }

    private List<WebElement> tabThrough(int presses) {
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<WebElement> reached = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            WebElement now = browser.driver.switchTo().activeElement();
            if (!reached.contains(now)) {
                reached.add(now);
            }
        }
        return reached;
    }

    private List<String> cspViolations() {
        return browser.driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
    }

    private boolean noSidewaysScroll() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    private void scrollTo(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -8);", element);
    }

    private String text(By by) {
        return browser.driver.findElement(by).getText();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        browser.waiting(WAIT).until(d -> condition.getAsBoolean());
    }

    private Path write(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory(files, "f");
        return Files.write(dir.resolve(name), content);
    }

    /**
     * The whole page, beyond the window, for a person to look at: target/screenshots/<name>-1.png,
     * -2.png … in slices of 1,200 CSS pixels (a phone-width page is too tall to read in one image).
     */
    private void fullPage(String name) throws IOException {
        Map<String, Object> metrics = browser.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        // The capture lays the page out again without a scroll bar: as wide as the window, as a phone has it.
        double width = ((Number) js("return window.innerWidth;")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        int part = 1;
        for (double y = 0; y < height; y += 1200, part++) {
            Map<String, Object> clip = Map.of("x", 0, "y", y, "width", width, "height", Math.min(1200, height - y), "scale", 1);
            browser.capture(name + "-" + part, Map.of("captureBeyondViewport", true, "clip", clip));
        }
    }

    /**
     * A valid one-page PDF (header, objects, cross-reference table, trailer) saying {@code words},
     * padded inside its content stream to exactly {@code size} bytes when {@code size} is larger.
     */
    static byte[] realPdf(String words, int size) {
        String ascii = java.text.Normalizer.normalize(words, java.text.Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "");
        String done = build(ascii, "");
        if (done.length() >= size) {
            return done.getBytes(StandardCharsets.ISO_8859_1);
        }
        // A comment line in the content stream; its length moves the file's by as much (and a digit or two).
        Random random = new Random(size);
        StringBuilder filler = new StringBuilder();
        while (done.length() != size) {
            int missing = size - done.length();
            if (missing > 0) {
                for (int i = 0; i < missing; i++) {
                    filler.append((char) ('a' + random.nextInt(26)));
                }
            } else {
                filler.setLength(Math.max(0, filler.length() + missing));
            }
            done = build(ascii, "% " + filler + "\n");
        }
        return done.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String build(String text, String padding) {
        String content = padding + "BT /F1 18 Tf 72 720 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET\n";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString();
    }
}
