package vn.haiphong.gddt.reports.inspect;

import java.util.List;
import java.util.Optional;

/**
 * What the inspection of one file found. The verdict follows from the problems: one refusing problem
 * refuses the file, and its words are the reason the unit reads.
 */
public record Inspection(Verdict verdict, List<InspectionProblem> problems, Optional<String> reason,
                         List<Signature> signatures) {

    public enum Verdict { OK, REFUSED }

    public Inspection {
        problems = List.copyOf(problems);
        signatures = List.copyOf(signatures);
    }

    static Inspection of(List<InspectionProblem> problems, List<Signature> signatures) {
        Optional<String> reason = problems.stream().filter(InspectionProblem::refuses).findFirst()
                .map(InspectionProblem::reason);
        return new Inspection(reason.isPresent() ? Verdict.REFUSED : Verdict.OK, problems, reason, signatures);
    }

    static Inspection refused(InspectionProblem problem) {
        return of(List.of(problem), List.of());
    }

    /** The problems' stable codes, in the order found: {@code ["pdf-javascript", "macros"]}. */
    public List<String> problemCodes() {
        return problems.stream().map(InspectionProblem::code).toList();
    }
}
