package vn.haiphong.gddt.reports.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;
import vn.haiphong.gddt.reports.domain.SignatureRule;
import vn.haiphong.gddt.reports.domain.SignatureSeal;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * A submission's {@code inspection} as the API shows it, in {@code /v1/me} and the status rows' {@code
 * latest}: {@code PENDING} until the inspection function has looked (a minute at most), then {@code
 * DONE} with its verdict, problems and signatures. A file refused on arrival is never inspected: it is
 * {@code DONE}, {@code REFUSED}, with the problem {@code refused-on-arrival} (its reason is the refusal).
 */
public record InspectionView(String state, String verdict, List<String> problems, List<SignatureView> signatures,
                             SealView seal) {
    /** What people read (the same words on the dashboard and the school's page); null for a refused file. */
    public record SealView(String tone, String text) {
    }

    static final String REFUSED_ON_ARRIVAL = "refused-on-arrival";

    public record SignatureView(String signer, String organization, String issuer, String serial, String signedAt,
                                String digest, String integrity, boolean coversWholeDocument, String trust,
                                String revocation, String kind) {
        static SignatureView of(Signature s) {
            return new SignatureView(s.signer(), s.organization(), s.issuer(), s.serial(),
                    s.signedAt().map(VietnamTime::iso).orElse(null), s.digest(), s.integrity().name(),
                    s.coversWholeDocument(), s.trust().name(), s.revocation().name(), s.kind().name());
        }
    }

    static InspectionView of(Submission s, SignatureRule rule) {
        // isPresent() and a loop, not Optional.map and a stream: this runs for every file of a status or a
        // school's page, and each lambda costs a class of its own the first time it runs (cold start).
        Optional<SignatureSeal> sealed = SignatureSeal.of(s, rule);
        SealView seal = sealed.isPresent() ? new SealView(sealed.get().tone().name(), sealed.get().text()) : null;
        if (s.inspection().isPresent()) {
            Inspection i = s.inspection().get();
            List<SignatureView> signatures = new ArrayList<>(i.signatures().size());
            for (Signature signature : i.signatures()) {
                signatures.add(SignatureView.of(signature));
            }
            return new InspectionView("DONE", i.verdict().name(), i.problems(), List.copyOf(signatures), seal);
        }
        if (!s.accepted()) {
            return new InspectionView("DONE", Inspection.Verdict.REFUSED.name(), List.of(REFUSED_ON_ARRIVAL), List.of(), seal);
        }
        return new InspectionView("PENDING", null, List.of(), List.of(), seal);
    }
}
