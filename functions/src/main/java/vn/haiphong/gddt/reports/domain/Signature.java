package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One signature field of a PDF, with its three separate verdicts: whether the signed bytes are the
 * ones signed ({@link Integrity}), whether anything was added after it, and whether its signer
 * chains to a root the Office trusts. Revocation needs OCSP or a CRL from the internet, which the
 * inspection does not reach, so it is always {@link Revocation#NOT_CHECKED}, never reported as good.
 *
 * @param signer       the signer certificate's common name (CN), NFC; empty when the CMS holds no usable certificate
 * @param organization the signer certificate's organisation (O), NFC; empty when it has none
 * @param issuer       the issuer's common name, or its whole name when it has no CN
 * @param serial       the certificate serial in upper-case hexadecimal
 * @param signedAt     the signing-time signed attribute, else the signature dictionary's /M (both are
 *                     the signer's own claim, not a timestamp authority's)
 * @param digest       the digest algorithm of the signed attributes, e.g. {@code SHA-256}
 * @param kind         a signature, or a document timestamp: a time-stamp authority's token over the
 *                     file as it then was (PAdES-LTA), which proves a time and no one's assent; its
 *                     {@code signer} is the authority and its {@code signedAt} the authority's time
 */
public record Signature(String signer, String organization, String issuer, String serial,
                        Optional<Instant> signedAt, String digest, Integrity integrity,
                        boolean coversWholeDocument, Trust trust, Revocation revocation, Kind kind) {

    public enum Integrity { VALID, INVALID }

    public enum Trust { TRUSTED, UNTRUSTED }

    public enum Revocation { NOT_CHECKED }

    public enum Kind { SIGNATURE, DOCUMENT_TIMESTAMP }
}
