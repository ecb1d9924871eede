package vn.haiphong.gddt.reports.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period of one year, written {@code 2025-H1} or {@code 2025-Y}. */
public record Period(int year, PeriodKind kind) {
    private static final Pattern ID = Pattern.compile("(\\d{4})-(H1|Y)");

    public String id() {
        return year + "-" + kind.code();
    }

    /** "6 tháng năm 2025", "năm 2025". */
    public String label() {
        return kind == PeriodKind.YEAR ? "năm " + year : kind.label() + " năm " + year;
    }

    public static Optional<Period> parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Period(Integer.parseInt(m.group(1)), PeriodKind.ofCode(m.group(2))));
    }
}
