package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.haiphong.gddt.reports.inspect.TestPki.INTERMEDIATE;
import static vn.haiphong.gddt.reports.inspect.TestPki.NOW;
import static vn.haiphong.gddt.reports.inspect.TestPki.PERSON;
import static vn.haiphong.gddt.reports.inspect.TestPki.ROOT;
import static vn.haiphong.gddt.reports.inspect.TestPki.SIGNED_AT;
import static vn.haiphong.gddt.reports.inspect.TestPki.UNIT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.haiphong.gddt.reports.domain.Signature.Integrity;
import vn.haiphong.gddt.reports.domain.Signature.Revocation;
import vn.haiphong.gddt.reports.domain.Signature.Trust;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;

/** Signatures made by the tests' own PKI (root, intermediate, signer), with PDFBox as the signing software. */
class PdfSignaturesTest {
    private static final TrustedRoots OFFICE_ROOTS = TrustedRoots.fromPem(TestPki.pem(ROOT.certificate()));

    @TempDir
    Path folder;

    private Inspection inspect(byte[] pdf, TrustedRoots roots) throws IOException {
        Path file = Files.write(folder.resolve("bao-cao.pdf"), pdf);
        return new FileInspector().inspect(file, Format.PDF, roots, NOW);
    }

    @Test
    void a_pdf_signed_by_a_certificate_under_a_trusted_root_reads_valid_whole_and_trusted() throws IOException {
        Inspection inspection = inspect(TestPdfs.signedByPerson(SIGNED_AT), OFFICE_ROOTS);

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.signatures()).containsExactly(new Signature("Nguyễn Văn An", "Trường THPT Trần Phú",
                "CA trung gian thử nghiệm", PERSON.certificate().getSerialNumber().toString(16).toUpperCase(),
                Optional.of(SIGNED_AT), "SHA-256", Integrity.VALID, true, Trust.TRUSTED, Revocation.NOT_CHECKED, Signature.Kind.SIGNATURE));
    }

    /** Signers the JDK's providers may not check themselves: the verifier then asks Bouncy Castle's. */
    static Stream<Arguments> signaturesBeyondTheCommonCase() {
        return Stream.of(
                Arguments.of("ECDSA on Brainpool P-256r1, a curve the JDK lacks", TestPki.BRAINPOOL_PERSON, "SHA256withECDSA",
                        "Trần Thị Bình"),
                Arguments.of("RSASSA-PSS with MGF1, named as Bouncy Castle names it", TestPki.Rsa.PERSON, "SHA256withRSAandMGF1",
                        "Lê Văn Cường"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signaturesBeyondTheCommonCase")
    void a_signature_beyond_the_common_case_reads_valid_when_untouched_and_invalid_when_changed(
            String what, TestPki.Issued signer, String algorithm, String signerName) throws IOException {
        byte[] pdf = TestPdfs.sign(TestPdfs.report(), signer, List.of(signer.certificate(), INTERMEDIATE.certificate()),
                SIGNED_AT, "Hai Phong", algorithm);

        assertThat(inspect(pdf, OFFICE_ROOTS).signatures()).singleElement()
                .satisfies(s -> assertThat(s.signer()).isEqualTo(signerName))
                .satisfies(s -> assertThat(s.integrity()).isEqualTo(Integrity.VALID))
                .satisfies(s -> assertThat(s.trust()).isEqualTo(Trust.TRUSTED));
        assertThat(inspect(TestPdfs.changedAt(pdf, "Hai Phong"), OFFICE_ROOTS).signatures().get(0).integrity())
                .isEqualTo(Integrity.INVALID);
    }

    static Stream<Arguments> signatureValuesThatDoNotVerify() throws IOException {
        return Stream.of(
                Arguments.of("made with another key than the named signer's", TestPdfs.signedByPersonWithUnitsKey()),
                Arguments.of("not a signature at all", TestPdfs.signedByPersonWithNoSignatureValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureValuesThatDoNotVerify")
    void a_signature_value_that_does_not_verify_reads_invalid_though_the_file_is_intact(String what, byte[] pdf)
            throws IOException {
        assertThat(inspect(pdf, OFFICE_ROOTS).signatures()).singleElement()
                .satisfies(s -> assertThat(s.signer()).isEqualTo("Nguyễn Văn An"))
                .satisfies(s -> assertThat(s.coversWholeDocument()).isTrue())
                .satisfies(s -> assertThat(s.integrity()).isEqualTo(Integrity.INVALID));
    }

    @Test
    void the_same_file_read_from_a_stream_reads_the_same() throws IOException {
        byte[] pdf = TestPdfs.signedByPerson(SIGNED_AT);

        Inspection fromStream = new FileInspector().inspect(new ByteArrayInputStream(pdf), Format.PDF, OFFICE_ROOTS, NOW);

        assertThat(fromStream).isEqualTo(inspect(pdf, OFFICE_ROOTS));
    }

    @Test
    void a_signature_is_untrusted_until_its_root_is_in_the_offices_bundle() throws IOException {
        byte[] pdf = TestPdfs.signedByPerson(SIGNED_AT);

        assertThat(inspect(pdf, TrustedRoots.none()).signatures()).singleElement()
                .satisfies(s -> assertThat(s.trust()).isEqualTo(Trust.UNTRUSTED))
                .satisfies(s -> assertThat(s.integrity()).isEqualTo(Integrity.VALID));
        // A bundle trusts only what chains to one of its certificates.
        TrustedRoots otherRoot = TrustedRoots.fromPem(TestPki.pem(TestPki.root("CA gốc khác").certificate()));
        assertThat(inspect(pdf, otherRoot).signatures().get(0).trust()).isEqualTo(Trust.UNTRUSTED);
    }

    @Test
    void a_pdf_changed_by_an_incremental_update_after_signing_no_longer_covers_the_whole_document() throws IOException {
        byte[] pdf = TestPdfs.rotatedAfterSigning(TestPdfs.signedByPerson(SIGNED_AT));

        Inspection inspection = inspect(pdf, OFFICE_ROOTS);

        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.coversWholeDocument()).isFalse();
            assertThat(s.integrity()).isEqualTo(Integrity.VALID);
            assertThat(s.trust()).isEqualTo(Trust.TRUSTED);
        });
        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @Test
    void a_pdf_changed_inside_a_signed_range_has_an_invalid_integrity() throws IOException {
        byte[] pdf = TestPdfs.changedAt(TestPdfs.signedByPerson(SIGNED_AT), "Hai Phong");

        Inspection inspection = inspect(pdf, OFFICE_ROOTS);

        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Integrity.INVALID);
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
        });
        // Reported, not refused: the unit's file is kept and the Office sees the broken seal.
        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.problems()).containsExactly("signature-invalid");
    }

    @Test
    void a_signer_under_a_root_the_office_does_not_trust_is_untrusted() throws IOException {
        TestPki.Issued foreignRoot = TestPki.root("CA không được tin cậy");
        TestPki.Issued stranger = TestPki.issue(foreignRoot, TestPki.name("Nguyễn Văn An", "Trường THPT Trần Phú"), false,
                SIGNED_AT.minus(Duration.ofDays(1)), SIGNED_AT.plus(Duration.ofDays(365)));
        byte[] pdf = TestPdfs.sign(TestPdfs.report(), stranger, List.of(stranger.certificate()), SIGNED_AT, "Hai Phong");

        Inspection inspection = inspect(pdf, OFFICE_ROOTS);

        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.trust()).isEqualTo(Trust.UNTRUSTED);
            assertThat(s.integrity()).isEqualTo(Integrity.VALID);
            assertThat(s.issuer()).isEqualTo("CA không được tin cậy");
        });
        assertThat(inspection.problems()).isEmpty();
    }

    @Test
    void a_signer_certificate_expired_at_signing_time_is_untrusted_and_says_so() throws IOException {
        TestPki.Issued expired = TestPki.issue(INTERMEDIATE, TestPki.name("Nguyễn Văn An", "Trường THPT Trần Phú"), false,
                SIGNED_AT.minus(Duration.ofDays(400)), SIGNED_AT.minus(Duration.ofDays(35)));
        byte[] pdf = TestPdfs.sign(TestPdfs.report(), expired,
                List.of(expired.certificate(), INTERMEDIATE.certificate()), SIGNED_AT, "Hai Phong");

        Inspection inspection = inspect(pdf, OFFICE_ROOTS);

        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.trust()).isEqualTo(Trust.UNTRUSTED);
            // The bytes are the ones signed: an expired certificate is a matter of trust, not integrity.
            assertThat(s.integrity()).isEqualTo(Integrity.VALID);
        });
        assertThat(inspection.problems()).containsExactly("signature-certificate-not-valid");
        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
    }

    @Test
    void trust_is_judged_at_the_signing_time_not_at_inspection() throws IOException {
        byte[] pdf = TestPdfs.signedByPerson(SIGNED_AT);
        Instant afterThePersonsCertificateExpired = PERSON.certificate().getNotAfter().toInstant().plus(Duration.ofDays(30));

        Inspection years_later = new FileInspector().inspect(Files.write(folder.resolve("cu.pdf"), pdf), Format.PDF,
                OFFICE_ROOTS, afterThePersonsCertificateExpired);

        assertThat(years_later.signatures().get(0).trust()).isEqualTo(Trust.TRUSTED);
        assertThat(years_later.problems()).isEmpty();
    }

    @Test
    void a_signing_time_claimed_after_the_inspection_is_not_believed_and_the_chain_is_judged_now() throws IOException {
        Instant beyondThePersonsCertificate = PERSON.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
        byte[] pdf = TestPdfs.signedByPerson(beyondThePersonsCertificate);

        Inspection inspection = inspect(pdf, OFFICE_ROOTS);

        assertThat(inspection.signatures().get(0).signedAt()).contains(beyondThePersonsCertificate);
        assertThat(inspection.signatures().get(0).trust()).isEqualTo(Trust.TRUSTED);
    }

    @Test
    void a_person_and_a_unit_signature_are_read_apart_and_a_change_after_the_first_breaks_only_the_second()
            throws IOException {
        byte[] byPerson = TestPdfs.signedByPerson(SIGNED_AT);
        Instant unitSignedAt = SIGNED_AT.plus(Duration.ofMinutes(2));
        byte[] byBoth = TestPdfs.sign(byPerson, UNIT, List.of(UNIT.certificate(), INTERMEDIATE.certificate()),
                unitSignedAt, "Thuy Nguyen");
        byte[] unitSignatureBroken = TestPdfs.changedAt(byBoth, "Thuy Nguyen");

        List<Signature> both = inspect(byBoth, OFFICE_ROOTS).signatures();
        Inspection broken = inspect(unitSignatureBroken, OFFICE_ROOTS);

        assertThat(both).extracting(Signature::signer, Signature::integrity, Signature::coversWholeDocument, Signature::signedAt)
                .containsExactly(
                        tuple("Nguyễn Văn An", Integrity.VALID, false, Optional.of(SIGNED_AT)),
                        tuple("Trường THPT Trần Phú", Integrity.VALID, true, Optional.of(unitSignedAt)));
        assertThat(broken.signatures()).extracting(Signature::signer, Signature::integrity)
                .containsExactly(
                        tuple("Nguyễn Văn An", Integrity.VALID),
                        tuple("Trường THPT Trần Phú", Integrity.INVALID));
        assertThat(broken.problems()).containsExactly("signature-invalid");
    }

    @Test
    void a_document_timestamp_is_read_as_a_timestamp_by_its_authority_and_checked_against_the_bytes_it_stamped()
            throws IOException {
        Instant stampedAt = SIGNED_AT.plus(Duration.ofSeconds(30));
        byte[] stamped = TestPdfs.timestamped(TestPdfs.signedByPerson(SIGNED_AT), TestPki.TIME_STAMP_AUTHORITY, stampedAt);

        Inspection inspection = inspect(stamped, OFFICE_ROOTS);
        Inspection changedBeforeTheStamp = inspect(TestPdfs.changedAt(stamped, "Hai Phong"), OFFICE_ROOTS);

        assertThat(inspection.signatures())
                .extracting(Signature::kind, Signature::signer, Signature::integrity, Signature::coversWholeDocument,
                        Signature::trust, Signature::signedAt)
                .containsExactly(
                        tuple(Signature.Kind.SIGNATURE, "Nguyễn Văn An", Integrity.VALID, false, Trust.TRUSTED, Optional.of(SIGNED_AT)),
                        tuple(Signature.Kind.DOCUMENT_TIMESTAMP, "Dịch vụ cấp dấu thời gian thử nghiệm", Integrity.VALID, true,
                                Trust.TRUSTED, Optional.of(stampedAt)));
        assertThat(inspection.problems()).isEmpty();
        // The authority's own signature still verifies; only the hash it stamped no longer matches.
        assertThat(changedBeforeTheStamp.signatures()).extracting(Signature::integrity)
                .containsExactly(Integrity.INVALID, Integrity.INVALID);
    }

    @Test
    void a_signature_whose_contents_are_not_a_cms_reads_invalid_and_the_inspection_goes_on() throws IOException {
        byte[] pdf = TestPdfs.signedByPerson(SIGNED_AT);
        int contentsStart;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            contentsStart = document.getSignatureDictionaries().get(0).getByteRange()[1];
        }
        // "<3080…" or "<3082…" (a DER SEQUENCE) becomes "<0480…": an OCTET STRING, no ContentInfo.
        pdf[contentsStart + 1] = '0';
        pdf[contentsStart + 2] = '4';

        Inspection inspection = inspect(pdf, OFFICE_ROOTS);

        assertThat(inspection.signatures()).singleElement().satisfies(s -> {
            assertThat(s.integrity()).isEqualTo(Integrity.INVALID);
            assertThat(s.signer()).isEmpty();
            assertThat(s.signedAt()).contains(SIGNED_AT);
        });
        assertThat(inspection.problems()).containsExactly("signature-invalid");
    }

    @Test
    void a_signer_name_written_decomposed_in_the_certificate_is_read_in_nfc() throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        TestPki.Issued signer = TestPki.issue(INTERMEDIATE,
                TestPki.name(decomposed, Normalizer.normalize("Trường THPT Trần Phú", Normalizer.Form.NFD)), false,
                SIGNED_AT.minus(Duration.ofDays(1)), SIGNED_AT.plus(Duration.ofDays(365)));
        byte[] pdf = TestPdfs.sign(TestPdfs.report(), signer, List.of(signer.certificate(), INTERMEDIATE.certificate()),
                SIGNED_AT, "Hai Phong");

        Signature signature = inspect(pdf, OFFICE_ROOTS).signatures().get(0);

        assertThat(decomposed).isNotEqualTo("Nguyễn Văn An");
        assertThat(signature.signer()).isEqualTo("Nguyễn Văn An");
        assertThat(signature.organization()).isEqualTo("Trường THPT Trần Phú");
    }
}
