package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.InMemoryPorts;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/**
 * The inspection function fed the EventBridge "Object Created" event S3 sends (AWS's shape, in
 * src/test/resources/events), deserialised as the runtime does, on the in-memory ports.
 */
class InspectOnAwsEventTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:05Z");
    private static final String KEY =
            "submissions/2026/QCDC/2026-Y/thpt-tran-phu/0123456789abcdef0123456789abcdef/Bao-cao-QCDC-nam-2026.pdf";

    @Test
    @SuppressWarnings("unchecked")
    void a_recorded_pdf_is_inspected_once_from_its_object_created_event() throws Exception {
        InMemoryPorts ports = new InMemoryPorts();
        ports.units().upsert(new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
                List.of("van-thu@thpt-tran-phu.example.edu.vn"), 1));
        byte[] pdf = TestPdfs.report();
        ports.files().put(KEY, pdf, "application/pdf", Map.of(), NOW);
        Submission s = new Submission("0123456789abcdef0123456789abcdef", "thpt-tran-phu", "QCDC:2026-Y", KEY, "etag", null,
                pdf.length, "x", "application/pdf", "Báo cáo.pdf", NOW, true, Optional.empty());
        ports.ledger().recordIfAbsent(s);
        InspectSubmissionHandler handler = new InspectSubmissionHandler(
                new Wiring(new Env(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC), ports));
        Map<String, Object> event = EventLoader.loadEvent("events/eventbridge-s3-object-created.json", Map.class);

        String first = handler.handleRequest(event, null);
        String again = handler.handleRequest(event, null);

        assertThat(first).isEqualTo("INSPECTED");
        assertThat(again).isEqualTo("ALREADY_INSPECTED");
        assertThat(ports.ledger().find("QCDC:2026-Y", "thpt-tran-phu", s.submissionId()).orElseThrow().inspection())
                .hasValueSatisfying(i -> assertThat(i.verdict()).isEqualTo(Inspection.Verdict.OK));
    }
}
