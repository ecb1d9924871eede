package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureRuleTest {
    private static final Signature WHOLE = signature(Signature.Integrity.VALID, true);
    private static final Signature CHANGED_AFTER = signature(Signature.Integrity.VALID, false);
    private static final Signature BROKEN = signature(Signature.Integrity.INVALID, true);

    private static Signature signature(Signature.Integrity integrity, boolean whole) {
        return new Signature("Nguyễn Văn An", "Trường THPT Trần Phú", "CA thử", "0A", Optional.of(Instant.EPOCH), "SHA-256",
                integrity, whole, Signature.Trust.UNTRUSTED, Signature.Revocation.NOT_CHECKED, Signature.Kind.SIGNATURE);
    }

    private static Inspection ok(Signature... signatures) {
        return new Inspection(Inspection.Verdict.OK, List.of(), Optional.empty(), List.of(signatures));
    }

    @Test
    void recommended_never_refuses_an_unsigned_or_broken_file() {
        assertThat(SignatureRule.RECOMMENDED.judge(ok(), true)).isEqualTo(ok());
        assertThat(SignatureRule.RECOMMENDED.judge(ok(BROKEN), true)).isEqualTo(ok(BROKEN));
        assertThat(SignatureRule.RECOMMENDED.judge(ok(), false)).isEqualTo(ok());
    }

    @Test
    void required_accepts_a_pdf_with_one_valid_signature_over_the_whole_file_beside_a_broken_one() {
        assertThat(SignatureRule.REQUIRED.judge(ok(BROKEN, WHOLE), true)).isEqualTo(ok(BROKEN, WHOLE));
    }

    @Test
    void required_refuses_an_unsigned_pdf_and_says_it_is_not_signed() {
        Inspection judged = SignatureRule.REQUIRED.judge(ok(), true);

        assertThat(judged.verdict()).isEqualTo(Inspection.Verdict.REFUSED);
        assertThat(judged.problems()).containsExactly("signature-required");
        assertThat(judged.reason()).contains("báo cáo này phải có chữ ký số, tệp gửi lên chưa được ký");
    }

    @Test
    void required_refuses_a_pdf_changed_after_signing_or_only_broken_signatures_naming_which() {
        assertThat(SignatureRule.REQUIRED.judge(ok(CHANGED_AFTER), true).reason().orElseThrow()).contains("bị sửa sau khi ký");
        assertThat(SignatureRule.REQUIRED.judge(ok(BROKEN), true).reason().orElseThrow()).contains("không hợp lệ");
    }

    @Test
    void required_refuses_any_file_that_is_not_a_pdf() {
        assertThat(SignatureRule.REQUIRED.judge(ok(), false).reason()).contains("báo cáo này phải là tệp PDF có chữ ký số");
    }

    @Test
    void required_keeps_an_earlier_refusal_as_it_is() {
        Inspection encrypted = new Inspection(Inspection.Verdict.REFUSED, List.of("pdf-encrypted"), Optional.of("tệp có mật khẩu"),
                List.of());

        assertThat(SignatureRule.REQUIRED.judge(encrypted, true)).isEqualTo(encrypted);
    }

    @Test
    void off_shows_no_signatures_and_no_signature_problems() {
        Inspection found = new Inspection(Inspection.Verdict.OK, List.of("signature-invalid", "macros"), Optional.empty(),
                List.of(BROKEN));

        assertThat(SignatureRule.OFF.judge(found, true))
                .isEqualTo(new Inspection(Inspection.Verdict.OK, List.of("macros"), Optional.empty(), List.of()));
    }

    @Test
    void the_catalog_spells_the_rule_in_lowercase() {
        assertThat(SignatureRule.parse("required")).contains(SignatureRule.REQUIRED);
        assertThat(SignatureRule.parse("off")).contains(SignatureRule.OFF);
        assertThat(SignatureRule.parse("REQUIRED")).isEmpty();
        assertThat(SignatureRule.parse("bắt buộc")).isEmpty();
    }
}
