package vn.haiphong.gddt.reports.store;

import java.time.Instant;

/**
 * How many presigned upload URLs a unit may be given a minute. A leaked link can then ask for only so
 * many grants to write, and a page stuck in a loop cannot fill the bucket with unrecorded objects.
 */
public interface UploadGrantQuota {
    /**
     * Counts one grant for the unit in the minute that holds {@code now}; false, counting nothing, when
     * the unit has had {@code perMinute} already.
     */
    boolean tryTake(String unitId, Instant now, int perMinute);
}
