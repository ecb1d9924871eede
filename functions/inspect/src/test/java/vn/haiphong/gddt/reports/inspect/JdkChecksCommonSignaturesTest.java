package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.inspect.TestPki.INTERMEDIATE;
import static vn.haiphong.gddt.reports.inspect.TestPki.SIGNED_AT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bouncy Castle's provider registers hundreds of algorithms when built, about a third of a second of a
 * cold inspection: a signature the JDK can check (ECDSA on P-256, RSA), intact or not, must not build it.
 * Checked in a JVM of its own, by its class-load log, since this one has it loaded already.
 */
class JdkChecksCommonSignaturesTest {
    private static final String PROVIDER = "org.bouncycastle.jce.provider.BouncyCastleProvider ";
    /** After pdfsig's signing day: each signature is judged at its signing time, all within their chains. */
    private static final Instant NOW = Instant.parse("2027-01-04T02:00:00Z");

    @TempDir
    Path folder;

    /** The class-load log of a fresh JVM that inspected {@code pdf}, after checking the verdicts it printed. */
    private String classesLoadedInspecting(byte[] pdf, String verdicts) throws IOException, InterruptedException {
        Path file = Files.write(folder.resolve("bao-cao.pdf"), pdf);
        Path roots = Files.writeString(folder.resolve("roots.pem"), TestPki.pem(TestPki.ROOT.certificate()) + pdfsig("ca-pdfsig.pem"));
        Path log = folder.resolve("classes.log");
        FirstInspection.Result result = FirstInspection.in(System.getProperty("java.class.path"), file, roots, NOW,
                List.of("-Xlog:class+load=info:file=" + log), false);
        assertThat(result.verdicts()).isEqualTo(verdicts);
        return Files.readString(log);
    }

    private static String pdfsig(String name) throws IOException {
        try (InputStream in = JdkChecksCommonSignaturesTest.class.getResourceAsStream("pdfsig/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static Stream<Arguments> signaturesTheJdkChecks() throws IOException {
        byte[] p256 = TestPdfs.signedByPerson(SIGNED_AT);
        return Stream.of(
                Arguments.of("ECDSA on P-256", p256, "[VALID/TRUSTED]"),
                Arguments.of("RSA 2048, signed by pdfsig", pdfsig("bao-cao-pdfsig.pdf").getBytes(StandardCharsets.ISO_8859_1),
                        "[VALID/TRUSTED]"),
                Arguments.of("ECDSA on P-256, a signed byte changed", TestPdfs.changedAt(p256, "Hai Phong"), "[INVALID/TRUSTED]"),
                Arguments.of("ECDSA on P-256, made with another key", TestPdfs.signedByPersonWithUnitsKey(), "[INVALID/TRUSTED]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signaturesTheJdkChecks")
    void a_signature_the_jdk_checks_is_judged_without_building_bouncy_castles_provider(String what, byte[] pdf,
                                                                                     String verdicts) throws Exception {
        String loaded = classesLoadedInspecting(pdf, verdicts);

        assertThat(loaded).contains("org.bouncycastle.cms.SignerInformation ").doesNotContain(PROVIDER);
    }

    @Test
    void a_brainpool_signature_builds_it_since_only_bouncy_castle_has_the_curve() throws Exception {
        String loaded = classesLoadedInspecting(TestPdfs.sign(TestPdfs.report(), TestPki.BRAINPOOL_PERSON,
                List.of(TestPki.BRAINPOOL_PERSON.certificate(), INTERMEDIATE.certificate()), SIGNED_AT, "Hai Phong"),
                "[VALID/TRUSTED]");

        assertThat(loaded).contains(PROVIDER);
    }
}
