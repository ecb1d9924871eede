package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.reports.domain.Signature.Integrity;
import vn.haiphong.gddt.reports.domain.Signature.Revocation;
import vn.haiphong.gddt.reports.domain.Signature.Trust;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;

/**
 * A PDF signed by poppler's {@code pdfsig} through NSS (see {@code pdfsig/README.md}), so that the
 * verification is not only tested against the signer the tests write themselves. NSS puts no
 * signing-time attribute in its CMS: the time comes from the signature dictionary's /M.
 */
class PdfsigSignedPdfTest {
    private static final Instant NOW = Instant.parse("2027-01-04T02:00:00Z");

    @TempDir
    Path folder;

    private Inspection inspect(TrustedRoots roots) throws IOException {
        Path file = folder.resolve("bao-cao-pdfsig.pdf");
        try (InputStream pdf = resource("bao-cao-pdfsig.pdf")) {
            Files.copy(pdf, file);
        }
        return new FileInspector().inspect(file, Format.PDF, roots, NOW);
    }

    private static InputStream resource(String name) {
        return PdfsigSignedPdfTest.class.getResourceAsStream("pdfsig/" + name);
    }

    @Test
    void the_pdfsig_signature_reads_its_signer_organisation_and_time_intact_and_whole_yet_untrusted() throws IOException {
        Inspection inspection = inspect(TrustedRoots.none());

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.signatures()).containsExactly(new Signature("Nguyễn Văn An", "Trường THPT Trần Phú",
                "CA thử nghiệm pdfsig", "78CB6749E1DDC403A62C46E13219E192FAABC13B",
                Optional.of(Instant.parse("2026-12-06T22:00:11Z")), "SHA-256", Integrity.VALID, true, Trust.UNTRUSTED,
                Revocation.NOT_CHECKED, Signature.Kind.SIGNATURE));
    }

    @Test
    void the_pdfsig_signature_is_trusted_once_its_ca_is_in_the_trusted_roots() throws IOException {
        TrustedRoots roots;
        try (InputStream pem = resource("ca-pdfsig.pem")) {
            roots = TrustedRoots.fromPem(pem);
        }

        assertThat(roots.size()).isEqualTo(1);
        assertThat(inspect(roots).signatures()).singleElement()
                .satisfies(s -> assertThat(s.trust()).isEqualTo(Trust.TRUSTED))
                .satisfies(s -> assertThat(s.coversWholeDocument()).isTrue());
    }
}
