package vn.haiphong.gddt.reports.domain;

import java.util.Collection;

/**
 * Of the files that count (each unit's latest, on time or late), how many carry a valid digital
 * signature over the whole file, and how many none at all; the rest are still being inspected, or
 * signed but not validly or not over the whole file (the dashboard says which).
 */
public record SignatureCounts(int signed, int unsigned) {
    public static SignatureCounts of(Collection<UnitStatus> rows) {
        int signed = 0;
        int unsigned = 0;
        for (UnitStatus row : rows) {
            if (row.state() != ObligationState.ON_TIME && row.state() != ObligationState.LATE) {
                continue;
            }
            Inspection inspection = row.latest().flatMap(Submission::inspection).orElse(null);
            if (inspection == null) {
                continue;
            }
            if (inspection.signatures().stream().anyMatch(SignatureRule::signsWholeFile)) {
                signed++;
            } else if (inspection.signatures().stream().noneMatch(s -> s.kind() == Signature.Kind.SIGNATURE)) {
                unsigned++;
            }
        }
        return new SignatureCounts(signed, unsigned);
    }
}
