package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ReminderPlan;
import vn.haiphong.gddt.reports.domain.ReminderSchedule;
import vn.haiphong.gddt.reports.domain.ReminderStage;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.domain.WorkingDays;

/**
 * A fresh system owes nothing from before it existed: with the runner's default go-live (1 January of
 * its clock's year) the school's page, the status, uploads and reminders know nothing of last year; with
 * {@code GoLiveDate} set mid-year, nothing due before that day either.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoLiveTest {
    /** The morning the issue was found on: 5/6/2025, a fresh system, last year's reports shown as overdue. */
    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2025-06-05T09:00:00+07:00");
    private static final String NOTE = "Hệ thống nhận báo cáo từ ngày 1/1/2025: các báo cáo và nhiệm vụ có hạn nộp trước"
            + " ngày đó không được tính cho đơn vị nào.";

    private Running running;
    private LocalSystem.SessionUnit school;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, Running.asTheRunnerStarts(MORNING.toInstant(), Map.of(), null, null));
        school = running.units(u -> u.category().equals("THPT")).get(0);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_school_opening_its_page_on_a_fresh_system_owes_nothing_from_last_year() {
        List<String> owed = new ArrayList<>();
        Running.read(running.me(school.token()).body()).get("obligations").forEach(o -> owed.add(o.get("obligation").asText()));

        assertThat(owed).isNotEmpty().allMatch(id -> id.contains(":2025-"));
    }

    @Test
    void in_chromium_the_schools_page_names_no_report_of_last_year_and_nothing_overdue() {
        try (Browser browser = Browser.start()) {
            browser.driver.get(running.system.baseUrl() + "/u/" + school.token());
            browser.waiting(java.time.Duration.ofSeconds(30)).until(d ->
                    !d.findElements(org.openqa.selenium.By.cssSelector("article[data-obligation]")).isEmpty());
            String page = browser.driver.findElement(org.openqa.selenium.By.tagName("main")).getText();

            // 2024 appears only as the first day of the 2025 H1 report's data window (15/12/2024).
            assertThat(page).contains("năm 2025").doesNotContain("năm 2024").doesNotContain("quá hạn").doesNotContain("Quá hạn");
            assertThat(page.replace("15/12/2024", "")).doesNotContain("2024");
            assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("article[data-obligation]")))
                    .extracting(a -> a.getAttribute("data-obligation")).allMatch(id -> id.contains(":2025-"));
            browser.screenshots("go-live-school-page-5-6-2025");
        }
    }

    @Test
    void the_status_of_last_year_is_empty_and_says_why_while_this_year_is_whole() {
        JsonNode lastYear = status(Map.of("year", "2024"));
        assertThat(lastYear.get("obligations")).isEmpty();
        assertThat(lastYear.get("tasks")).isEmpty();
        assertThat(lastYear.get("note").asText()).isEqualTo(NOTE);
        assertThat(lastYear.get("goLive").asText()).isEqualTo("2025-01-01");

        JsonNode thisYear = status(Map.of("year", "2025"));
        assertThat(thisYear.get("obligations")).hasSize(4);
        assertThat(thisYear.get("note").isNull()).isTrue();
        assertThat(thisYear.get("goLive").asText()).isEqualTo("2025-01-01");
    }

    @Test
    void an_obligation_of_last_year_is_unknown_to_the_status_and_to_uploads() {
        HttpResponse<String> status = running.status(running.system.officeToken(), Map.of("obligation", "QCDC:2024-Y"));
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(Running.read(status.body()).get("code").asText()).isEqualTo("obligation-unknown");

        HttpResponse<String> grant = running.requestUpload(school.token(), "QCDC:2024-Y", "bao-cao.pdf", "application/pdf",
                Running.pdf("last year"));
        assertThat(grant.statusCode()).isEqualTo(404);
        assertThat(Running.read(grant.body()).get("code").asText()).isEqualTo("obligation-unknown");
    }

    @Test
    void no_reminder_goes_out_for_last_years_report_on_a_day_its_overdue_reminders_would_fall_on() {
        Obligation lastYear = CatalogFile.bundled(CatalogSettings.defaults()).find("QCDC:2024-Y").orElseThrow();
        LocalDate reminderDay = ReminderPlan.stages(lastYear, lastYear.due(), ReminderSchedule.defaults(), WorkingDays.vietnam())
                .stream().map(ReminderStage::sendOn).filter(day -> day.getYear() == 2025).findFirst()
                .orElseThrow(() -> new AssertionError("QCDC:2024-Y has no overdue reminder in 2025 to leave out"));
        try {
            running.system.moveClockTo(VietnamTime.startOf(reminderDay).plusSeconds(8 * 3600));

            JsonNode dryRun = running.sweep(true);

            assertThat(dryRun.get("planned")).isNotNull();
            dryRun.get("planned").forEach(p -> assertThat(p.get("obligation").asText()).doesNotContain(":2024-"));
        } finally {
            running.system.moveClockTo(MORNING.toInstant());
        }
    }

    @Test
    void with_go_live_set_mid_year_a_report_due_the_day_before_is_owed_by_no_one(Emulators emulators) throws Exception {
        try (Running midYear = Running.start(emulators,
                Running.asTheRunnerStarts(MORNING.toInstant(), Map.of("GoLiveDate", "2025-06-10"), null, null))) {
            LocalSystem.SessionUnit unit = midYear.units(u -> u.category().equals("THPT")).get(0);
            List<String> owed = new ArrayList<>();
            Running.read(midYear.me(unit.token()).body()).get("obligations")
                    .forEach(o -> owed.add(o.get("obligation").asText()));

            assertThat(owed).as("QCDC:2025-H1 is due trước ngày 10/6").doesNotContain("QCDC:2025-H1")
                    .contains("DVCQ:2025-H1");
            JsonNode status = Running.read(midYear.status(midYear.system.officeToken(), Map.of("year", "2025")).body());
            assertThat(status.get("note").asText()).startsWith("Hệ thống nhận báo cáo từ ngày 10/6/2025:");
        }
    }

    private JsonNode status(Map<String, String> query) {
        HttpResponse<String> answer = running.status(running.system.officeToken(), query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Running.read(answer.body());
    }
}
