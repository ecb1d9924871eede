package vn.haiphong.gddt.reports.domain;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's "thời gian thực hiện và hoàn thành" as the plan writes it, read into the period it
 * covers. "Thực hiện theo lịch của thành phố" has no date of its own: it covers the plan's year.
 *
 * @param text         the plan's words, kept to show them back
 * @param cityCalendar true for "theo lịch của thành phố": no fixed deadline inside the year
 */
public record TimeFrame(String text, Period period, boolean cityCalendar) {
    public static final List<String> FORMS = List.of("Quý I/2025", "Quý I-Quý III/2025", "Cả năm 2025",
            "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "tháng 6/2025", "Thực hiện theo lịch của thành phố");

    private static final String ROMAN = "(iv|i{1,3})";
    private static final String DASH = "\\s*[-–—]\\s*";
    private static final Pattern QUARTERS = Pattern.compile("quý " + ROMAN + "(?:" + DASH + "(?:quý )?" + ROMAN + ")?\\s*/\\s*(\\d{4})");
    private static final Pattern WHOLE_YEAR = Pattern.compile("cả năm (\\d{4})");
    private static final Pattern HALF_YEAR = Pattern.compile("6 tháng (đầu|cuối) năm (\\d{4})");
    private static final Pattern MONTH = Pattern.compile("tháng (\\d{1,2})\\s*/\\s*(\\d{4})");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CITY = Pattern.compile("(thực hiện )?theo lịch của thành phố");

    /** @param planYear the year of the plan, for the forms that name none */
    public static TimeFrame parse(String text, int planYear) {
        String original = SPACES.matcher(Text.nfc(text == null ? "" : text).strip()).replaceAll(" ");
        String s = original.toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = QUARTERS.matcher(s)).matches()) {
            int from = roman(m.group(1));
            int to = m.group(2) == null ? from : roman(m.group(2));
            if (to < from) {
                throw refused(original, "quý kết thúc đứng trước quý bắt đầu");
            }
            return fixed(original, m.group(3), PeriodKind.quarters(from, to));
        }
        if ((m = WHOLE_YEAR.matcher(s)).matches()) {
            return fixed(original, m.group(1), PeriodKind.YEAR);
        }
        if ((m = HALF_YEAR.matcher(s)).matches()) {
            return fixed(original, m.group(2), m.group(1).equals("đầu") ? PeriodKind.H1 : PeriodKind.ofCode("H2"));
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(1));
            if (month < 1 || month > 12) {
                throw refused(original, "không có tháng " + month);
            }
            return fixed(original, m.group(2), PeriodKind.month(Month.of(month)));
        }
        if (CITY.matcher(s).matches()) {
            return new TimeFrame(original, new Period(planYear, PeriodKind.YEAR), true);
        }
        throw refused(original, "không phải dạng nào được hỗ trợ (" + String.join("; ", FORMS) + ")");
    }

    private static TimeFrame fixed(String text, String year, PeriodKind kind) {
        return new TimeFrame(text, new Period(Integer.parseInt(year), kind), false);
    }

    private static int roman(String numeral) {
        return switch (numeral) {
            case "i" -> 1;
            case "ii" -> 2;
            case "iii" -> 3;
            default -> 4;
        };
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException("không hiểu thời gian thực hiện \"" + text + "\": " + why);
    }
}
