package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.inspect.FileInspector;
import vn.haiphong.gddt.reports.inspect.Format;
import vn.haiphong.gddt.reports.inspect.TrustedRoots;

class SamplePdfTest {
    @Test
    void the_sample_pdf_the_tests_and_benches_upload_passes_the_inspection_with_a_vietnamese_marker() throws IOException {
        Inspection inspection = new FileInspector().inspect(new ByteArrayInputStream(SamplePdf.of("Trường THPT Trần Phú\nmột dòng")),
                Format.PDF, TrustedRoots.none(), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.signatures()).isEmpty();
    }
}
