package vn.haiphong.gddt.reports.store;

import static vn.haiphong.gddt.reports.store.Items.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;

/**
 * An inspection as attributes of its submission's item: {@code inspectionVerdict}, {@code
 * inspectionProblems} (codes), {@code inspectionReason}, {@code signatures} (a list of maps). Hand
 * mapped like every item here: no reflection at a cold start.
 */
final class InspectionItems {
    static final String VERDICT = "inspectionVerdict";

    private InspectionItems() {
    }

    /** The values of {@code SET inspectionVerdict = :verdict, …}, by placeholder. */
    static Map<String, AttributeValue> values(Inspection i, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":verdict", s(i.verdict().name()));
        values.put(":problems", Items.list(i.problems()));
        values.put(":reason", s(i.reason().orElse("")));
        values.put(":inspectedAt", s(at.toString()));
        values.put(":signatures", AttributeValue.fromL(i.signatures().stream().map(InspectionItems::signature).toList()));
        return values;
    }

    static final String SET = VERDICT + " = :verdict, inspectionProblems = :problems, inspectionReason = :reason, "
            + "inspectedAt = :inspectedAt, signatures = :signatures";

    static Optional<Inspection> read(Map<String, AttributeValue> item) {
        if (!item.containsKey(VERDICT)) {
            return Optional.empty();
        }
        String reason = Items.str(item, "inspectionReason");
        return Optional.of(new Inspection(Inspection.Verdict.valueOf(Items.str(item, VERDICT)),
                Items.strings(item, "inspectionProblems"), Optional.ofNullable(reason).filter(r -> !r.isEmpty()),
                item.get("signatures").l().stream().map(v -> signature(v.m())).toList()));
    }

    private static AttributeValue signature(Signature sig) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("signer", s(sig.signer()));
        m.put("organization", s(sig.organization()));
        m.put("issuer", s(sig.issuer()));
        m.put("serial", s(sig.serial()));
        sig.signedAt().ifPresent(at -> m.put("signedAt", s(at.toString())));
        m.put("digest", s(sig.digest()));
        m.put("integrity", s(sig.integrity().name()));
        m.put("coversWholeDocument", AttributeValue.fromBool(sig.coversWholeDocument()));
        m.put("trust", s(sig.trust().name()));
        m.put("revocation", s(sig.revocation().name()));
        m.put("kind", s(sig.kind().name()));
        return AttributeValue.fromM(m);
    }

    private static Signature signature(Map<String, AttributeValue> m) {
        return new Signature(Items.str(m, "signer"), Items.str(m, "organization"), Items.str(m, "issuer"),
                Items.str(m, "serial"), Items.optStr(m, "signedAt").map(Instant::parse), Items.str(m, "digest"),
                Signature.Integrity.valueOf(Items.str(m, "integrity")), m.get("coversWholeDocument").bool(),
                Signature.Trust.valueOf(Items.str(m, "trust")), Signature.Revocation.valueOf(Items.str(m, "revocation")),
                Signature.Kind.valueOf(Items.str(m, "kind")));
    }
}
