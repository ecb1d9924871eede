package vn.haiphong.gddt.reports.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The working days of public employees (công chức, viên chức) in Vietnam: Monday to Friday, except
 * the public holidays and official days off, plus the make-up Saturdays (and Sundays) the Government
 * sets when it swaps a working day to join two days off.
 *
 * <p>The calendar is data, never code: {@code ngay-nghi-le.csv} next to this class, UTF-8, one row a
 * day, header {@code date,kind,name}:
 * <ul>
 *   <li>{@code date}: ISO {@code yyyy-MM-dd}; each date at most once;</li>
 *   <li>{@code kind}: {@code HOLIDAY} (a public holiday or an official day off, including the extra,
 *       compensation and swapped days off; it may fall on a weekend, so the holiday keeps its name)
 *       or {@code WORKING} (an official make-up working day; only on a Saturday or a Sunday);</li>
 *   <li>{@code name}: in Vietnamese, not blank; no commas or double quotes (no CSV quoting).</li>
 * </ul>
 * Blank lines are ignored. A day the file does not name is a working day exactly when it is Monday to
 * Friday, so years the file does not cover yet fall back to plain weekends: add each year's rows when
 * the Ministry of Home Affairs announces them.
 */
public final class WorkingDays {
    /** The resource, relative to this class's package. */
    public static final String RESOURCE = "ngay-nghi-le.csv";
    static final String HEADER = "date,kind,name";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private enum Kind { HOLIDAY, WORKING }

    private record Day(Kind kind, String name) {
    }

    private final Map<LocalDate, Day> days;

    private WorkingDays(Map<LocalDate, Day> days) {
        this.days = Collections.unmodifiableMap(new TreeMap<>(days));
    }

    /** The official calendar, read once from {@value #RESOURCE} on the classpath. */
    public static WorkingDays vietnam() {
        return Official.CALENDAR;
    }

    private static final class Official {
        static final WorkingDays CALENDAR = load();

        private static WorkingDays load() {
            try (InputStream in = WorkingDays.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                String csv = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
                return parse(csv);
            } catch (CharacterCodingException e) {
                throw new IllegalStateException(RESOURCE + " is not UTF-8", e);
            } catch (IOException e) {
                throw new UncheckedIOException(RESOURCE + " cannot be read", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads a calendar in the format above.
     *
     * @throws IllegalArgumentException naming the first bad line ("line 7: …"), lines counted from 1
     *                                  with the header as line 1
     */
    public static WorkingDays parse(String csv) {
        Objects.requireNonNull(csv, "csv");
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] lines = text.split("\r?\n|\r", -1);
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException("line 1: the header must be '" + HEADER + "'");
        }
        Map<LocalDate, Day> days = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.indexOf('"') >= 0) {
                throw bad(lineNo, "double quotes are not allowed (no CSV quoting)");
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw bad(lineNo, "expected 3 fields date,kind,name but found " + fields.length
                        + (fields.length > 3 ? " (a name must not contain commas)" : ""));
            }
            LocalDate date = date(lineNo, fields[0].strip());
            Kind kind = kind(lineNo, fields[1].strip());
            String name = Text.nfc(fields[2]).strip();
            if (name.isEmpty()) {
                throw bad(lineNo, "the name is blank");
            }
            if (kind == Kind.WORKING && !isWeekend(date)) {
                throw bad(lineNo, "WORKING is only for a make-up Saturday or Sunday, but " + date + " is a "
                        + date.getDayOfWeek());
            }
            if (days.putIfAbsent(date, new Day(kind, name)) != null) {
                throw bad(lineNo, date + " is listed twice");
            }
        }
        return new WorkingDays(days);
    }

    private static LocalDate date(int lineNo, String field) {
        if (!ISO_DATE.matcher(field).matches()) {
            throw bad(lineNo, "'" + field + "' is not a date yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(field);
        } catch (DateTimeParseException e) {
            throw bad(lineNo, "'" + field + "' is not a date yyyy-MM-dd");
        }
    }

    private static Kind kind(int lineNo, String field) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(field)) {
                return kind;
            }
        }
        throw bad(lineNo, "unknown kind '" + field + "' (expected HOLIDAY or WORKING)");
    }

    private static IllegalArgumentException bad(int lineNo, String why) {
        return new IllegalArgumentException("line " + lineNo + ": " + why);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Monday to Friday unless a HOLIDAY; Saturday and Sunday only when a WORKING make-up day. */
    public boolean isWorkingDay(LocalDate date) {
        Day day = days.get(date);
        return day != null ? day.kind() == Kind.WORKING : !isWeekend(date);
    }

    /** That day if it is a working day, else the last working day before it. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** That day if it is a working day, else the first working day after it. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The name of the holiday or official day off on that day; empty on other days (make-up days included). */
    public Optional<String> holidayName(LocalDate date) {
        Day day = days.get(date);
        return day != null && day.kind() == Kind.HOLIDAY ? Optional.of(day.name()) : Optional.empty();
    }
}
