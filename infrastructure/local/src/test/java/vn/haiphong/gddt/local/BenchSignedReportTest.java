package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;
import vn.haiphong.gddt.reports.inspect.FileInspector;
import vn.haiphong.gddt.reports.inspect.Format;
import vn.haiphong.gddt.reports.inspect.TrustedRoots;

/** bench-cold's inspection event is a signed report: it must read as one, or the bench measures a refusal. */
class BenchSignedReportTest {
    private static final Path PDFSIG_FIXTURES = Running.ROOT.resolve(
            "functions/inspect/src/test/resources/vn/haiphong/gddt/reports/inspect/pdfsig");

    @ParameterizedTest
    @ValueSource(strings = {"bao-cao-pdfsig.pdf", "ca-pdfsig.pem"})
    void the_benchs_file_is_the_inspection_tests_pdfsig_fixture_unchanged(String name) throws Exception {
        assertThat(ColdStartBench.benchFile(name)).isEqualTo(Files.readAllBytes(PDFSIG_FIXTURES.resolve(name)));
    }

    @Test
    void the_benchs_signed_report_reads_valid_whole_and_trusted_under_the_benchs_root() throws Exception {
        TrustedRoots roots = TrustedRoots.fromPem(new String(ColdStartBench.benchFile("ca-pdfsig.pem"), StandardCharsets.US_ASCII));

        Inspection inspection = new FileInspector().inspect(new ByteArrayInputStream(ColdStartBench.benchFile("bao-cao-pdfsig.pdf")),
                Format.PDF, roots, Instant.now());

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Signature.Integrity.VALID);
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.trust()).isEqualTo(Signature.Trust.TRUSTED);
        });
    }
}
