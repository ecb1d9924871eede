package vn.haiphong.gddt.reports.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.Report;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.store.OfficeTokens;

/**
 * Turns an Office token into the recorded token it stands for, or refuses; a school's link token
 * gets a 403 here. A token is checked against its record on every request, read again at most
 * {@link #RECORD_FRESH_FOR} after the last read, so a revocation takes effect within that time.
 */
public final class OfficeAccess {
    /** Well inside the 60 s the Office is promised, so that a revoked token stops within a minute. */
    static final Duration RECORD_FRESH_FOR = Duration.ofSeconds(30);
    private static final String REVOKED = "Mã truy cập của Văn phòng này đã bị thu hồi. Đề nghị xin cấp mã mới.";

    private final CapabilityTokens tokens;
    private final OfficeTokens records;
    private final Clock clock;
    /** Keyed by ids from tokens whose signature verified: bounded by the tokens the Office issued. */
    private final Map<String, Read> recentReads = new ConcurrentHashMap<>();

    private record Read(Optional<OfficeToken> record, Instant at) {
    }

    public OfficeAccess(CapabilityTokens tokens, OfficeTokens records, Clock clock) {
        this.tokens = tokens;
        this.records = records;
        this.clock = clock;
    }

    public OfficeToken officeFor(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new RequestRefused(Problem.TOKEN_MISSING);
        }
        Instant now = clock.instant();
        Capability capability = tokens.verify(bearerToken, now);
        if (capability.kind() != Capability.Kind.OFFICE) {
            throw new RequestRefused(Problem.WRONG_TOKEN_KIND);
        }
        return record(capability.tokenId(), now).filter(record -> record.stands(capability))
                .orElseThrow(() -> new RequestRefused(Problem.TOKEN_REVOKED, REVOKED));
    }

    private Optional<OfficeToken> record(String tokenId, Instant now) {
        if (!OfficeToken.validId(tokenId)) {
            return Optional.empty();
        }
        Read read = recentReads.get(tokenId);
        // A read "from the future" (a clock set back) is not trusted either.
        if (read == null || read.at().isAfter(now) || !read.at().plus(RECORD_FRESH_FOR).isAfter(now)) {
            read = new Read(records.find(tokenId), now);
            recentReads.put(tokenId, read);
        }
        return read.record();
    }

    /** Refuses a report outside the token's receiving department. */
    public static void requireReadable(OfficeToken office, Report report) {
        if (!office.mayRead(report)) {
            throw new RequestRefused(Problem.OUT_OF_SCOPE);
        }
    }
}
