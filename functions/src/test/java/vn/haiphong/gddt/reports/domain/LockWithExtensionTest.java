package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

class LockWithExtensionTest {
    private final Catalog catalog = CatalogFile.bundled(new CatalogSettings(DeadlineRule.BEFORE_NAMED_DAY, Duration.ZERO,
            Duration.ofDays(30), Optional.of(Duration.ofDays(1))));
    private final Obligation qcdc = catalog.find("QCDC:2026-Y").orElseThrow();

    @Test
    void without_an_extension_the_period_locks_a_day_after_the_deadline() {
        var afterLock = OffsetDateTime.parse("2026-12-06T00:00:00+07:00").toInstant();

        assertThat(qcdc.isLocked(afterLock)).isTrue();
        assertThat(qcdc.acceptsUploadsAt(afterLock)).isFalse();
    }

    @Test
    void an_extension_past_the_lock_lets_the_unit_upload_until_its_own_deadline() {
        var extendedUntil = OffsetDateTime.parse("2026-12-09T00:00:00+07:00").toInstant();

        assertThat(qcdc.acceptsUploadsAt(extendedUntil.minusSeconds(1), extendedUntil)).isTrue();
        assertThat(qcdc.isLocked(extendedUntil, extendedUntil)).isTrue();
    }

    @Test
    void a_short_extension_does_not_shorten_the_lock() {
        var lock = OffsetDateTime.parse("2026-12-06T00:00:00+07:00").toInstant();
        var shortExtension = OffsetDateTime.parse("2026-12-05T12:00:00+07:00").toInstant();

        assertThat(qcdc.acceptsUploadsAt(lock.minusSeconds(1), shortExtension)).isTrue();
        assertThat(qcdc.acceptsUploadsAt(lock, shortExtension)).isFalse();
    }
}
