package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.inspect.TestPki.INTERMEDIATE;
import static vn.haiphong.gddt.reports.inspect.TestPki.NOW;
import static vn.haiphong.gddt.reports.inspect.TestPki.SIGNED_AT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bouncy Castle's provider registers hundreds of algorithms when built, about a third of a second of a
 * cold inspection: a signature the JDK can check (ECDSA on P-256, RSA) must not build it. Checked in a
 * JVM of its own, by its class-load log, since this one has it loaded already.
 */
class JdkChecksCommonSignaturesTest {
    private static final String PROVIDER = "org.bouncycastle.jce.provider.BouncyCastleProvider ";

    @TempDir
    Path folder;

    private String classesLoadedInspecting(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.write(folder.resolve("bao-cao.pdf"), pdf);
        Path roots = Files.writeString(folder.resolve("roots.pem"), TestPki.pem(TestPki.ROOT.certificate()));
        Path log = folder.resolve("classes.log");
        FirstInspection.Result result = FirstInspection.in(System.getProperty("java.class.path"), file, roots, NOW,
                List.of("-Xlog:class+load=info:file=" + log));
        assertThat(result.verdicts()).isEqualTo("[VALID/TRUSTED]");
        return Files.readString(log);
    }

    @Test
    void a_p256_signature_is_checked_without_building_bouncy_castles_provider() throws Exception {
        String loaded = classesLoadedInspecting(TestPdfs.signedByPerson(SIGNED_AT));

        assertThat(loaded).contains("org.bouncycastle.cms.SignerInformation ").doesNotContain(PROVIDER);
    }

    @Test
    void a_brainpool_signature_builds_it_since_only_bouncy_castle_has_the_curve() throws Exception {
        String loaded = classesLoadedInspecting(TestPdfs.sign(TestPdfs.report(), TestPki.BRAINPOOL_PERSON,
                List.of(TestPki.BRAINPOOL_PERSON.certificate(), INTERMEDIATE.certificate()), SIGNED_AT, "Hai Phong"));

        assertThat(loaded).contains(PROVIDER);
    }
}
