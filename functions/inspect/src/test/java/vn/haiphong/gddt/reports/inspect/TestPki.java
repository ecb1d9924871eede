package vn.haiphong.gddt.reports.inspect;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for the tests, with Vietnamese names: a root, an intermediate under it, and end
 * entities (a person and a unit) under the intermediate; EC P-256 keys, quick to make.
 */
final class TestPki {
    /** 09/6/2025 14:03 in Hải Phòng. */
    static final Instant SIGNED_AT = Instant.parse("2025-06-09T07:03:00Z");
    static final Instant NOW = SIGNED_AT.plus(Duration.ofMinutes(5));

    /** Makes the keys and signs for the tests, whatever the curve; the inspection checks with the JDK's where it can. */
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final AtomicLong SERIALS = new AtomicLong(0x2025_0609L);

    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    /** The chain every trusted case uses, made once per test run. */
    static final TestPki.Issued ROOT = root("CA gốc thử nghiệm Sở GDĐT Hải Phòng");
    static final TestPki.Issued INTERMEDIATE = issue(ROOT, name("CA trung gian thử nghiệm", "Sở GDĐT Hải Phòng"), true,
            SIGNED_AT.minus(Duration.ofDays(365)), SIGNED_AT.plus(Duration.ofDays(3650)));
    static final TestPki.Issued PERSON = issue(INTERMEDIATE, name("Nguyễn Văn An", "Trường THPT Trần Phú"), false,
            SIGNED_AT.minus(Duration.ofDays(30)), SIGNED_AT.plus(Duration.ofDays(730)));
    static final TestPki.Issued UNIT = issue(INTERMEDIATE, name("Trường THPT Trần Phú", "Trường THPT Trần Phú"), false,
            SIGNED_AT.minus(Duration.ofDays(30)), SIGNED_AT.plus(Duration.ofDays(730)));

    /**
     * A signer whose key is on Brainpool P-256r1, which the JDK's providers do not have (Bouncy Castle's
     * has): only Bouncy Castle can check its signatures.
     */
    static final TestPki.Issued BRAINPOOL_PERSON = issueOn("brainpoolP256r1", INTERMEDIATE,
            name("Trần Thị Bình", "Trường THPT Ngô Quyền"), SIGNED_AT.minus(Duration.ofDays(30)), SIGNED_AT.plus(Duration.ofDays(730)));

    /** Made on first use: an RSA key takes longer to make than all the EC keys here together. */
    static final class Rsa {
        /** A signer with an RSA 2048 key, as Vietnam's certification authorities issue them. */
        static final TestPki.Issued PERSON = issueOn("RSA", INTERMEDIATE, name("Lê Văn Cường", "Trường THPT Lê Quý Đôn"),
                SIGNED_AT.minus(Duration.ofDays(30)), SIGNED_AT.plus(Duration.ofDays(730)));

        private Rsa() {
        }
    }

    /** A time-stamp authority under the intermediate: its certificate is for time stamping only. */
    static final TestPki.Issued TIME_STAMP_AUTHORITY = issue(INTERMEDIATE,
            name("Dịch vụ cấp dấu thời gian thử nghiệm", "Sở GDĐT Hải Phòng"), false,
            SIGNED_AT.minus(Duration.ofDays(30)), SIGNED_AT.plus(Duration.ofDays(730)), KeyPurposeId.id_kp_timeStamping);

    private TestPki() {
    }

    static X500Name name(String commonName, String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName).build();
    }

    static Issued root(String commonName) {
        KeyPair keys = keys("secp256r1");
        X500Name self = name(commonName, "Sở GDĐT Hải Phòng");
        return new Issued(keys, certificate(self, keys, self, keys, true,
                SIGNED_AT.minus(Duration.ofDays(3650)), SIGNED_AT.plus(Duration.ofDays(3650)), new KeyPurposeId[0]));
    }

    static Issued issue(Issued issuer, X500Name subject, boolean ca, Instant notBefore, Instant notAfter,
                        KeyPurposeId... purposes) {
        return issued(keys("secp256r1"), issuer, subject, ca, notBefore, notAfter, purposes);
    }

    /**
     * An end entity with its key on {@code curve} ({@code "RSA"}: RSA 2048), made by Bouncy Castle's
     * provider (not registered in the JVM).
     */
    static Issued issueOn(String curve, Issued issuer, X500Name subject, Instant notBefore, Instant notAfter) {
        return issued(keys(curve), issuer, subject, false, notBefore, notAfter);
    }

    private static Issued issued(KeyPair keys, Issued issuer, X500Name subject, boolean ca, Instant notBefore,
                                 Instant notAfter, KeyPurposeId... purposes) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(keys, certificate(issuerName, issuer.keys(), subject, keys, ca, notBefore, notAfter, purposes));
    }

    static String pem(X509Certificate... certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static KeyPair keys(String curve) {
        try {
            if (curve.equals("RSA")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BOUNCY_CASTLE);
                generator.initialize(2048);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
                                               boolean ca, Instant notBefore, Instant notAfter, KeyPurposeId... purposes) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(ca
                            ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (purposes.length > 0) {
                // RFC 3161 wants a time-stamping certificate's purpose critical, and Bouncy Castle checks it.
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purposes));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BOUNCY_CASTLE).build(issuerKeys.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
