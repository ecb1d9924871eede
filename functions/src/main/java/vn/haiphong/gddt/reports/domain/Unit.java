package vn.haiphong.gddt.reports.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reporting unit (đơn vị). {@code tokenVersion} revokes every link issued before it was raised.
 */
public record Unit(String id, String name, UnitCategory category, List<String> emails, int tokenVersion) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]+");

    public Unit {
        Objects.requireNonNull(category, "category");
        name = Text.nfc(name).strip();
        emails = List.copyOf(emails);
        if (!validId(id)) {
            throw new IllegalArgumentException("mã đơn vị không hợp lệ: " + id);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("tên đơn vị trống");
        }
        if (emails.isEmpty() || !emails.stream().allMatch(Unit::validEmail)) {
            throw new IllegalArgumentException("địa chỉ e-mail không hợp lệ: " + emails);
        }
        if (tokenVersion < 1) {
            throw new IllegalArgumentException("tokenVersion phải ≥ 1");
        }
    }

    public static boolean validId(String id) {
        return id != null && id.length() <= 64 && ID.matcher(id).matches();
    }

    public static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }
}
