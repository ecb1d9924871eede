package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The only clock face the plan knows: Asia/Ho_Chi_Minh, dates written 10/6/2025. */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private VietnamTime() {
    }

    /**
     * ISO-8601 with the +07:00 offset, to the second, as the public API writes times: exactly what
     * {@code ISO_OFFSET_DATE_TIME} prints, written out by hand for years 0–9999. A status writes this
     * for every row, and the formatter's general machinery is most of that cost on a cold start.
     */
    public static String iso(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        ZoneOffset offset = ZONE.getRules().getOffset(second);
        LocalDateTime t = LocalDateTime.ofEpochSecond(second.getEpochSecond(), 0, offset);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return ISO.format(second.atZone(ZONE));
        }
        StringBuilder out = new StringBuilder(25);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
        return out.append(offset.getId()).toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    /** "10/6/2025", as people write dates here. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "15:21:09 ngày 8/6/2025". */
    public static String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(ZONE);
        return TIME.format(local) + " ngày " + DATE.format(local);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
