package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** ISO-8601 with the +07:00 offset, to the second, as the public API writes times. */
    public static String iso(Instant instant) {
        return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
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
