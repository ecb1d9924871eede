package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.Report;
import vn.haiphong.gddt.reports.domain.RequestRefused;

/** Turns an Office token into what it may see; a school's link token gets a 403 here. */
public final class OfficeAccess {
    private final CapabilityTokens tokens;
    private final Clock clock;

    public OfficeAccess(CapabilityTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public Capability officeFor(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new RequestRefused(Problem.TOKEN_MISSING);
        }
        Capability capability = tokens.verify(bearerToken, clock.instant());
        if (capability.kind() != Capability.Kind.OFFICE) {
            throw new RequestRefused(Problem.WRONG_TOKEN_KIND);
        }
        return capability;
    }

    /** Refuses a report outside the token's receiving department. */
    public static void requireReadable(Capability office, Report report) {
        if (!office.mayRead(report)) {
            throw new RequestRefused(Problem.OUT_OF_SCOPE);
        }
    }
}
