package vn.haiphong.gddt.reports.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import vn.haiphong.gddt.reports.domain.Signature;

/**
 * The roots the Office trusts (the government's CA and the commercial CAs its units use), from the
 * PEM bundle the Office provides. None ships with the code: a root nobody here verified would make
 * any certificate it issued look trusted.
 */
public final class TrustedRoots {
    private static final TrustedRoots NONE = new TrustedRoots(Set.of());

    private final Set<TrustAnchor> anchors;

    private TrustedRoots(Set<TrustAnchor> anchors) {
        this.anchors = anchors;
    }

    /** No trusted root: every signature reads UNTRUSTED. */
    public static TrustedRoots none() {
        return NONE;
    }

    /**
     * Every CERTIFICATE block of a PEM bundle; comments and other blocks between them are skipped.
     *
     * @throws IllegalArgumentException when a block cannot be read: a bundle half taken would make
     *                                  signatures under the lost roots read UNTRUSTED without a word
     */
    public static TrustedRoots fromPem(String pem) {
        try {
            return fromPem(new StringReader(pem));
        } catch (IOException e) {
            throw new IllegalArgumentException("The trusted roots bundle is not readable PEM: " + e.getMessage(), e);
        }
    }

    public static TrustedRoots fromPem(InputStream pem) throws IOException {
        return fromPem(new InputStreamReader(pem, StandardCharsets.US_ASCII));
    }

    private static TrustedRoots fromPem(Reader pem) throws IOException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        Set<TrustAnchor> anchors = new HashSet<>();
        try (PEMParser parser = new PEMParser(pem)) {
            for (Object block; (block = parser.readObject()) != null; ) {
                if (block instanceof X509CertificateHolder holder) {
                    anchors.add(new TrustAnchor(converter.getCertificate(holder), null));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("A certificate in the trusted roots bundle cannot be read", e);
        }
        return new TrustedRoots(Set.copyOf(anchors));
    }

    public int size() {
        return anchors.size();
    }

    /**
     * Whether the signer's certificate chains, through the certificates the signature carries, to one
     * of these roots, with every certificate valid at {@code at}. Revocation is left out on purpose: it
     * needs OCSP or a CRL from the internet, and the caller reports it as not checked.
     */
    Signature.Trust trust(X509Certificate signer, Collection<X509Certificate> carried, Instant at) {
        if (anchors.isEmpty()) {
            return Signature.Trust.UNTRUSTED;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(carried);
            pool.add(signer);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return Signature.Trust.TRUSTED;
        } catch (CertPathBuilderException e) {
            return Signature.Trust.UNTRUSTED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX path building is not available in this JVM", e);
        }
    }
}
