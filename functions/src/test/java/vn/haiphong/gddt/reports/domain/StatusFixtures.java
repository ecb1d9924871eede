package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builders for the status tests: units, submissions and extensions for any unit (the shared
 * {@link Fixtures} always submits for one school). Expected instants are written with
 * {@link Fixtures#vn}, never with {@link VietnamTime}.
 */
final class StatusFixtures {
    /** QCDC 6 tháng 2025: named day 10/6/2025, due 00:00 10/6 Vietnam time, opens 30 days earlier. */
    static final String QCDC_H1 = "QCDC:2025-H1";
    static final LocalDate NAMED_DAY = LocalDate.of(2025, 6, 10);

    private static final AtomicInteger IDS = new AtomicInteger();

    private StatusFixtures() {
    }

    static Obligation qcdcH1() {
        return Fixtures.obligation(DeadlineRule.BEFORE_NAMED_DAY, QCDC_H1);
    }

    static Unit unit(String id, String name, UnitCategory category) {
        return unit(id, name, category, null, null);
    }

    static Unit unit(String id, String name, UnitCategory category, LocalDate activeFrom, LocalDate activeUntil) {
        return new Unit(id, name, category, List.of(id + "@example.edu.vn"), 1, activeFrom, activeUntil);
    }

    static Unit school(String id) {
        return unit(id, "Trường THPT " + id, UnitCategory.THPT);
    }

    static Submission accepted(String unitId, Instant receivedAt) {
        return submission(unitId, receivedAt, Optional.empty());
    }

    static Submission refused(String unitId, Instant receivedAt) {
        return submission(unitId, receivedAt, Optional.of("file-type-mismatch"));
    }

    static Submission submission(String unitId, Instant receivedAt, Optional<String> refusal) {
        int n = IDS.incrementAndGet();
        String id = String.format("st%08d", n);
        return new Submission(id, unitId, QCDC_H1,
                "submissions/2025/QCDC/2025-H1/" + unitId + "/" + id + "/bao-cao.pdf", "\"" + id + "\"", "v-" + id,
                1000L + n, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "application/pdf",
                "bao-cao-" + id + ".pdf", receivedAt, false, refusal);
    }

    static Extension extension(String unitId, Instant until, Instant grantedAt) {
        return new Extension(QCDC_H1, unitId, until, "Gia hạn do mất điện", new Actor("van-phong-so", "Văn phòng Sở"), grantedAt,
                Optional.empty(), Optional.empty());
    }

    static Extension revoked(String unitId, Instant until, Instant grantedAt, Instant revokedAt) {
        return new Extension(QCDC_H1, unitId, until, "Gia hạn do mất điện", new Actor("van-phong-so", "Văn phòng Sở"), grantedAt,
                Optional.of(revokedAt), Optional.of(new Actor("van-phong-so", "Văn phòng Sở")));
    }

    /** The one row of {@code unit}, computed the way the Office sees it. */
    static UnitStatus rowOf(ObligationStatus status, String unitId) {
        return status.units().stream().filter(r -> r.unit().id().equals(unitId)).findFirst()
                .orElseThrow(() -> new AssertionError(unitId + " is not listed"));
    }
}
