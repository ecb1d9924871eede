package vn.haiphong.gddt.reports.handlers;

import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** An extension as the extension endpoints answer it. */
record ExtensionJson(String obligation, String unit, String until, String reason, String grantedBy, String grantedAt,
                     String revokedBy, String revokedAt) {
    static ExtensionJson of(Extension e) {
        return new ExtensionJson(e.obligationId(), e.unitId(), VietnamTime.iso(e.until()), e.reason(), e.grantedBy(),
                VietnamTime.iso(e.grantedAt()), e.revokedBy().orElse(null), e.revokedAt().map(VietnamTime::iso).orElse(null));
    }
}
