package vn.haiphong.gddt.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.haiphong.gddt.reports.domain.Text;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.UnitListChanges.Field;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * The Office's unit list as exported from its spreadsheet: a header naming the columns (English or
 * Vietnamese, any order) and one unit a line; e-mails separated by ";"; dates written 1/8/2025 or
 * 2025-08-01, empty = open-ended. Every row is checked before anything is imported; a bad row is
 * reported by its line number.
 *
 * <p>Encodings: UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark (Excel's
 * "Unicode Text") are read; anything else is refused, because a Windows-1258 file read as UTF-8 would
 * store wrong names without anyone noticing, and guessing a legacy code page cannot be done safely.
 */
public final class UnitCsv {
    public static final String HEADER = "id,name,category,emails";
    public static final String HEADER_WITH_DATES = HEADER + ",effectiveFrom,effectiveTo";
    private static final DateTimeFormatter VIETNAMESE_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final String SAVE_AS_UTF8 = "Trong Excel: Tệp → Lưu thành… → chọn kiểu "
            + "\"CSV UTF-8 (phân cách bằng dấu phẩy) (*.csv)\", rồi nhập lại tệp đó.";

    /** The columns a file may have, each under its English name or the names the Office's spreadsheet uses. */
    enum Column {
        ID(true, "id", "mã", "mã đơn vị"),
        NAME(true, "name", "tên", "tên đơn vị"),
        CATEGORY(true, "category", "loại", "loại đơn vị"),
        EMAILS(true, "emails", "email", "e-mail", "thư điện tử"),
        EFFECTIVE_FROM(false, "effectiveFrom", "activeFrom", "từ ngày", "hiệu lực từ", "ngày bắt đầu"),
        EFFECTIVE_TO(false, "effectiveTo", "activeUntil", "đến ngày", "hiệu lực đến", "ngày kết thúc");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        static Column named(String header) {
            String wanted = key(header);
            return Arrays.stream(values()).filter(c -> c.names.stream().anyMatch(n -> key(n).equals(wanted)))
                    .findFirst().orElse(null);
        }

        private static String key(String name) {
            return Text.nfc(name).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }

    /** @param fields the fields the file has columns for (name, category and e-mails always) */
    public record Result(List<Unit> units, Set<Field> fields, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        static Result refused(String error) {
            return new Result(List.of(), Field.ALWAYS, List.of(error));
        }
    }

    private UnitCsv() {
    }

    public static Result parse(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    public static Result parse(byte[] bytes) {
        String text;
        try {
            text = Text.nfc(decode(bytes));
        } catch (NotReadable e) {
            return Result.refused(e.getMessage());
        }
        if (text.indexOf('\0') >= 0) {
            return Result.refused("Tệp có ký tự NUL: có lẽ là UTF-16 không có dấu BOM. Không nhập gì. " + SAVE_AS_UTF8);
        }
        String firstLine = text.split("\r?\n", 2)[0];
        if (firstLine.isBlank()) {
            return Result.refused("dòng 1: thiếu dòng tiêu đề (ví dụ \"" + HEADER_WITH_DATES + "\")");
        }
        List<CsvRecord> records;
        try {
            records = records(text, separator(firstLine));
        } catch (IllegalArgumentException e) {
            return Result.refused(e.getMessage());
        }
        Map<Column, Integer> columns;
        int width;
        try {
            List<String> header = records.get(0).getFields();
            columns = columns(header);
            width = header.size();
        } catch (IllegalArgumentException e) {
            return Result.refused("dòng 1: " + e.getMessage());
        }
        List<Unit> units = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            List<String> fields = record.getFields();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            try {
                if (fields.size() != width) {
                    throw new IllegalArgumentException("cần " + width + " cột, có " + fields.size());
                }
                Unit unit = unit(fields, columns);
                if (!seen.add(unit.id())) {
                    throw new IllegalArgumentException("mã đơn vị trùng: " + unit.id());
                }
                units.add(unit);
            } catch (IllegalArgumentException e) {
                // The line a record starts on: a cell with line breaks makes a record span several.
                errors.add("dòng " + record.getStartingLineNumber() + ": " + e.getMessage());
            }
        }
        Set<Field> fields = EnumSet.copyOf(Field.ALWAYS);
        if (columns.containsKey(Column.EFFECTIVE_FROM)) {
            fields.add(Field.EFFECTIVE_FROM);
        }
        if (columns.containsKey(Column.EFFECTIVE_TO)) {
            fields.add(Field.EFFECTIVE_TO);
        }
        return new Result(errors.isEmpty() ? List.copyOf(units) : List.of(), Set.copyOf(fields), List.copyOf(errors));
    }

