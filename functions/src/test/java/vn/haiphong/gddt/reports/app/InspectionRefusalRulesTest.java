package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.haiphong.gddt.reports.app.InMemorySystem.TRAN_PHU;
import static vn.haiphong.gddt.reports.app.InMemorySystem.pdf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

@DisplayName("A file the deep inspection refuses: the unit is told once, whatever was down")
class InspectionRefusalRulesTest {
    private static final String QCDC = "QCDC:2026-Y";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Inspection BROKEN = new Inspection(Inspection.Verdict.REFUSED, List.of("pdf-unreadable"),
            Optional.of("tệp không phải là PDF hợp lệ"), List.of());

    private final InMemorySystem system = new InMemorySystem("2026-11-30T09:00:00+07:00");

    @Test
    void refused_while_its_receipt_could_not_be_sent_the_unit_gets_one_email_the_refusal_with_the_reason_when_the_mail_service_is_back() {
        system.mailer.failWith(email -> new IllegalStateException("SES down"));
        assertThatThrownBy(() -> system.upload(TRAN_PHU, QCDC, "bc.pdf", pdf("hỏng"))).isInstanceOf(IllegalStateException.class);
        Submission inspected = inspect(system.ledger.records(QCDC, TRAN_PHU.id()).submissions().get(0));

        assertThatThrownBy(() -> system.recorder().sendOwedInspectionRefusal(inspected, MINUTE))
                .as("the inspection's try while SES is down").isInstanceOf(IllegalStateException.class);
        system.mailer.recover();
        assertThat(system.recorder().sendOwedInspectionRefusal(inspected, MINUTE)).as("the inspection's retry").isTrue();
        sweep();
        sweep();

        assertThat(system.mailer.sent()).extracting(Mailer.Email::subject).containsExactly(
                "Tệp không hợp lệ, chưa được tính là đã nộp: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026");
        assertThat(system.mailer.sent().get(0).text()).contains("tệp không phải là PDF hợp lệ");
        assertThat(system.ledger.records(QCDC, TRAN_PHU.id()).owed()).as("nothing left owed").isEmpty();
    }

    @Test
    void refused_after_its_receipt_went_out_the_unit_gets_the_receipt_then_one_refusal_saying_the_receipt_no_longer_counts() {
        Submission s = system.upload(TRAN_PHU, QCDC, "bc.pdf", pdf("hỏng sau"));
        Submission inspected = inspect(s);

        assertThat(system.recorder().sendOwedInspectionRefusal(inspected, MINUTE)).isTrue();
        sweep();

        assertThat(system.mailer.sent()).extracting(Mailer.Email::subject).containsExactly(
                "Biên nhận: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026 — Trường THPT Trần Phú",
                "Tệp không đạt khi kiểm tra, chưa được tính là đã nộp: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026");
        assertThat(system.mailer.sent().get(1).text()).contains("Biên nhận trước đó của tệp này không còn giá trị");
    }

    @Test
    void the_separate_refusal_is_already_ended_while_the_refusal_goes_out_as_the_receipt_so_no_sweep_can_send_it_too() {
        system.mailer.failWith(email -> new IllegalStateException("SES down"));
        assertThatThrownBy(() -> system.upload(TRAN_PHU, QCDC, "bc.pdf", pdf("hỏng"))).isInstanceOf(IllegalStateException.class);
        Submission inspected = inspect(system.ledger.records(QCDC, TRAN_PHU.id()).submissions().get(0));
        List<SubmissionLedger.Notice> owedWhileWithSes = new ArrayList<>();
        system.mailer.failWith(email -> {
            system.ledger.records(QCDC, TRAN_PHU.id()).owed().forEach(owed -> owedWhileWithSes.add(owed.notice()));
            return null;
        });

        assertThat(system.recorder().sendOwedInspectionRefusal(inspected, MINUTE)).isTrue();
        sweep();

        assertThat(owedWhileWithSes).as("owed while SES had the refusal: only the receipt it is, held by this send")
                .containsExactly(SubmissionLedger.Notice.RECEIPT);
        assertThat(system.mailer.sent()).hasSize(1);
    }

    private Submission inspect(Submission s) {
        system.ledger.recordInspection(s, BROKEN, system.clock.instant());
        return s.withInspection(BROKEN);
    }

    private void sweep() {
        system.wiring.reconciliation().sweep(() -> true, () -> Duration.ofMinutes(5));
    }
}
