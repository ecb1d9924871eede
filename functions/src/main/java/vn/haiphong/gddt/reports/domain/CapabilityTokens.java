package vn.haiphong.gddt.reports.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed capability tokens: {@code <kid>.<payload>.<signature>}, all base64url without padding.
 * The payload is {@code kind|subject|version|expiresEpochSecond}, and for an office token
 * {@code |tokenId} after it; the signature is HMAC-SHA256 of
 * {@code <kid>.<payload>} and is compared in constant time.
 */
public final class CapabilityTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final String OFFICE_TOO_LONG = "Mã truy cập của Văn phòng có hạn dài quá 90 ngày nên không được chấp nhận;"
            + " đề nghị cấp mã mới.";

    private final TokenKeys keys;

    public CapabilityTokens(TokenKeys keys) {
        this.keys = keys;
    }

    public String mint(Capability capability) {
        String payload = capability.kind().tag + "|" + capability.subject() + "|" + capability.version() + "|"
                + capability.expiresAt().getEpochSecond() + (capability.tokenId().isEmpty() ? "" : "|" + capability.tokenId());
        String signed = keys.signingKeyId() + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(hmac(keys.signingSecret(), signed));
    }

    /**
     * The capability the token grants at {@code now}.
     *
     * @throws RequestRefused TOKEN_INVALID for anything forged or malformed, TOKEN_EXPIRED after expiry
     */
    public Capability verify(String token, Instant now) {
        Capability capability = decode(token).orElseThrow(() -> new RequestRefused(Problem.TOKEN_INVALID));
        if (!now.isBefore(capability.expiresAt())) {
            throw new RequestRefused(Problem.TOKEN_EXPIRED);
        }
        if (capability.kind() == Capability.Kind.OFFICE
                && capability.expiresAt().isAfter(now.plus(OfficeToken.LONGEST_LIFE))) {
            // Signed by us, yet longer-lived than any office token may be: the key to every school's files.
            throw new RequestRefused(Problem.TOKEN_EXPIRED, OFFICE_TOO_LONG);
        }
        return capability;
    }

    private Optional<Capability> decode(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<byte[]> secret = keys.secret(parts[0]);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        // Compare the text, not decoded bytes: base64 decoding forgives padding and unused bits, so
        // several spellings would otherwise pass for one signature.
        byte[] expected = B64.encodeToString(hmac(secret.get(), parts[0] + "." + parts[1])).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        byte[] payload = decodeB64(parts[1]);
        return payload == null ? Optional.empty() : parsePayload(new String(payload, StandardCharsets.UTF_8));
    }

    private static Optional<Capability> parsePayload(String payload) {
        String[] fields = payload.split("\\|", -1);
        try {
            Capability.Kind kind = Capability.Kind.ofTag(fields[0]);
            // An office token names its record; one from before the register (no id) is not accepted.
            if (fields.length != (kind == Capability.Kind.OFFICE ? 5 : 4)) {
                return Optional.empty();
            }
            return Optional.of(new Capability(kind, fields[1], Integer.parseInt(fields[2]),
                    Instant.ofEpochSecond(Long.parseLong(fields[3])), fields.length == 5 ? fields[4] : ""));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] decodeB64(String s) {
        try {
            return B64D.decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
