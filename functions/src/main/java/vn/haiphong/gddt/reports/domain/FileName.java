package vn.haiphong.gddt.reports.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file name as the unit gave it (NFC, for people) and the safe form used in the storage key
 * (ASCII letters, digits, dot, dash, underscore).
 */
public record FileName(String original, String safe) {
    public static final int MAX_LENGTH = 200;
    // Compiled once: String.replaceAll compiles its pattern on every call (every upload, every download).
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern EDGES = Pattern.compile("^[-.]+|[-.]+$");

    /** The name in NFC, or empty when it is blank, only dots, a path, has control characters or is too long. */
    public static Optional<FileName> of(String given) {
        String name = Text.nfc(given).strip();
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.chars().allMatch(c -> c == '.')
                || name.contains("/") || name.contains("\\")
                || name.codePoints().anyMatch(FileName::isControlOrFormat)) {
            return Optional.empty();
        }
        return Optional.of(new FileName(name, safeForm(name)));
    }

    private static boolean isControlOrFormat(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String safeForm(String name) {
        int dot = name.lastIndexOf('.');
        String stem = ascii(dot > 0 ? name.substring(0, dot) : name);
        String ext = dot > 0 ? ascii(name.substring(dot + 1)).replace(".", "") : "";
        if (stem.isEmpty()) {
            stem = "bao-cao";
        }
        stem = stem.substring(0, Math.min(stem.length(), 100));
        return ext.isEmpty() ? stem : stem + "." + ext.substring(0, Math.min(ext.length(), 10));
    }

    private static String ascii(String part) {
        String safe = UNSAFE.matcher(Text.withoutDiacritics(part)).replaceAll("-");
        safe = DASHES.matcher(safe).replaceAll("-");
        return EDGES.matcher(safe).replaceAll("");
    }
}
