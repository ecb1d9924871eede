package vn.haiphong.gddt.reports.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

/** Small builders shared by the domain tests. Expected values are built here, never with VietnamTime. */
final class Fixtures {
    /** Vietnam's zone, spelled out independently of {@link VietnamTime#ZONE}. */
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final AtomicInteger IDS = new AtomicInteger();

    /** The two periodic reports as the bundled catalog defines them. */
    static final Report QCDC = CatalogFile.bundled(CatalogSettings.defaults()).report("QCDC").orElseThrow();
    static final Report DVCQ = CatalogFile.bundled(CatalogSettings.defaults()).report("DVCQ").orElseThrow();

    private Fixtures() {
    }

    /** An instant read off a wall clock in Hải Phòng. */
    static Instant vn(int year, int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(year, month, day, hour, minute, second, 0, VN).toInstant();
    }

    /** A unit of that kind that has always existed. */
    static Unit unitOf(UnitCategory category) {
        return new Unit(category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), "Đơn vị " + category, category,
                java.util.List.of(), 1);
    }

    static CatalogSettings settings(DeadlineRule rule) {
        return new CatalogSettings(rule, Duration.ZERO, Duration.ofDays(30), Optional.empty());
    }

    static Catalog catalog(DeadlineRule rule) {
        return CatalogFile.bundled(settings(rule));
    }

    static Obligation obligation(DeadlineRule rule, String id) {
        return catalog(rule).find(id).orElseThrow(() -> new AssertionError("no obligation " + id));
    }

    static Submission accepted(String obligationId, Instant receivedAt) {
        return submission(obligationId, receivedAt, Optional.empty());
    }

    static Submission refused(String obligationId, Instant receivedAt, String why) {
        return submission(obligationId, receivedAt, Optional.of(why));
    }

    private static Submission submission(String obligationId, Instant receivedAt, Optional<String> refusal) {
        String id = String.format("sub%08d", IDS.incrementAndGet());
        return new Submission(id, "thpt-tran-phu", obligationId,
                "submissions/2025/QCDC/2025-H1/thpt-tran-phu/" + id + "/bao-cao.pdf", "\"etag\"", "v1",
                1234, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "application/pdf", "bao-cao.pdf",
                receivedAt, false, refusal);
    }
}
