package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.app.InMemorySystem.DO_SON;
import static vn.haiphong.gddt.reports.app.InMemorySystem.NGO_QUYEN;
import static vn.haiphong.gddt.reports.app.InMemorySystem.TRAN_PHU;
import static vn.haiphong.gddt.reports.app.InMemorySystem.VAN_PHONG;
import static vn.haiphong.gddt.reports.app.InMemorySystem.pdf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ReminderPlan;
import vn.haiphong.gddt.reports.domain.ReminderSchedule;
import vn.haiphong.gddt.reports.domain.ReminderStage;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.domain.WorkingDays;
import vn.haiphong.gddt.reports.mail.Mailer;

@DisplayName("Reminders: exactly the units that still owe, once per stage, whatever fails on the way")
class ReminderRulesTest {
    private static final String QCDC = "QCDC:2026-Y";

    private final InMemorySystem system = new InMemorySystem("2026-11-01T08:00:00+07:00");
    private final Obligation qcdc = system.catalog.find(QCDC).orElseThrow();
    /** The last stage before the deadline (trước ngày 5/12/2026), as the plan computes it. */
    private final ReminderStage lastBefore = ReminderPlan.stages(qcdc, qcdc.due(), ReminderSchedule.defaults(),
            WorkingDays.vietnam()).stream().filter(ReminderStage::beforeDeadline).reduce((a, b) -> b).orElseThrow();

    private void morningOf(LocalDate day) {
        system.clock.set(VietnamTime.startOf(day).plus(Duration.ofHours(8)));
    }

    private Reminders.Outcome sweep() throws InterruptedException {
        return system.reminders().sweep(false, () -> true, () -> Duration.ofMinutes(15));
    }

    /** The QCDC reminders sent to units (not the digests to the receiving department). */
    private List<List<String>> qcdcRemindersTo() {
        return system.mailer.sent().stream()
                .filter(e -> e.subject().contains("quy chế dân chủ") && !e.subject().startsWith("Tổng hợp")
                        && !e.subject().startsWith("Biên nhận"))
                .map(Mailer.Email::to).toList();
    }

    @Test
    void on_a_stage_day_each_unit_that_still_owes_gets_one_email_and_a_second_run_sends_nothing_more() throws Exception {
        morningOf(lastBefore.sendOn().minusDays(3));
        system.upload(TRAN_PHU, QCDC, "bc.pdf", pdf("đã nộp"));
        morningOf(lastBefore.sendOn());

        sweep();
        sweep();

        assertThat(qcdcRemindersTo()).containsExactlyInAnyOrder(NGO_QUYEN.emails(), DO_SON.emails())
                .doesNotContain(TRAN_PHU.emails(), VAN_PHONG.emails());
    }

    @Test
    void an_address_that_bounced_is_never_written_to_and_a_unit_left_without_one_is_reported() throws Exception {
        system.claims.suppress(DO_SON.emails().get(0), "Permanent bounce", system.clock.instant());
        morningOf(lastBefore.sendOn());

        Reminders.Outcome outcome = sweep();

        assertThat(qcdcRemindersTo()).containsExactlyInAnyOrder(TRAN_PHU.emails(), NGO_QUYEN.emails());
        assertThat(outcome.unreachable()).contains(DO_SON.id());
    }

    @Test
    void a_claim_left_by_a_run_that_died_is_taken_over_after_it_lapses_and_the_reminder_goes_out_once() throws Exception {
        morningOf(lastBefore.sendOn());
        String stage = lastBefore.id();
        // A run claimed Trần Phú's reminder and died before sending it.
        assertThat(system.claims.claim(QCDC, TRAN_PHU.id(), stage, system.clock.instant(), Duration.ofMinutes(15))).isPresent();

        sweep();
        assertThat(qcdcRemindersTo()).as("while the dead run's claim holds").doesNotContain(TRAN_PHU.emails());

        system.clock.advance(Duration.ofMinutes(16));
        sweep();
        sweep();
        assertThat(qcdcRemindersTo()).filteredOn(TRAN_PHU.emails()::equals).hasSize(1);
    }

    @Test
    void reminders_the_mail_service_refused_while_it_was_down_go_out_on_the_next_run_once_it_is_back() throws Exception {
        morningOf(lastBefore.sendOn());
        system.mailer.failWith(email -> new IllegalStateException("SES down"));

        Reminders.Outcome down = sweep();
        assertThat(down.deferred()).as("given back for the next run").isPositive();
        assertThat(down.failed()).as("nothing refused for good").isZero();
        assertThat(system.mailer.sent()).isEmpty();

        system.mailer.recover();
        system.clock.advance(Duration.ofHours(1));
        sweep();
        sweep();
        assertThat(qcdcRemindersTo()).containsExactlyInAnyOrder(TRAN_PHU.emails(), NGO_QUYEN.emails(), DO_SON.emails());
    }
}
