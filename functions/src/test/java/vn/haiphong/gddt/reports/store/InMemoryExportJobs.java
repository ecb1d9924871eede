package vn.haiphong.gddt.reports.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Export jobs in a map, moved on under the same build claim; checked against DynamoDB by {@code ExportJobsContractTest}. */
public final class InMemoryExportJobs implements ExportJobs {
    private static final String BUILD = "build";

    private final Map<String, Job> jobs = new HashMap<>();
    private final InMemoryClaims claims = new InMemoryClaims();

    @Override
    public synchronized boolean create(Job job) {
        // As DynamoDB's read-back does: the same job found is this very write, tried again.
        Job kept = jobs.putIfAbsent(job.exportId(), job);
        return kept == null || kept.equals(job);
    }

    /** Every job, for a test to see that nothing was written. */
    public synchronized java.util.List<Job> all() {
        return java.util.List.copyOf(jobs.values());
    }

    @Override
    public synchronized Optional<Job> find(String exportId) {
        return Optional.ofNullable(jobs.get(exportId));
    }

    @Override
    public synchronized Optional<Claims.Held> claim(String exportId, Instant at, Duration lease) {
        Job job = jobs.get(exportId);
        if (job == null) {
            return Optional.empty();
        }
        Optional<Claims.Held> held = claims.take(BUILD, pk(exportId), "EXPORT", at, lease);
        held.ifPresent(h -> jobs.put(exportId, new Job(job.exportId(), job.obligationId(), State.RUNNING, job.requestedBy(),
                job.requestedAt(), Optional.of(at), job.finishedAt(), job.objectKey(), job.reason(), job.files(), job.bytes())));
        return held;
    }

    @Override
    public synchronized void ready(Claims.Held build, String objectKey, long files, long bytes, Instant at) {
        claims.complete(build, State.READY.name());
        Job job = jobs.get(build.pk().substring("EXPORT#".length()));
        jobs.put(job.exportId(), new Job(job.exportId(), job.obligationId(), State.READY, job.requestedBy(), job.requestedAt(),
                job.startedAt(), Optional.of(at), Optional.of(objectKey), job.reason(), files, bytes));
    }

    @Override
    public synchronized void failed(Claims.Held build, String reason, Instant at) {
        claims.complete(build, State.FAILED.name());
        Job job = jobs.get(build.pk().substring("EXPORT#".length()));
        jobs.put(job.exportId(), failed(job, reason, at));
    }

    @Override
    public synchronized void failedToStart(String exportId, String reason, Instant at) {
        Job job = jobs.get(exportId);
        if (job != null && claims.closeUnclaimed(BUILD, pk(exportId), "EXPORT", State.FAILED.name())) {
            jobs.put(exportId, failed(job, reason, at));
        }
    }

    private static Job failed(Job job, String reason, Instant at) {
        return new Job(job.exportId(), job.obligationId(), State.FAILED, job.requestedBy(), job.requestedAt(),
                job.startedAt(), Optional.of(at), job.objectKey(), Optional.of(reason), job.files(), job.bytes());
    }

    private static String pk(String exportId) {
        return "EXPORT#" + exportId;
    }
}
