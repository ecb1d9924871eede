package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A later deadline (gia hạn) granted to one unit for one obligation. Kept for good: revoking it
 * records who and when, so the status at any past instant can be told again.
 */
public record Extension(String obligationId, String unitId, Instant until, String reason, Actor grantedBy,
                        Instant grantedAt, Optional<Instant> revokedAt, Optional<Actor> revokedBy) {
    public static final int MAX_REASON = 500;

    public Extension {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(grantedAt, "grantedAt");
        reason = Text.nfc(reason).strip();
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
        revokedBy = revokedBy == null ? Optional.empty() : revokedBy;
    }

    /** Granted by then and not yet revoked then. */
    public boolean inForceAt(Instant asOf) {
        return !grantedAt.isAfter(asOf) && revokedAt.map(r -> r.isAfter(asOf)).orElse(true);
    }

    /** The extensions in force at {@code at}, the latest granted first: the one that counts, then any older. */
    public static java.util.List<Extension> inForce(java.util.List<Extension> extensions, Instant at) {
        return extensions.stream().filter(e -> e.inForceAt(at))
                .sorted(java.util.Comparator.comparing(Extension::grantedAt).reversed()).toList();
    }

    /** This extension, revoked at {@code at} by {@code by}. */
    public Extension revoked(Actor by, Instant at) {
        return new Extension(obligationId, unitId, until, reason, grantedBy, grantedAt, Optional.of(at), Optional.of(by));
    }
}
