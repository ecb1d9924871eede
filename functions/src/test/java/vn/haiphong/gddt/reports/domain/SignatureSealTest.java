package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureSealTest {
    private static final Instant SIGNED_AT = Instant.parse("2025-06-09T07:03:00Z");

    private static Signature signature(String signer, Signature.Integrity integrity, boolean whole) {
        return new Signature(signer, "Trường THPT Trần Phú", "CA thử", "0A", Optional.of(SIGNED_AT), "SHA-256", integrity, whole,
                Signature.Trust.UNTRUSTED, Signature.Revocation.NOT_CHECKED, Signature.Kind.SIGNATURE);
    }

    private static Submission inspected(Signature... signatures) {
        return submission(Optional.empty()).withInspection(new Inspection(Inspection.Verdict.OK, List.of(), Optional.empty(),
                List.of(signatures)));
    }

    private static Submission submission(Optional<String> refusal) {
        return new Submission("abc12345", "thpt-tran-phu", "QCDC:2025-H1", "k", "e", null, 10, "s", "application/pdf",
                "bc.pdf", SIGNED_AT, true, refusal);
    }

    private static SignatureSeal seal(Submission s) {
        return SignatureSeal.of(s, SignatureRule.RECOMMENDED).orElseThrow();
    }

    @Test
    void a_valid_signature_over_the_whole_file_names_its_signer_organisation_and_vietnam_time() {
        assertThat(seal(inspected(signature("Nguyễn Văn An", Signature.Integrity.VALID, true))))
                .isEqualTo(new SignatureSeal(SignatureSeal.Tone.SIGNED, "Đã ký số: Nguyễn Văn An — Trường THPT Trần Phú, 9/6/2025 14:03"));
    }

    @Test
    void a_file_without_a_signature_is_unsigned_and_one_being_inspected_says_so() {
        assertThat(seal(inspected()).text()).isEqualTo("Chưa ký số");
        assertThat(seal(submission(Optional.empty())).tone()).isEqualTo(SignatureSeal.Tone.PENDING);
    }

    @Test
    void a_signature_broken_or_followed_by_changes_is_a_warning_that_says_which() {
        assertThat(seal(inspected(signature("A", Signature.Integrity.INVALID, true))))
                .isEqualTo(new SignatureSeal(SignatureSeal.Tone.WARNING, "Chữ ký không hợp lệ"));
        assertThat(seal(inspected(signature("A", Signature.Integrity.VALID, false))))
                .isEqualTo(new SignatureSeal(SignatureSeal.Tone.WARNING, "Tệp bị sửa sau khi ký"));
    }

    @Test
    void a_refused_file_and_a_report_whose_rule_is_off_show_no_seal() {
        assertThat(SignatureSeal.of(submission(Optional.of("tệp có mật khẩu")), SignatureRule.RECOMMENDED)).isEmpty();
        assertThat(SignatureSeal.of(inspected(), SignatureRule.OFF)).isEmpty();
    }
}
