package vn.haiphong.gddt.reports.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reporting unit (đơn vị). {@code tokenVersion} revokes every link issued before it was raised.
 *
 * @param activeFrom  the first day the unit existed; null = before any period we track
 * @param activeUntil the last day it existed (closed or merged); null = still exists
 */
public record Unit(String id, String name, UnitCategory category, List<String> emails, int tokenVersion,
                   LocalDate activeFrom, LocalDate activeUntil) {
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
        // A unit may have no address yet: it is listed, reported to the Office as unreachable, never e-mailed.
        if (!emails.stream().allMatch(Unit::validEmail)) {
            throw new IllegalArgumentException("địa chỉ e-mail không hợp lệ: " + emails);
        }
        if (tokenVersion < 1) {
            throw new IllegalArgumentException("tokenVersion phải ≥ 1");
        }
        if (activeFrom != null && activeUntil != null && activeUntil.isBefore(activeFrom)) {
            throw new IllegalArgumentException("ngày ngừng hoạt động trước ngày bắt đầu");
        }
    }

    public Unit(String id, String name, UnitCategory category, List<String> emails, int tokenVersion) {
        this(id, name, category, emails, tokenVersion, null, null);
    }

    /** Whether the unit existed on that day; a unit is expected to report only where it did. */
    public boolean existedOn(LocalDate day) {
        return (activeFrom == null || !day.isBefore(activeFrom)) && (activeUntil == null || !day.isAfter(activeUntil));
    }

    public static boolean validId(String id) {
        return id != null && id.length() <= 64 && ID.matcher(id).matches();
    }

    public static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }
}
