package vn.haiphong.gddt.reports.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.OfficeToken;

/** The record of every office token issued, which is what lets the Office revoke one. */
public interface OfficeTokens {
    /** Records a new token; false if its id is taken (never overwrites a record). */
    boolean record(OfficeToken token);

    Optional<OfficeToken> find(String tokenId);

    /** Every token ever issued, revoked and expired ones too (the Office's register of who had access). */
    List<OfficeToken> all();

    /**
     * Revokes the token from {@code at} on, once: a token already revoked keeps its first revocation.
     *
     * @return the record as it now stands, or empty if no token has this id
     */
    Optional<OfficeToken> revoke(String tokenId, Instant at);
}
