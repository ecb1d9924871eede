package vn.haiphong.gddt.reports.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of months of one year, written {@code 2025-H1}, {@code 2025-Y}, {@code 2025-Q1-Q3} or {@code 2025-M06}. */
public record Period(int year, PeriodKind kind) {
    private static final Pattern ID = Pattern.compile("(\\d{4})-([A-Z0-9]{1,3}(?:-[A-Z0-9]{2})?)");

    public Period {
        Objects.requireNonNull(kind, "kind");
    }

    public String id() {
        return year + "-" + kind.code();
    }

    /**
     * The period in words, as the pages (sent as {@code periodText}, so no page keeps its own wording),
     * the e-mails and the workbook show it: "năm 2025",
     * "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "quý I năm 2025", "quý I–quý III năm 2025",
     * "tháng 6 năm 2025".
     */
    public String text() {
        String code = kind.code();
        String span = code.equals("Y") ? "năm" : code.equals("H1") ? "6 tháng đầu năm"
                : code.equals("H2") ? "6 tháng cuối năm" : kind.label() + " năm";
        return span + " " + year;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, kind.first(), 1);
    }

    public LocalDate lastDay() {
        LocalDate start = LocalDate.of(year, kind.last(), 1);
        return start.withDayOfMonth(start.lengthOfMonth());
    }

    /**
     * The days whose figures a report of this period covers (Decree 09/2019/NĐ-CP, art. 12): from the
     * 15th of the month before the period to the 14th of its last month — for the first half-year
     * 15/12 of the year before to 14/6, for the year 15/12 to 14/12.
     */
    public DataWindow dataWindow() {
        return new DataWindow(firstDay().minusMonths(1).withDayOfMonth(15), LocalDate.of(year, kind.last(), 14));
    }

    public static Optional<Period> parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Period(Integer.parseInt(m.group(1)), PeriodKind.ofCode(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
