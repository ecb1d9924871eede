package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;
import vn.haiphong.gddt.reports.inspect.FileInspector;
import vn.haiphong.gddt.reports.inspect.Format;
import vn.haiphong.gddt.reports.inspect.TrustedRoots;

/** bench-cold's inspection event is a signed report: it must read as one, or the bench measures a refusal. */
class BenchSignedReportTest {
    @Test
    void the_benchs_signed_report_reads_valid_whole_and_trusted_under_the_benchs_root() throws Exception {
        TrustedRoots roots = TrustedRoots.fromPem(new String(ColdStartBench.benchFile("trusted-root.pem"), StandardCharsets.US_ASCII));

        Inspection inspection = new FileInspector().inspect(new ByteArrayInputStream(ColdStartBench.benchFile("signed-report.pdf")),
                Format.PDF, roots, Instant.now());

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Signature.Integrity.VALID);
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.trust()).isEqualTo(Signature.Trust.TRUSTED);
        });
    }
}
