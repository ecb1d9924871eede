package vn.haiphong.gddt.reports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a report must carry a digital signature (chữ ký số), per report in catalog.json's {@code
 * signature}: {@code off} (signatures are not shown or counted), {@code recommended} (the default:
 * shown and counted, never refused) or {@code required} (a file without a valid signature over the
 * whole document is refused, with the reason naming what is missing).
 */
public enum SignatureRule {
    OFF, RECOMMENDED, REQUIRED;

    public static final String SIGNATURE_REQUIRED = "signature-required";

    public static Optional<SignatureRule> parse(String text) {
        for (SignatureRule rule : values()) {
            if (rule.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** A signature that says the whole file is what its signer signed. */
    public static boolean signsWholeFile(Signature s) {
        return s.kind() == Signature.Kind.SIGNATURE && s.integrity() == Signature.Integrity.VALID && s.coversWholeDocument();
    }

    /**
     * The inspection as this rule reads it.
     *
     * @param pdf whether the file is a PDF: only a PDF can carry a signature the inspection reads
     */
    public Inspection judge(Inspection inspection, boolean pdf) {
        if (this == OFF) {
            List<String> problems = inspection.problems().stream().filter(p -> !p.startsWith("signature-")).toList();
            return new Inspection(inspection.verdict(), problems, inspection.reason(), List.of());
        }
        if (this == RECOMMENDED || inspection.verdict() == Inspection.Verdict.REFUSED) {
            return inspection;
        }
        Optional<String> missing = missing(inspection, pdf);
        if (missing.isEmpty()) {
            return inspection;
        }
        List<String> problems = new ArrayList<>(inspection.problems());
        problems.add(SIGNATURE_REQUIRED);
        return new Inspection(Inspection.Verdict.REFUSED, problems, missing, inspection.signatures());
    }

    private static Optional<String> missing(Inspection inspection, boolean pdf) {
        List<Signature> signatures = inspection.signatures().stream().filter(s -> s.kind() == Signature.Kind.SIGNATURE).toList();
        if (!pdf) {
            return Optional.of("báo cáo này phải là tệp PDF có chữ ký số");
        }
        if (signatures.isEmpty()) {
            return Optional.of("báo cáo này phải có chữ ký số, tệp gửi lên chưa được ký");
        }
        if (signatures.stream().anyMatch(SignatureRule::signsWholeFile)) {
            return Optional.empty();
        }
        return signatures.stream().anyMatch(s -> s.integrity() == Signature.Integrity.VALID)
                ? Optional.of("báo cáo này phải có chữ ký số trên toàn bộ tệp, tệp đã bị sửa sau khi ký")
                : Optional.of("báo cáo này phải có chữ ký số hợp lệ, chữ ký trong tệp không hợp lệ");
    }
}
