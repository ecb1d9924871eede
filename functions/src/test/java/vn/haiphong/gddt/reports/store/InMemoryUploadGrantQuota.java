package vn.haiphong.gddt.reports.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Grants counted per unit and minute in a map; checked against DynamoDB by {@code UploadGrantQuotaContractTest}. */
public final class InMemoryUploadGrantQuota implements UploadGrantQuota {
    private final Map<String, Integer> grants = new HashMap<>();

    @Override
    public synchronized boolean tryTake(String unitId, Instant now, int perMinute) {
        String key = unitId + "@" + now.truncatedTo(ChronoUnit.MINUTES);
        int spent = grants.getOrDefault(key, 0);
        if (spent >= perMinute) {
            return false;
        }
        grants.put(key, spent + 1);
        return true;
    }
}
