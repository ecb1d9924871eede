package vn.haiphong.gddt.reports.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the deep inspection of one submitted file found (the {@code InspectSubmission} function): a
 * refusing problem makes the file a bad file, its words the reason the unit reads; the other problems
 * and the PDF's signatures are reported beside an accepted file.
 *
 * @param problems stable codes in the order found, e.g. {@code ["pdf-javascript", "macros"]}
 * @param reason   the Vietnamese words of the first refusing problem; empty when the verdict is OK
 */
public record Inspection(Verdict verdict, List<String> problems, Optional<String> reason, List<Signature> signatures) {

    public enum Verdict { OK, REFUSED }

    public Inspection {
        problems = List.copyOf(problems);
        signatures = List.copyOf(signatures);
        reason = reason == null ? Optional.empty() : reason;
    }
}
