package vn.haiphong.gddt.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Checksums as the tests and the in-memory ports need them: S3's base64 SHA-256, hex SHA-256 and MD5. */
public final class Digests {
    private Digests() {
    }

    public static String sha256Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(digest("SHA-256", bytes));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    /** What S3 gives as the ETag of an object stored in one part. */
    public static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
