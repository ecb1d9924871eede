package vn.haiphong.gddt.reports.domain;

import java.time.Month;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of whole months within one year: what a report or a task of the plan covers. The
 * periodic reports use the first half-year ({@code H1}, "6 tháng") and the year ({@code Y}, "năm");
 * the plan's tasks also use quarters ({@code Q1}, {@code Q1-Q3}) and months ({@code M06}).
 *
 * <p>Every span has one code: quarters I–II are {@code H1} and quarters I–IV are {@code Y}, so one
 * span never has two ids.
 */
public final class PeriodKind {
    private static final Pattern CODE = Pattern.compile("H1|H2|Y|Q([1-4])(?:-Q([1-4]))?|M(0[1-9]|1[0-2])");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    public static final PeriodKind H1 = months(Month.JANUARY, Month.JUNE);
    public static final PeriodKind YEAR = months(Month.JANUARY, Month.DECEMBER);

    private final Month first;
    private final Month last;

    private PeriodKind(Month first, Month last) {
        this.first = first;
        this.last = last;
    }

    /** The span from the first day of {@code first} to the last day of {@code last}; refused when it has no code. */
    public static PeriodKind months(Month first, Month last) {
        PeriodKind kind = new PeriodKind(Objects.requireNonNull(first), Objects.requireNonNull(last));
        if (last.compareTo(first) < 0 || kind.code() == null) {
            throw new IllegalArgumentException("không có kỳ từ " + first + " đến " + last);
        }
        return kind;
    }

    /** Quarters {@code from}..{@code to}, 1-based. */
    public static PeriodKind quarters(int from, int to) {
        if (from < 1 || to > 4 || to < from) {
            throw new IllegalArgumentException("quý không hợp lệ: " + from + "–" + to);
        }
        return months(Month.of(from * 3 - 2), Month.of(to * 3));
    }

    public static PeriodKind month(Month month) {
        return months(month, month);
    }

    public static PeriodKind ofCode(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code);
        if (!m.matches()) {
            throw new IllegalArgumentException("kỳ báo cáo không hợp lệ: " + code);
        }
        if (m.group(3) != null) {
            return month(Month.of(Integer.parseInt(m.group(3))));
        }
        if (m.group(1) != null) {
            int from = Integer.parseInt(m.group(1));
            PeriodKind kind = quarters(from, m.group(2) == null ? from : Integer.parseInt(m.group(2)));
            if (!kind.code().equals(code)) {
                throw new IllegalArgumentException("kỳ báo cáo không hợp lệ: " + code + " (viết " + kind.code() + ")");
            }
            return kind;
        }
        return switch (code) {
            case "H1" -> H1;
            case "H2" -> months(Month.JULY, Month.DECEMBER);
            default -> YEAR;
        };
    }

    public Month first() {
        return first;
    }

    public Month last() {
        return last;
    }

    public String code() {
        if (first == Month.JANUARY && last == Month.DECEMBER) {
            return "Y";
        }
        if (first == Month.JANUARY && last == Month.JUNE) {
            return "H1";
        }
        if (first == Month.JULY && last == Month.DECEMBER) {
            return "H2";
        }
        if (first == last) {
            return (first.getValue() < 10 ? "M0" : "M") + first.getValue();
        }
        if ((first.getValue() - 1) % 3 == 0 && last.getValue() % 3 == 0) {
            int from = (first.getValue() + 2) / 3;
            int to = last.getValue() / 3;
            return from == to ? "Q" + from : "Q" + from + "-Q" + to;
        }
        return null;
    }

    /** The plan's words: "6 tháng", "6 tháng cuối", "năm", "quý I", "quý I–quý III", "tháng 6". */
    public String label() {
        String code = code();
        if (code.equals("Y")) {
            return "năm";
        }
        if (code.equals("H1")) {
            return "6 tháng";
        }
        if (code.equals("H2")) {
            return "6 tháng cuối";
        }
        if (code.startsWith("M")) {
            return "tháng " + first.getValue();
        }
        int from = (first.getValue() + 2) / 3;
        int to = last.getValue() / 3;
        return from == to ? "quý " + ROMAN[from - 1] : "quý " + ROMAN[from - 1] + "–quý " + ROMAN[to - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodKind k && k.first == first && k.last == last;
    }

    @Override
    public int hashCode() {
        return first.hashCode() * 31 + last.hashCode();
    }

    @Override
    public String toString() {
        return code();
    }
}
