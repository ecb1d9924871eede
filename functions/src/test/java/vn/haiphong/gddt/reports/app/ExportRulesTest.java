package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.app.InMemorySystem.NGO_QUYEN;
import static vn.haiphong.gddt.reports.app.InMemorySystem.TRAN_PHU;
import static vn.haiphong.gddt.reports.app.InMemorySystem.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.store.ExportJobs;
import vn.haiphong.gddt.reports.Zips;

@DisplayName("Exports: every unit's latest file in one ZIP, built once, or failed with a reason")
class ExportRulesTest {
    private final InMemorySystem system = new InMemorySystem("2026-12-01T09:00:00+07:00");

    private Exports exports() {
        return system.wiring.exports();
    }

    @Test
    void a_started_export_is_pending_with_its_request_stored_then_built_once_with_each_units_latest_file() throws IOException {
        system.upload(TRAN_PHU, "QCDC:2026-Y", "lần 1.pdf", pdf("Trần Phú cũ"));
        system.clock.advance(Duration.ofHours(1));
        Submission latest = system.upload(TRAN_PHU, "QCDC:2026-Y", "lần 2.pdf", pdf("Trần Phú mới"));
        system.upload(NGO_QUYEN, "QCDC:2026-Y", "bc.pdf", pdf("Ngô Quyền"));

        String exportId = exports().start(system.office, "QCDC:2026-Y");
        assertThat(exports().view(system.office, exportId).state()).isEqualTo(ExportJobs.State.PENDING);
        assertThat(system.files.object(Exports.requestKey(exportId))).isPresent();

        Exports.Built built = exports().build(exportId, Duration.ofMinutes(15));
        Exports.Built again = exports().build(exportId, Duration.ofMinutes(15));

        assertThat(built.outcome()).isEqualTo(Exports.Outcome.BUILT);
        assertThat(built.files()).isEqualTo(2);
        assertThat(again.outcome()).as("the same request delivered twice").isEqualTo(Exports.Outcome.ALREADY_CLAIMED);
        Exports.View ready = exports().view(system.office, exportId);
        assertThat(ready.state()).isEqualTo(ExportJobs.State.READY);
        String key = system.ports.exportJobs().find(exportId).orElseThrow().objectKey().orElseThrow();
        Map<String, byte[]> entries = Zips.entries(system.files.object(key).orElseThrow().bytes());
        assertThat(entries).containsKey(Exports.MANIFEST);
        assertThat(entries.values()).as("Trần Phú's latest file, not the first")
                .anySatisfy(b -> assertThat(b).isEqualTo(system.files.object(latest.key()).orElseThrow().bytes()))
                .noneSatisfy(b -> assertThat(new String(b, StandardCharsets.UTF_8)).contains("Trần Phú cũ"));
        assertThat(ready.url()).hasValueSatisfying(url -> assertThat(url).contains(key));
    }

    @Test
    void a_file_gone_from_storage_fails_the_export_with_a_reason_and_no_archive() {
        Submission s = system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("sẽ mất"));
        system.files.move(s.key(), "lost/" + s.key());
        String exportId = exports().start(system.office, "QCDC:2026-Y");

        Exports.Built built = exports().build(exportId, Duration.ofMinutes(15));

        assertThat(built.outcome()).isEqualTo(Exports.Outcome.FAILED);
        assertThat(exports().view(system.office, exportId).state()).isEqualTo(ExportJobs.State.FAILED);
        assertThat(system.files.keys()).noneMatch(k -> k.startsWith(Exports.ARCHIVE_PREFIX));
    }
}
