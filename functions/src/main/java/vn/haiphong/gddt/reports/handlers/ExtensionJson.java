package vn.haiphong.gddt.reports.handlers;

import vn.haiphong.gddt.reports.domain.Actor;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** An extension as the extension endpoints answer it. */
record ExtensionJson(String obligation, String unit, String until, String reason, String grantedBy, String grantedByName,
                     String grantedAt, String revokedBy, String revokedByName, String revokedAt) {
    static ExtensionJson of(Extension e) {
        return new ExtensionJson(e.obligationId(), e.unitId(), VietnamTime.iso(e.until()), e.reason(), e.grantedBy().id(),
                e.grantedBy().name(), VietnamTime.iso(e.grantedAt()), e.revokedBy().map(Actor::id).orElse(null),
                e.revokedBy().map(Actor::name).orElse(null), e.revokedAt().map(VietnamTime::iso).orElse(null));
    }
}
