package vn.haiphong.gddt.local;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.haiphong.gddt.reports.domain.Text;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/**
 * The Office's unit list as CSV ({@code id,name,category,emails}, e-mails separated by ";"),
 * optionally with {@code activeFrom,activeUntil} (dates written 1/8/2025 or 2025-08-01; empty =
 * open-ended) for units opened, merged or closed. Every row is checked before anything is
 * imported; a bad row is reported by its line number.
 */
public final class UnitCsv {
    public static final String HEADER = "id,name,category,emails";
    public static final String HEADER_WITH_DATES = HEADER + ",activeFrom,activeUntil";
    private static final DateTimeFormatter VIETNAMESE_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    public record Result(List<Unit> units, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private UnitCsv() {
    }

    public static Result parse(String csv) {
        List<Unit> units = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = Text.nfc(csv.startsWith("\uFEFF") ? csv.substring(1) : csv).split("\r?\n", -1);
        String header = lines.length == 0 ? "" : lines[0].strip();
        if (!header.equals(HEADER) && !header.equals(HEADER_WITH_DATES)) {
            return new Result(List.of(), List.of("dòng 1: tiêu đề phải là \"" + HEADER + "\" hoặc \""
                    + HEADER_WITH_DATES + "\""));
        }
        int columns = header.split(",").length;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                List<String> fields = fields(lines[i]);
                if (fields.size() != columns) {
                    throw new IllegalArgumentException("cần " + columns + " cột, có " + fields.size());
                }
                UnitCategory category = category(fields.get(2).strip());
                List<String> emails = Arrays.stream(fields.get(3).split(";")).map(String::strip)
                        .filter(e -> !e.isEmpty()).toList();
                Unit unit = new Unit(fields.get(0).strip(), fields.get(1), category, emails, 1,
                        columns > 4 ? date(fields.get(4)) : null, columns > 4 ? date(fields.get(5)) : null);
                if (!seen.add(unit.id())) {
                    throw new IllegalArgumentException("mã đơn vị trùng: " + unit.id());
                }
                units.add(unit);
            } catch (IllegalArgumentException e) {
                errors.add("dòng " + lineNo + ": " + e.getMessage());
            }
        }
        return new Result(errors.isEmpty() ? List.copyOf(units) : List.of(), List.copyOf(errors));
    }

    private static LocalDate date(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return v.contains("/") ? LocalDate.parse(v, VIETNAMESE_DATE) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ngày không hợp lệ: " + v + " (viết 1/8/2025 hoặc 2025-08-01)");
        }
    }

    private static UnitCategory category(String value) {
        try {
            return UnitCategory.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loại đơn vị không hợp lệ: " + value + " (cho phép: "
                    + Arrays.toString(UnitCategory.values()) + ")");
        }
    }

    /** RFC 4180 fields of one line: quotes around a field, "" for a quote inside it. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("thiếu dấu ngoặc kép đóng");
        }
        fields.add(field.toString());
        return fields;
    }
}