    private static Unit unit(List<String> fields, Map<Column, Integer> columns) {
        Map<Column, String> value = new EnumMap<>(Column.class);
        columns.forEach((column, index) -> value.put(column, fields.get(index).strip()));
        LocalDate from = date(value.get(Column.EFFECTIVE_FROM));
        LocalDate to = date(value.get(Column.EFFECTIVE_TO));
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("ngày hết hiệu lực " + VietnamTime.date(to) + " trước ngày bắt đầu "
                    + VietnamTime.date(from));
        }
        // Unit.EMAIL allows none of ";", "," or blanks, so any of them separates two addresses.
        List<String> emails = Arrays.stream(value.get(Column.EMAILS).split("[;,\\s]+")).filter(e -> !e.isEmpty()).toList();
        List<String> badEmails = emails.stream().filter(e -> !Unit.validEmail(e)).toList();
        if (!badEmails.isEmpty()) {
            throw new IllegalArgumentException("địa chỉ e-mail không hợp lệ: " + String.join(", ", badEmails));
        }
        return new Unit(value.get(Column.ID), value.get(Column.NAME), category(value.get(Column.CATEGORY)), emails, 1,
                from, to);
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            // Excel writes a blank heading for an empty column once formatted; its cells are ignored.
            if (header.get(i).isBlank()) {
                continue;
            }
            Column column = Column.named(header.get(i));
            if (column == null) {
                unknown.add("\"" + header.get(i).strip() + "\"");
            } else if (columns.putIfAbsent(column, i) != null) {
                throw new IllegalArgumentException("cột " + column.names.get(0) + " xuất hiện hai lần");
            }
        }
        List<String> problems = new ArrayList<>();
        String missing = Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c))
                .map(c -> c.names.get(0)).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            problems.add("thiếu cột: " + missing);
        }
        if (!unknown.isEmpty()) {
            problems.add("cột không rõ: " + String.join(", ", unknown));
        }
        if (!problems.isEmpty()) {
            Map<String, String> accepted = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                accepted.put(c.names.get(0), String.join(" / ", c.names));
            }
            throw new IllegalArgumentException(String.join("; ", problems) + " (các cột được hiểu: "
                    + String.join(", ", accepted.values()) + "; ngày là tùy chọn)");
        }
        return columns;
    }

    /** Excel writes the list separator of the computer's region: a comma, a semicolon, or a tab for "Unicode Text". */
    private static char separator(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
    }

    private static LocalDate date(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ngày không hợp lệ: " + value + " (viết 1/8/2025 hoặc 2025-08-01)");
        }
    }

    private static UnitCategory category(String value) {
        try {
            return UnitCategory.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loại đơn vị không có: \"" + value + "\" (các loại: "
                    + Arrays.stream(UnitCategory.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static final class NotReadable extends Exception {
        NotReadable(String message) {
            super(message);
        }
    }

    private static String decode(byte[] bytes) throws NotReadable {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decode(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return decode(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return decode(bytes, 2, StandardCharsets.UTF_16BE);
        }
        return decode(bytes, 0, StandardCharsets.UTF_8);
    }

    private static String decode(byte[] bytes, int start, Charset charset) throws NotReadable {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new NotReadable(notReadable(bytes, in.position(), charset));
        }
        return out.flip().toString();
    }

    private static String notReadable(byte[] bytes, int badByte, Charset charset) {
        if (charset != StandardCharsets.UTF_8) {
            return "Tệp " + charset + " (có dấu BOM) bị hỏng ở byte thứ " + badByte + ". Không nhập gì. " + SAVE_AS_UTF8;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < badByte; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < bytes.length && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r' && lineEnd - lineStart < 80) {
            lineEnd++;
        }
        // Shown with "�" where the bytes cannot be read, only so the Office can find the line.
        String shown = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        return "dòng " + line + ": tệp không phải UTF-8 (có lẽ lưu bằng bảng mã Windows-1258 hoặc Windows-1252; "
                + "dòng này đọc thành \"" + shown + "\"). Không nhập gì, vì đọc sai bảng mã sẽ làm hỏng tên "
                + "đơn vị. " + SAVE_AS_UTF8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's records (RFC 4180, by fastcsv): a quoted cell may hold the separator, {@code ""} for a
     * quote, and line breaks, as Excel writes a cell with Alt+Enter in it.
     *
     * @throws IllegalArgumentException in Vietnamese, with the line, when the quotes do not pair up
     */
    static List<CsvRecord> records(String text, char separator) {
        List<CsvRecord> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).quoteCharacter('"')
                .skipEmptyLines(true).ignoreDifferentFieldCount(true).acceptCharsAfterQuotes(false).ofCsvRecord(text)) {
            records = reader.stream().toList();
        } catch (CsvParseException e) {
            Matcher line = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException((line.find() ? "dòng " + line.group(1) + ": " : "")
                    + "có ký tự ngay sau dấu ngoặc kép đóng (một ô có dấu ngoặc kép phải viết \"\" cho mỗi dấu)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // A quote never closed swallows the rest of the file into one cell: the quotes do not pair up.
        if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new IllegalArgumentException("dòng " + records.get(records.size() - 1).getStartingLineNumber()
                    + ": thiếu dấu ngoặc kép đóng");
        }
        return records;
    }
}
