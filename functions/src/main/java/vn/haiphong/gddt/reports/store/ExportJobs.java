package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The export jobs of {@code POST /v1/exports/{obligation}}: one item each, moved forward only by
 * conditional writes (PENDING -> RUNNING -> READY or FAILED) under one build claim, so a duplicate
 * storage event or a retried invocation never builds the same archive twice.
 */
public interface ExportJobs {
    enum State { PENDING, RUNNING, READY, FAILED }

    /**
     * @param objectKey where the archive is, once READY
     * @param reason    why it failed, once FAILED (for the logs and the table, not the API)
     */
    record Job(String exportId, String obligationId, State state, String requestedBy, Instant requestedAt,
               Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<String> objectKey,
               Optional<String> reason, long files, long bytes) {
        public Job {
            Objects.requireNonNull(exportId, "exportId");
            Objects.requireNonNull(obligationId, "obligationId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(requestedAt, "requestedAt");
        }

        public static Job pending(String exportId, String obligationId, String requestedBy, Instant requestedAt) {
            return new Job(exportId, obligationId, State.PENDING, requestedBy, requestedAt, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0, 0);
        }
    }

    /** Writes a new PENDING job; false when one with its id exists already. */
    boolean create(Job job);

    Optional<Job> find(String exportId);

    /**
     * PENDING -> RUNNING under the job's build claim (see {@link Claims}); empty when someone else
     * holds it or the job is finished. A build whose claim lapsed (its run was cut off) is taken over.
     */
    Optional<Claims.Held> claim(String exportId, Instant at, Duration lease);

    /** RUNNING -> READY, by the build's holder. */
    void ready(Claims.Held build, String objectKey, long files, long bytes, Instant at);

    /** RUNNING -> FAILED, by the build's holder. */
    void failed(Claims.Held build, String reason, Instant at);

    /** PENDING -> FAILED before any build (its request could not be written); a no-op once claimed. */
    void failedToStart(String exportId, String reason, Instant at);
}
