package vn.haiphong.gddt.reports.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HMAC keys by key id. The first key signs; all verify, so a key can be rotated in ahead of
 * use and retired after the last token it signed has expired.
 *
 * <p>Written {@code kid:base64secret,kid2:base64secret2}, as kept in SSM Parameter Store.
 */
public final class TokenKeys {
    private static final int MIN_SECRET_BYTES = 32;

    private final String signingKeyId;
    private final Map<String, byte[]> secrets;

    private TokenKeys(String signingKeyId, Map<String, byte[]> secrets) {
        this.signingKeyId = signingKeyId;
        this.secrets = secrets;
    }

    public static TokenKeys parse(String spec) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        String first = null;
        for (String entry : (spec == null ? "" : spec).split(",", -1)) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("token keys must be written kid:base64secret[,kid:base64secret]");
            }
            String kid = trimmed.substring(0, colon);
            if (!kid.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException("a key id is 1-16 letters, digits, _ or -");
            }
            byte[] secret = Base64.getDecoder().decode(trimmed.substring(colon + 1).getBytes(StandardCharsets.US_ASCII));
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("key " + kid + " is shorter than " + MIN_SECRET_BYTES + " bytes");
            }
            if (secrets.put(kid, secret) != null) {
                throw new IllegalArgumentException("key id " + kid + " appears twice");
            }
            first = first == null ? kid : first;
        }
        return new TokenKeys(first, Map.copyOf(secrets));
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    byte[] signingSecret() {
        return secrets.get(signingKeyId);
    }

    Optional<byte[]> secret(String keyId) {
        return Optional.ofNullable(secrets.get(keyId));
    }
}
