package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/** Turns a school's link token into the unit it acts for, or refuses. */
public final class UnitAccess {
    private final CapabilityTokens tokens;
    private final UnitDirectory units;
    private final Clock clock;

    public UnitAccess(CapabilityTokens tokens, UnitDirectory units, Clock clock) {
        this.tokens = tokens;
        this.units = units;
        this.clock = clock;
    }

    public Unit unitFor(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new RequestRefused(Problem.TOKEN_MISSING);
        }
        Capability capability = tokens.verify(bearerToken, clock.instant());
        if (capability.kind() != Capability.Kind.UNIT) {
            throw new RequestRefused(Problem.WRONG_TOKEN_KIND);
        }
        Unit unit = units.find(capability.subject()).orElseThrow(() -> new RequestRefused(Problem.UNIT_UNKNOWN));
        if (capability.version() != unit.tokenVersion()) {
            throw new RequestRefused(Problem.TOKEN_REVOKED);
        }
        return unit;
    }
}
