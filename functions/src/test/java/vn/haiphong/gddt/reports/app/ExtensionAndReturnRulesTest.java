package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.haiphong.gddt.reports.app.InMemorySystem.DO_SON;
import static vn.haiphong.gddt.reports.app.InMemorySystem.TRAN_PHU;
import static vn.haiphong.gddt.reports.app.InMemorySystem.VAN_PHONG;
import static vn.haiphong.gddt.reports.app.InMemorySystem.at;
import static vn.haiphong.gddt.reports.app.InMemorySystem.pdf;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.mail.Mailer;

@DisplayName("The Office's decisions: extensions and returned files")
class ExtensionAndReturnRulesTest {
    /** A day after QCDC:2026-Y was due (trước ngày 5/12/2026). */
    private final InMemorySystem system = new InMemorySystem("2026-12-06T09:00:00+07:00");

    private static void assertRefused(Runnable call, Problem problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.problem()).isEqualTo(problem));
    }

    private String stateOf(String unit) {
        return system.status().run(system.office, Map.of("obligation", "QCDC:2026-Y")).obligations().get(0).units().stream()
                .filter(u -> u.unit().id().equals(unit)).findFirst().orElseThrow().state().name();
    }

    @Nested
    class Extensions {
        @Test
        void an_extension_to_the_end_of_a_day_makes_a_missing_unit_open_and_its_file_on_time() {
            assertThat(stateOf(DO_SON.id())).isEqualTo("MISSING");

            Extension e = system.extensions().grant(system.office, "QCDC:2026-Y", DO_SON.id(), "2026-12-10", "Ảnh hưởng của bão");

            assertThat(e.until()).isEqualTo(at("2026-12-11T00:00:00+07:00"));
            assertThat(e.grantedBy().name()).isEqualTo("Nguyễn Thị Hoa — Văn phòng");
            assertThat(stateOf(DO_SON.id())).isEqualTo("OPEN");
            assertThat(system.upload(DO_SON, "QCDC:2026-Y", "bc.pdf", pdf("gia hạn")).onTime()).isTrue();
            assertThat(stateOf(DO_SON.id())).isEqualTo("ON_TIME");
        }

        @Test
        void revoking_leaves_the_plain_deadline_and_a_second_revocation_finds_nothing() {
            system.extensions().grant(system.office, "QCDC:2026-Y", DO_SON.id(), "2026-12-10", "bão");

            assertThat(system.extensions().revoke(system.office, "QCDC:2026-Y", DO_SON.id()).revokedAt())
                    .contains(system.clock.instant());
            assertThat(stateOf(DO_SON.id())).isEqualTo("MISSING");
            assertRefused(() -> system.extensions().revoke(system.office, "QCDC:2026-Y", DO_SON.id()), Problem.EXTENSION_NOT_FOUND);
        }

        @Test
        void an_extension_must_end_after_the_deadline_have_a_reason_and_be_for_a_unit_that_owes() {
            assertRefused(() -> system.extensions().grant(system.office, "QCDC:2026-Y", DO_SON.id(), "2026-12-03", "bão"),
                    Problem.EXTENSION_UNTIL_INVALID);
            assertRefused(() -> system.extensions().grant(system.office, "QCDC:2026-Y", DO_SON.id(), "2026-12-10", "  "),
                    Problem.EXTENSION_REASON_INVALID);
            assertRefused(() -> system.extensions().grant(system.office, "QCDC:2026-Y", VAN_PHONG.id(), "2026-12-10", "bão"),
                    Problem.OBLIGATION_NOT_OWED);
            assertThat(system.ledger.records("QCDC:2026-Y").extensions()).isEmpty();
        }
    }

    @Nested
    class Returns {
        @Test
        void a_returned_file_stops_counting_the_unit_is_told_once_and_a_second_return_is_refused() {
            system.clock.set(at("2026-12-01T09:00:00+07:00"));
            Submission s = system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("trả lại"));
            system.clock.set(at("2026-12-06T09:00:00+07:00"));

            var outcome = system.returns().giveBack(system.office, s.submissionId(), "Thiếu chữ ký của Hiệu trưởng",
                    Duration.ofMinutes(1));

            assertThat(outcome.row().state()).isEqualTo("MISSING");
            assertThat(outcome.row().stateText()).isEqualTo("Bị trả lại – cần nộp lại");
            assertThat(system.mailer.sent()).extracting(Mailer.Email::subject).containsExactly(
                    "Biên nhận: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026 — Trường THPT Trần Phú",
                    "Sở trả lại báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026 — đề nghị nộp lại");
            assertThat(system.mailer.sent().get(1).text()).contains("Thiếu chữ ký của Hiệu trưởng", "nộp muộn");
            assertRefused(() -> system.returns().giveBack(system.office, s.submissionId(), "lần hai", Duration.ofMinutes(1)),
                    Problem.SUBMISSION_ALREADY_RETURNED);
            assertThat(system.mailer.sent()).hasSize(2);
        }

        @Test
        void a_return_whose_reads_fail_writes_nothing_and_can_be_made_once_they_answer() {
            Submission s = system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("đọc lỗi"));
            IllegalStateException down = new IllegalStateException("DynamoDB không trả lời");
            system.claims.unreadable(down);

            assertThatThrownBy(() -> system.returns().giveBack(system.office, s.submissionId(), "Sai mẫu",
                    Duration.ofMinutes(1))).isSameAs(down);

            assertThat(system.ledger.find("QCDC:2026-Y", TRAN_PHU.id(), s.submissionId()).orElseThrow().returned())
                    .as("no return recorded").isEmpty();
            system.claims.readable();
            var outcome = system.returns().giveBack(system.office, s.submissionId(), "Sai mẫu", Duration.ofMinutes(1));
            assertThat(outcome.notice()).as("its notice not held by the failed try").isEqualTo(vn.haiphong.gddt.reports.app.Returns.Notice.SENT);
        }

        @Test
        void a_return_whose_email_fails_stands_and_its_notice_is_sent_once_when_the_mail_service_is_back() {
            Submission s = system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("SES"));
            system.mailer.failWith(email -> new IllegalStateException("SES down"));

            var outcome = system.returns().giveBack(system.office, s.submissionId(), "Sai mẫu", Duration.ofMinutes(1));

            assertThat(outcome.failure()).isEqualTo("IllegalStateException");
            Submission returned = system.ledger.find("QCDC:2026-Y", TRAN_PHU.id(), s.submissionId()).orElseThrow();
            assertThat(returned.returned()).isPresent();
            system.mailer.recover();
            assertThat(system.returns().sendOwedNotice(returned, Duration.ofMinutes(1))).isTrue();
            assertThat(system.returns().sendOwedNotice(returned, Duration.ofMinutes(1))).as("once").isFalse();
            assertThat(system.mailer.sent()).filteredOn(e -> e.subject().startsWith("Sở trả lại")).hasSize(1);
        }
    }
}
