package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.haiphong.gddt.reports.app.InMemorySystem.DO_SON;
import static vn.haiphong.gddt.reports.app.InMemorySystem.TRAN_PHU;
import static vn.haiphong.gddt.reports.app.InMemorySystem.at;
import static vn.haiphong.gddt.reports.app.InMemorySystem.pdf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Submission;

@DisplayName("Uploads: what a unit may send, and what is recorded and said when it arrives")
class UploadRulesTest {
    /** QCDC:2026-Y is due "trước ngày 5/12/2026" and open. */
    private final InMemorySystem system = new InMemorySystem("2026-11-30T09:00:00+07:00");

    @Test
    void a_file_sent_before_the_deadline_is_recorded_once_on_time_and_its_receipt_goes_out_once() {
        Submission s = system.upload(TRAN_PHU, "QCDC:2026-Y", "Báo cáo QCDC 2026.pdf", pdf("Trần Phú"));

        assertThat(s.onTime()).isTrue();
        assertThat(s.accepted()).isTrue();
        assertThat(s.fileName()).isEqualTo("Báo cáo QCDC 2026.pdf");
        system.recorder().onObjectCreated(s.key(), null, system.clock.instant(), Duration.ofMinutes(1));
        assertThat(system.ledger.records("QCDC:2026-Y", TRAN_PHU.id()).submissions()).as("the event again").hasSize(1);
        assertThat(system.mailer.sent()).singleElement().satisfies(receipt -> {
            assertThat(receipt.to()).containsExactlyElementsOf(TRAN_PHU.emails());
            assertThat(receipt.subject()).startsWith("Biên nhận: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026");
        });
    }

    @Test
    void a_file_that_arrives_after_the_deadline_is_late() {
        system.clock.set(at("2026-12-05T00:00:01+07:00"));

        Submission s = system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("muộn"));

        assertThat(s.onTime()).isFalse();
        assertThat(system.mailer.sent().get(0).text()).contains("Tình trạng: Nộp muộn");
    }

    @Test
    void a_file_that_is_not_the_pdf_it_claims_to_be_is_refused_quarantined_and_the_unit_told_once() {
        Submission s = system.upload(DO_SON, "QCDC:2026-Y", "bc.pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8));

        assertThat(s.accepted()).isFalse();
        assertThat(system.files.keys()).noneMatch(k -> k.startsWith("submissions/")).anyMatch(k -> k.startsWith("quarantine/"));
        assertThat(system.mailer.sent()).singleElement()
                .satisfies(refusal -> assertThat(refusal.subject()).startsWith("Tệp không hợp lệ, chưa được tính là đã nộp"));
    }

    @ParameterizedTest(name = "{0} {1} as {2} ({3} bytes): {4}")
    @CsvSource({
            "van-phong-so,  QCDC:2026-Y, bc.pdf, 100, obligation-not-owed",
            "thpt-tran-phu, XYZ:2026-Y,  bc.pdf, 100, obligation-unknown",
            "thpt-tran-phu, QCDC:2027-H1, bc.pdf, 100, obligation-not-open",
            "thpt-tran-phu, QCDC:2026-Y, bc.exe, 100, file-type-mismatch",
            "thpt-tran-phu, QCDC:2026-Y, bc.pdf, 0, size-invalid",
            "thpt-tran-phu, QCDC:2026-Y, bc.pdf, 26214401, size-too-large"})
    void a_grant_that_cannot_be_given_is_refused_with_its_problem(String unit, String obligation, String fileName, long size,
                                                                   String code) {
        var request = new UploadRequest(obligation, fileName, "application/pdf", size,
                Base64.getEncoder().encodeToString(new byte[32]));

        assertThatThrownBy(() -> system.uploads().grant(system.units.find(unit).orElseThrow(), request))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.problem().code()).isEqualTo(code));
        assertThat(system.files.keys()).isEmpty();
    }

    @Test
    void a_unit_gets_twenty_grants_a_minute_and_more_the_next_minute() {
        Uploads uploads = system.uploads();
        var request = new UploadRequest("QCDC:2026-Y", "bc.pdf", "application/pdf", 100,
                Base64.getEncoder().encodeToString(new byte[32]));
        for (int i = 0; i < 20; i++) {
            uploads.grant(TRAN_PHU, request);
        }

        assertThatThrownBy(() -> uploads.grant(TRAN_PHU, request)).isInstanceOfSatisfying(RequestRefused.class,
                r -> assertThat(r.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
        assertThat(uploads.grant(DO_SON, request)).as("another unit").isNotNull();
        system.clock.advance(Duration.ofMinutes(1));
        assertThat(uploads.grant(TRAN_PHU, request)).isNotNull();
    }
}
