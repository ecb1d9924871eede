package vn.haiphong.gddt.reports.domain;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What people read about a file's digital signature, in one place for the dashboard, the school's
 * page and the e-mails: "Đã ký số: Nguyễn Văn An — Trường THPT Trần Phú, 9/6/2025 14:03", "Chưa ký
 * số", or, in the warning colour, "Chữ ký không hợp lệ" / "Tệp bị sửa sau khi ký".
 */
public record SignatureSeal(Tone tone, String text) {
    public enum Tone { SIGNED, UNSIGNED, WARNING, PENDING }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d/M/uuuu HH:mm");

    /** Empty for a refused file (its refusal says enough) and where the report's rule is off. */
    public static Optional<SignatureSeal> of(Submission s, SignatureRule rule) {
        if (!s.accepted() || rule == SignatureRule.OFF) {
            return Optional.empty();
        }
        if (s.inspection().isEmpty()) {
            return Optional.of(new SignatureSeal(Tone.PENDING, "Đang kiểm tra chữ ký số"));
        }
        List<Signature> signatures = s.inspection().get().signatures().stream()
                .filter(sig -> sig.kind() == Signature.Kind.SIGNATURE).toList();
        List<Signature> whole = signatures.stream().filter(SignatureRule::signsWholeFile).toList();
        if (!whole.isEmpty()) {
            return Optional.of(new SignatureSeal(Tone.SIGNED, "Đã ký số: "
                    + whole.stream().map(SignatureSeal::who).collect(Collectors.joining("; "))));
        }
        if (signatures.isEmpty()) {
            return Optional.of(new SignatureSeal(Tone.UNSIGNED, "Chưa ký số"));
        }
        return Optional.of(signatures.stream().anyMatch(sig -> sig.integrity() == Signature.Integrity.VALID)
                ? new SignatureSeal(Tone.WARNING, "Tệp bị sửa sau khi ký")
                : new SignatureSeal(Tone.WARNING, "Chữ ký không hợp lệ"));
    }

    private static String who(Signature s) {
        return s.signer() + (s.organization().isEmpty() ? "" : " — " + s.organization())
                + s.signedAt().map(at -> ", " + WHEN.format(at.atZone(VietnamTime.ZONE))).orElse("");
    }
}
