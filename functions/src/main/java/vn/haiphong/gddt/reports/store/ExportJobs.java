package vn.haiphong.gddt.reports.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The export jobs of {@code POST /v1/exports/{obligation}}: one item each, moved forward only by
 * conditional writes (PENDING -> RUNNING -> READY or FAILED), so a duplicate storage event or a
 * retried invocation never builds the same archive twice.
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

    /** PENDING -> RUNNING; false when someone else claimed it or it is finished. */
    boolean claim(String exportId, Instant at);

    /** RUNNING -> READY. */
    void ready(String exportId, String objectKey, long files, long bytes, Instant at);

    /** PENDING or RUNNING -> FAILED; a no-op when the job already finished. */
    void failed(String exportId, String reason, Instant at);
}
