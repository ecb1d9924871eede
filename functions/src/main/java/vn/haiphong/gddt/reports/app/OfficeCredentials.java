package vn.haiphong.gddt.reports.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.store.OfficeTokens;

/** Issues the Office's tokens ({@code mint-token office}); revoking one is a write to its record ({@link OfficeTokens#revoke}). */
public final class OfficeCredentials {
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CapabilityTokens tokens;
    private final OfficeTokens records;
    private final Clock clock;

    /** A token as handed to its holder, with the record it is checked against. */
    public record Issued(OfficeToken record, String token) {
    }

    public OfficeCredentials(CapabilityTokens tokens, OfficeTokens records, Clock clock) {
        this.tokens = tokens;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Signs a new token and records it; a token is handed out only once its record is written.
     *
     * @throws IllegalArgumentException for a lifetime beyond 90 days, a bad scope, actor or display name
     */
    public Issued issue(String scope, String actor, String displayName, Duration validity) {
        OfficeToken record = OfficeToken.issue(newId(), scope, actor, displayName, clock.instant(), validity);
        String token = tokens.mint(record.capability());
        if (!records.record(record)) {
            throw new IllegalStateException("office token id " + record.tokenId() + " is taken; issue again");
        }
        return new Issued(record, token);
    }

    private static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
