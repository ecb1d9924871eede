package vn.haiphong.gddt.reports.inspect;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.text.ParseException;
import java.time.Instant;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.haiphong.gddt.reports.domain.Signature;

/**
 * Verifies one PDF signature: its CMS over the signed byte ranges (integrity), whether those ranges
 * reach the end of the file (coverage), and its signer's chain to the Office's roots (trust).
 */
final class SignatureVerifier {
    /**
     * Not registered in the JVM: the inspection must not change what other code's providers find. Built
     * on the first signature the JDK cannot check, not with this class: the provider registers hundreds
     * of algorithms (about a third of a second of a cold start), which the signatures units send (RSA or
     * ECDSA on P-256, with SHA-2), intact or not, never need.
     */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** A document timestamp (PDF 2.0, PAdES-LTA): a time-stamp authority's token over the ranges, no signer's signature. */
    private static final String DOCUMENT_TIMESTAMP = "ETSI.RFC3161";
    private static final DigestCalculatorProvider JDK_DIGESTS = jdkDigests();
    private static final int COPY_BUFFER_BYTES = 64 * 1024;
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512",
            NISTObjectIdentifiers.id_sha3_256, "SHA3-256",
            NISTObjectIdentifiers.id_sha3_512, "SHA3-512");

    private static DigestCalculatorProvider jdkDigests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the JDK has no message digests", e);
        }
    }

    /** A signature and what its check found beside the verdicts. */
    record Verified(Signature signature, boolean certificateValidAtSigning) {
    }

    private final TrustedRoots roots;

    SignatureVerifier(TrustedRoots roots) {
        this.roots = roots;
    }

    /**
     * @param pdf the whole file, read at the signature's byte ranges only (a 25 MB file is not copied)
     * @param now when no signing time is given, or one after now is claimed, the chain is judged now
     */
    Verified verify(PDSignature dictionary, RandomAccessRead pdf, Instant now) throws IOException {
        int[] ranges = dictionary.getByteRange();
        boolean rangesSound = rangesSound(ranges, pdf);
        boolean coversWholeDocument = rangesSound && (long) ranges[2] + ranges[3] == pdf.length();
        Optional<Instant> claimedInDictionary = Optional.ofNullable(dictionary.getSignDate()).map(Calendar::toInstant);
        SignedRanges signedRanges = new SignedRanges(pdf, ranges);
        boolean documentTimestamp = DOCUMENT_TIMESTAMP.equals(dictionary.getSubFilter());
        Signature.Kind kind = documentTimestamp ? Signature.Kind.DOCUMENT_TIMESTAMP : Signature.Kind.SIGNATURE;
        Optional<Parts> parts = rangesSound ? parts(dictionary.getContents(), signedRanges, documentTimestamp) : Optional.empty();
        if (parts.isEmpty()) {
            return new Verified(new Signature("", "", "", "", claimedInDictionary, "", Signature.Integrity.INVALID,
                    coversWholeDocument, Signature.Trust.UNTRUSTED, Signature.Revocation.NOT_CHECKED, kind), true);
        }
        SignerInformation signerInfo = parts.get().signerInfo();
        X509Certificate certificate = parts.get().certificate();
        Optional<TSTInfo> stamp = parts.get().stamp();
        Optional<Instant> signedAt = stamp.map(TSTInfo::getGenTime).map(SignatureVerifier::instant)
                .or(() -> signingTime(signerInfo)).or(() -> claimedInDictionary);
        Instant judgedAt = signedAt.filter(t -> !t.isAfter(now)).orElse(now);
        X509CertificateHolder holder = parts.get().holder();
        Signature signature = new Signature(
                attribute(holder.getSubject(), BCStyle.CN).orElse(""),
                attribute(holder.getSubject(), BCStyle.O).orElse(""),
                attribute(holder.getIssuer(), BCStyle.CN).orElseGet(() -> nfc(holder.getIssuer().toString())),
                holder.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                signedAt,
                digestName(stamp.map(s -> s.getMessageImprint().getHashAlgorithm()).orElse(signerInfo.getDigestAlgorithmID())),
                verifies(signerInfo, certificate) && stamp.map(s -> imprintMatches(s, signedRanges)).orElse(true)
                        ? Signature.Integrity.VALID : Signature.Integrity.INVALID,
                coversWholeDocument,
                roots.trust(certificate, parts.get().carried(), judgedAt),
                Signature.Revocation.NOT_CHECKED,
                kind);
        return new Verified(signature, validAt(certificate, judgedAt));
    }

    /** @param stamp for a document timestamp, the time-stamp authority's statement (hash of the ranges, time) */
    private record Parts(SignerInformation signerInfo, X509CertificateHolder holder, X509Certificate certificate,
                         Collection<X509Certificate> carried, Optional<TSTInfo> stamp) {
    }

    /**
     * The CMS's first signer and its certificate; empty when the /Contents is no CMS or names no
     * certificate in it. A signature's CMS signs the ranges (detached); a document timestamp's CMS
     * signs its own TSTInfo, which holds the ranges' hash.
     */
    private static Optional<Parts> parts(byte[] contents, CMSTypedData signedRanges, boolean documentTimestamp) {
        try {
            // /Contents is padded with zeros to the size reserved before signing; Bouncy Castle refuses
            // bytes after the CMS, so only its first DER object is read.
            if (contents == null || contents.length == 0) {
                return Optional.empty();
            }
            CMSSignedData cms;
            try (ASN1InputStream der = new ASN1InputStream(contents)) {
                ContentInfo contentInfo = ContentInfo.getInstance(der.readObject());
                if (contentInfo == null) {
                    return Optional.empty();
                }
                cms = documentTimestamp ? new CMSSignedData(contentInfo) : new CMSSignedData(signedRanges, contentInfo);
            }
            Optional<TSTInfo> stamp = documentTimestamp
                    ? Optional.of(new TimeStampToken(cms).getTimeStampInfo().toASN1Structure())
                    : Optional.empty();
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return Optional.empty();
            }
            SignerInformation signerInfo = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matching = cms.getCertificates().getMatches(signerInfo.getSID());
            if (matching.isEmpty()) {
                return Optional.empty();
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509CertificateHolder holder = matching.iterator().next();
            List<X509Certificate> carried = cms.getCertificates().getMatches(null).stream()
                    .map(h -> certificate(converter, h)).toList();
            return Optional.of(new Parts(signerInfo, holder, converter.getCertificate(holder), carried, stamp));
        } catch (CMSException | TSPException | GeneralSecurityException | IOException e) {
            return Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // How Bouncy Castle reports ASN.1 of the wrong shape: a hostile /Contents must read as a
            // broken signature, not fail the inspection.
            return Optional.empty();
        }
    }

    private static X509Certificate certificate(JcaX509CertificateConverter converter, X509CertificateHolder holder) {
        try {
            return converter.getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("an unreadable certificate in the signature", e);
        }
    }

    /**
     * Verified with the bare public key, not the certificate: Bouncy Castle would otherwise also refuse
     * a certificate expired at signing time, and that is a matter of trust, reported apart from whether
     * the bytes are the ones signed. The signed bytes (nearly the whole file) are digested by the JDK,
     * whose SHA-2 uses the processor's instructions (26 ms for 25 MB against 300 ms in Bouncy Castle's
     * Java), and so is the small signature over them when the JDK has its algorithm. A verdict from the
     * JDK stands, a changed file included; Bouncy Castle's provider is asked only when the JDK cannot
     * check the signature (RSASSA-PSS under Bouncy Castle's names, Brainpool curves) or cannot read it,
     * and a signature neither can read is not a valid one.
     */
    private static boolean verifies(SignerInformation signerInfo, X509Certificate certificate) {
        try {
            return verifies(signerInfo, certificate, new JcaSignerInfoVerifierBuilder(JDK_DIGESTS));
        } catch (CMSSignerDigestMismatchException changedAfterSigning) {
            return false;
        } catch (CMSException | OperatorCreationException | RuntimeOperatorException | ProviderException
                 | IllegalArgumentException | IllegalStateException | ClassCastException notForTheJdk) {
            try {
                return verifies(signerInfo, certificate, new JcaSignerInfoVerifierBuilder(JDK_DIGESTS).setProvider(Bc.PROVIDER));
            } catch (CMSException | OperatorCreationException | RuntimeOperatorException
                     | IllegalArgumentException | IllegalStateException | ClassCastException unreadable) {
                return false;
            }
        }
    }

    private static boolean verifies(SignerInformation signerInfo, X509Certificate certificate, JcaSignerInfoVerifierBuilder by)
            throws CMSException, OperatorCreationException {
        return signerInfo.verify(by.build(certificate.getPublicKey()));
    }

    /** Whether the time-stamp authority hashed exactly the signed ranges. */
    private static boolean imprintMatches(TSTInfo stamp, SignedRanges signedRanges) {
        String algorithm = DIGESTS.get(stamp.getMessageImprint().getHashAlgorithm().getAlgorithm());
        if (algorithm == null) {
            return false;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            signedRanges.write(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return MessageDigest.isEqual(digest.digest(), stamp.getMessageImprint().getHashedMessage());
        } catch (NoSuchAlgorithmException | IOException e) {
            return false;
        }
    }

    private static String digestName(AlgorithmIdentifier algorithm) {
        return DIGESTS.getOrDefault(algorithm.getAlgorithm(), algorithm.getAlgorithm().getId());
    }

    private static Instant instant(ASN1GeneralizedTime time) {
        try {
            return time.getDate().toInstant();
        } catch (ParseException e) {
            throw new IllegalArgumentException("an unreadable time in a timestamp", e);
        }
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signerInfo) {
        if (signerInfo.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = signerInfo.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
    }

    private static Optional<String> attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return Optional.of(nfc(value instanceof ASN1String text ? text.getString() : value.toString()));
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The shape every PDF signature's /ByteRange must have: from the file's start to the /Contents
     * string, and from after it to some point in the file, the gap being exactly a hexadecimal string.
     * A range that leaves out anything more would let those bytes change without breaking the signature.
     */
    private static boolean rangesSound(int[] ranges, RandomAccessRead pdf) throws IOException {
        if (ranges == null || ranges.length != 4 || ranges[0] != 0 || ranges[1] <= 0 || ranges[2] <= ranges[1] + 1
                || ranges[3] < 0 || (long) ranges[2] + ranges[3] > pdf.length()) {
            return false;
        }
        byte[] gap = new byte[ranges[2] - ranges[1]];
        pdf.seek(ranges[1]);
        pdf.readFully(gap);
        if (gap[0] != '<' || gap[gap.length - 1] != '>') {
            return false;
        }
        for (int i = 1; i < gap.length - 1; i++) {
            if (Character.digit(gap[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The signed bytes, streamed from the file into the digest when the CMS asks for them. */
    private record SignedRanges(RandomAccessRead pdf, int[] ranges) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            for (int i = 0; i < ranges.length; i += 2) {
                pdf.seek(ranges[i]);
                for (long left = ranges[i + 1]; left > 0; ) {
                    int n = pdf.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n <= 0) {
                        throw new IOException("the file ends inside a signed range");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }

        /** The ranges, not their bytes: those are only ever streamed. */
        @Override
        public Object getContent() {
            return ranges.clone();
        }
    }
}
