package vn.haiphong.gddt.reports.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.haiphong.gddt.reports.domain.OfficeToken;

/** The office token register's rules in a map; {@link OfficeTokensContractTest} holds it to DynamoDB's. */
public final class InMemoryOfficeTokens implements OfficeTokens {
    private final Map<String, OfficeToken> records = new ConcurrentHashMap<>();
    /** How often a record was read: what a cache in front of the register saves. */
    public final AtomicInteger finds = new AtomicInteger();

    @Override
    public boolean record(OfficeToken token) {
        return records.putIfAbsent(token.tokenId(), token) == null;
    }

    @Override
    public Optional<OfficeToken> find(String tokenId) {
        finds.incrementAndGet();
        return Optional.ofNullable(tokenId == null ? null : records.get(tokenId));
    }

    @Override
    public List<OfficeToken> all() {
        return List.copyOf(records.values());
    }

    @Override
    public Optional<OfficeToken> revoke(String tokenId, Instant at) {
        return Optional.ofNullable(tokenId == null ? null : records.computeIfPresent(tokenId, (id, t) -> t.revokedAt().isPresent()
                ? t : new OfficeToken(t.tokenId(), t.actor(), t.displayName(), t.scope(), t.issuedAt(), t.expiresAt(),
                Optional.of(at))));
    }
}
