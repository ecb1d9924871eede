package vn.haiphong.gddt.reports.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** PDFs made and signed by the tests with PDFBox, as a unit's signing software would. */
final class TestPdfs {
    private TestPdfs() {
    }

    /** One page with a line of text, saved as PDFBox saves by default (object and xref streams). */
    static byte[] report() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 720);
                text.showText("Bao cao dinh ky - Truong THPT Tran Phu");
                text.endText();
            }
            return save(document);
        }
    }

    /**
     * Adds a signature by {@code signer} in an incremental update, with its CMS signing-time attribute
     * and the dictionary's /M both at {@code signedAt}; {@code location} is written in clear so a test
     * can find and change a byte of the signed dictionary.
     */
    static byte[] sign(byte[] pdf, TestPki.Issued signer, List<X509Certificate> chain, Instant signedAt,
                       String location) throws IOException {
        return sign(pdf, signer, chain, signedAt, location, "SHA256withECDSA");
    }

    /** The same, with the signer's signature in {@code algorithm} (as Bouncy Castle names it: "SHA256withRSAandMGF1"). */
    static byte[] sign(byte[] pdf, TestPki.Issued signer, List<X509Certificate> chain, Instant signedAt,
                       String location, String algorithm) throws IOException {
        return sign(pdf, signer.certificate(), () -> signing(algorithm, signer.keys().getPrivate()), chain, signedAt, location);
    }

    /** Names the person as signer, but the signature over the (intact) attributes is made with the unit's key. */
    static byte[] signedByPersonWithUnitsKey() throws IOException {
        return sign(report(), TestPki.PERSON.certificate(), () -> signing("SHA256withECDSA", TestPki.UNIT.keys().getPrivate()),
                List.of(TestPki.PERSON.certificate(), TestPki.INTERMEDIATE.certificate()), TestPki.SIGNED_AT, "Hai Phong");
    }

    /** Names the person as signer, with an empty DER sequence where the signature value should be. */
    static byte[] signedByPersonWithNoSignatureValue() throws IOException {
        return sign(report(), TestPki.PERSON.certificate(), () -> {
            ContentSigner real = signing("SHA256withECDSA", TestPki.PERSON.keys().getPrivate());
            return new ContentSigner() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return real.getAlgorithmIdentifier();
                }

                @Override
                public OutputStream getOutputStream() {
                    return real.getOutputStream();
                }

                @Override
                public byte[] getSignature() {
                    return new byte[] {0x30, 0x00};
                }
            };
        }, List.of(TestPki.PERSON.certificate(), TestPki.INTERMEDIATE.certificate()), TestPki.SIGNED_AT, "Hai Phong");
    }

    private static byte[] sign(byte[] pdf, X509Certificate signer, Supplier<ContentSigner> signing, List<X509Certificate> chain,
                               Instant signedAt, String location) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setLocation(location);
            signature.setReason("Ky bao cao");
            Calendar signDate = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            signDate.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(signDate);
            document.addSignature(signature, content -> cms(content.readAllBytes(), signer, signing.get(), chain, signedAt));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static ContentSigner signing(String algorithm, PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(TestPki.BOUNCY_CASTLE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the test signer failed", e);
        }
    }

    static byte[] signedByPerson(Instant signedAt) throws IOException {
        return sign(report(), TestPki.PERSON, List.of(TestPki.PERSON.certificate(), TestPki.INTERMEDIATE.certificate()),
                signedAt, "Hai Phong");
    }

    /** Appends a document timestamp (PAdES-LTA) by {@code authority} at {@code at}, as a signing tool's last step. */
    static byte[] timestamped(byte[] pdf, TestPki.Issued authority, Instant at) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature stamp = new PDSignature();
            stamp.setType(COSName.DOC_TIME_STAMP);
            stamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            stamp.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            document.addSignature(stamp, content -> timeStampToken(content.readAllBytes(), authority, at));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Rotates the first page in an incremental update after the last signature, as an editor would save a change. */
    static byte[] rotatedAfterSigning(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary page = document.getPage(0).getCOSObject();
            page.setInt(COSName.ROTATE, 90);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out, Set.of(page));
            return out.toByteArray();
        }
    }

    /** The file with the last occurrence of {@code text} changed in its final byte, nothing else moved. */
    static byte[] changedAt(byte[] pdf, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = pdf.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(pdf, i, i + needle.length, needle, 0, needle.length)) {
                byte[] changed = pdf.clone();
                changed[i + needle.length - 1]++;
                return changed;
            }
        }
        throw new IllegalArgumentException("not in the file: " + text);
    }

    static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] timeStampToken(byte[] stampedBytes, TestPki.Issued authority, Instant at) throws IOException {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", authority.keys().getPrivate(), authority.certificate()),
                    digests.get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256")),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.13"));
            generator.addCertificates(new JcaCertStore(List.of(authority.certificate(), TestPki.INTERMEDIATE.certificate())));
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(stampedBytes);
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            // As signing tools ask: without it the token carries no certificate and cannot be checked.
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, imprint);
            return generator.generate(request, BigInteger.valueOf(at.getEpochSecond()), Date.from(at)).getEncoded();
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("the test time-stamp authority failed", e);
        }
    }

    private static byte[] cms(byte[] signedBytes, X509Certificate signer, ContentSigner signing, List<X509Certificate> chain,
                              Instant signedAt) throws IOException {
        try {
            AttributeTable attributes = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signedAt)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                    .build(signing, signer));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded();
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new IOException("the test signer failed", e);
        }
    }
}
