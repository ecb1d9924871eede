package vn.haiphong.gddt.reports.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.haiphong.gddt.reports.JsonIn;
import vn.haiphong.gddt.reports.JsonOut;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.PeriodKind;
import vn.haiphong.gddt.reports.domain.Report;
import vn.haiphong.gddt.reports.domain.SignatureRule;
import vn.haiphong.gddt.reports.domain.Task;
import vn.haiphong.gddt.reports.domain.Text;
import vn.haiphong.gddt.reports.domain.TimeFrame;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/**
 * The catalog as data ({@value #RESOURCE}): the periodic reports, recurring every year from the
 * days the plan names, and each year's plan with its tasks. The Office adds a report or a year's
 * tasks, or moves a deadline, by editing the file; every mistake is reported when it is read (by the
 * build, which compiles it: {@link CatalogCompiler}; by {@code check-catalog}), all at once, by its place
 * in the file, and nothing of a wrong file is used.
 */
public final class CatalogFile {
    public static final String RESOURCE = "/vn/haiphong/gddt/reports/catalog.json";

    private static final Pattern REPORT_ID = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");
    private static final Pattern TASK_ID = Pattern.compile("NV\\d\\d");
    private static final Pattern RECEIVER_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})/(\\d{1,2})");

    /** Every problem of a catalog file, one line each. */
    public static final class Invalid extends IllegalArgumentException {
        private final List<String> errors;

        Invalid(List<String> errors) {
            super("Danh mục không hợp lệ (" + errors.size() + " lỗi):\n" + String.join("\n", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    private final List<String> errors = new ArrayList<>();

    private CatalogFile() {
    }

    /**
     * The reports and tasks of the bundled catalog as the build compiled them ({@link CatalogCompiler}):
     * the same values {@link #parse} reads from the file, without reading it.
     */
    public interface Compiled {
        List<Report> reports();

        List<Task> tasks();
    }

    /**
     * The catalog shipped with the functions: the build's {@code CompiledCatalog} when the class path holds
     * it, as every jar the build makes does (LambdaJarTest); the file itself on one that has not run the
     * build's compile phase (an IDE's own build), the same catalog, read more slowly.
     */
    public static Catalog bundled(CatalogSettings settings) {
        Compiled compiled = compiled();
        return compiled != null ? new Catalog(compiled.reports(), compiled.tasks(), settings) : file(settings);
    }

    /** The bundled file itself, read and checked. */
    static Catalog file(CatalogSettings settings) {
        try (InputStream in = CatalogFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in.readAllBytes(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Compiled compiled() {
        try {
            return (Compiled) Class.forName(CatalogFile.class.getPackageName() + "." + CatalogCompiler.CLASS_NAME)
                    .getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the compiled catalog cannot be built", e);
        }
    }

    /** @throws Invalid listing every problem, when there is any */
    public static Catalog parse(byte[] json, CatalogSettings settings) {
        Object root;
        try {
            root = JsonIn.parse(json);
        } catch (JsonIn.Malformed e) {
            throw new Invalid(List.of("không đọc được JSON: " + e.getMessage()));
        }
        return new CatalogFile().read(JsonIn.object(root), settings);
    }

    private Catalog read(Map<String, Object> root, CatalogSettings settings) {
        List<Report> reports = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        if (root == null) {
            errors.add("tệp phải là một đối tượng JSON { \"reports\": [...], \"plans\": [...] }");
        } else {
            onlyFields(root, "", Set.of("_comment", "reports", "plans"));
            Set<String> reportIds = new HashSet<>();
            each(root, "reports", true, (node, path) -> report(node, path, reportIds, reports));
            Set<Integer> years = new HashSet<>();
            each(root, "plans", false, (node, path) -> plan(node, path, years, tasks));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Catalog(reports, tasks, settings);
    }

    private interface Reader {
        void read(Map<String, Object> node, String path);
    }

    private void each(Map<String, Object> parent, String field, boolean required, Reader reader) {
        Object value = parent.get(field);
        if (value == null && !required) {
            return;
        }
        if (!(value instanceof List<?> array) || (required && array.isEmpty())) {
            errors.add(field + ": cần một danh sách" + (required ? " không rỗng" : ""));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = field + "[" + i + "]";
            Map<String, Object> item = JsonIn.object(array.get(i));
            if (item != null) {
                reader.read(item, path);
            } else {
                errors.add(path + ": cần một đối tượng { … }");
            }
        }
    }

    private void report(Map<String, Object> node, String path, Set<String> ids, List<Report> reports) {
        onlyFields(node, path, Set.of("id", "subject", "receiver", "receiverCode", "owedBy", "deadlines", "signature"));
        int before = errors.size();
        String id = text(node, path, "id");
        if (id != null && (!REPORT_ID.matcher(id).matches() || TASK_ID.matcher(id).matches())) {
            errors.add(path + ".id: \"" + id + "\" không hợp lệ (chữ in hoa, số, _; 2–16 ký tự; NV01…NV99 dành cho nhiệm vụ)");
        } else if (id != null && !ids.add(id)) {
            errors.add(path + ".id: trùng mã báo cáo " + id);
        }
        String subject = text(node, path, "subject");
        String receiver = text(node, path, "receiver");
        String receiverCode = receiverCode(node, path);
        Set<UnitCategory> owedBy = categories(node, path, "owedBy");
        Map<PeriodKind, MonthDay> deadlines = deadlines(node, path);
        SignatureRule signature = signatureRule(node, path);
        if (errors.size() == before) {
            reports.add(new Report(id, subject, receiver, receiverCode, owedBy, Set.of(), deadlines, signature));
        }
    }

    /** Optional; {@code recommended} when absent. */
    private SignatureRule signatureRule(Map<String, Object> node, String path) {
        Object value = node.get("signature");
        if (value == null) {
            return SignatureRule.RECOMMENDED;
        }
        return SignatureRule.parse(String.valueOf(value)).orElseGet(() -> {
            errors.add(path + ".signature: \"" + value + "\" không hợp lệ (off, recommended hoặc required)");
            return SignatureRule.RECOMMENDED;
        });
    }

    private void plan(Map<String, Object> node, String path, Set<Integer> years, List<Task> tasks) {
        onlyFields(node, path, Set.of("year", "title", "receiver", "receiverCode", "tasks"));
        if (!(node.get("year") instanceof Long given) || given < 2000 || given > 2100) {
            errors.add(path + ".year: cần một năm, ví dụ 2025");
            return;
        }
        int year = given.intValue();
        if (!years.add(year)) {
            errors.add(path + ".year: đã có kế hoạch năm " + year);
        }
        text(node, path, "title");
        String receiver = text(node, path, "receiver");
        String receiverCode = receiverCode(node, path);
        Set<Integer> numbers = new HashSet<>();
        each(node, "tasks", true, (task, taskPath) ->
                task(task, path + "." + taskPath, year, numbers, receiver, receiverCode, tasks));
    }

    private void task(Map<String, Object> node, String path, int year, Set<Integer> numbers, String receiver, String receiverCode,
                      List<Task> tasks) {
        onlyFields(node, path, Set.of("number", "content", "lead", "leadUnits", "leadCategories", "coordinating", "timeFrame"));
        int before = errors.size();
        int number = node.get("number") instanceof Long given && given >= 1 && given <= 99 ? given.intValue() : -1;
        if (number < 1 || number > 99) {
            errors.add(path + ".number: cần số thứ tự từ 1 đến 99");
        } else if (!numbers.add(number)) {
            errors.add(path + ".number: trùng nhiệm vụ số " + number);
        }
        String content = text(node, path, "content");
        String lead = text(node, path, "lead");
        String coordinating = text(node, path, "coordinating");
        Set<String> leadUnits = node.containsKey("leadUnits") ? unitIds(node, path) : Set.of();
        Set<UnitCategory> leadCategories = node.containsKey("leadCategories") ? categories(node, path, "leadCategories") : Set.of();
        if (node.containsKey("leadUnits") == node.containsKey("leadCategories")) {
            errors.add(path + ": cần đúng một trong leadUnits (mã đơn vị chủ trì) hoặc leadCategories (loại đơn vị chủ trì)");
        }
        TimeFrame frame = null;
        String frameText = text(node, path, "timeFrame");
        if (frameText != null) {
            try {
                frame = TimeFrame.parse(frameText, year);
                if (frame.period().year() != year) {
                    errors.add(path + ".timeFrame: \"" + frameText + "\" không thuộc năm " + year + " của kế hoạch");
                }
            } catch (IllegalArgumentException e) {
                errors.add(path + ".timeFrame: " + e.getMessage());
            }
        }
        if (errors.size() == before) {
            Report owed = new Report(Task.reportId(number), content, receiver, receiverCode, leadCategories, leadUnits, Map.of());
            tasks.add(new Task(number, content, lead, coordinating, frame, owed));
        }
    }

    private Map<PeriodKind, MonthDay> deadlines(Map<String, Object> node, String path) {
        Map<String, Object> days = JsonIn.object(node.get("deadlines"));
        Map<PeriodKind, MonthDay> deadlines = new LinkedHashMap<>();
        if (days == null || days.isEmpty()) {
            errors.add(path + ".deadlines: cần ít nhất một kỳ, ví dụ { \"H1\": \"10/6\", \"Y\": \"5/12\" }");
            return deadlines;
        }
        for (Map.Entry<String, Object> day : days.entrySet()) {
            String where = path + ".deadlines." + day.getKey();
            PeriodKind kind;
            try {
                kind = PeriodKind.ofCode(day.getKey());
            } catch (IllegalArgumentException e) {
                errors.add(where + ": kỳ không hợp lệ (H1, H2, Y, Q1…Q4, Q1-Q3, M01…M12)");
                continue;
            }
            Matcher m = DAY_MONTH.matcher(day.getValue() instanceof String text ? text.strip() : "");
            try {
                if (!m.matches()) {
                    throw new DateTimeException("format");
                }
                MonthDay named = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                if (named.getMonthValue() == 2 && named.getDayOfMonth() == 29) {
                    throw new DateTimeException("29/2 không có trong mọi năm");
                }
                deadlines.put(kind, named);
            } catch (DateTimeException e) {
                errors.add(where + ": ngày không hợp lệ " + JsonOut.write(day.getValue()) + " (viết ngày/tháng, ví dụ \"10/6\")");
            }
        }
        return deadlines;
    }

    private Set<UnitCategory> categories(Map<String, Object> node, String path, String field) {
        return values(node, path, field, value -> {
            try {
                return UnitCategory.valueOf(value);
            } catch (IllegalArgumentException e) {
                errors.add(path + "." + field + ": không có loại đơn vị \"" + value + "\" (cho phép: "
                        + Arrays.toString(UnitCategory.values()) + ")");
                return null;
            }
        });
    }

    private Set<String> unitIds(Map<String, Object> node, String path) {
        return values(node, path, "leadUnits", value -> {
            if (!Unit.validId(value)) {
                errors.add(path + ".leadUnits: mã đơn vị không hợp lệ \"" + value + "\"");
                return null;
            }
            return value;
        });
    }

    private <T> Set<T> values(Map<String, Object> node, String path, String field, Function<String, T> read) {
        Set<T> values = new LinkedHashSet<>();
        if (!(node.get(field) instanceof List<?> array) || array.isEmpty()) {
            errors.add(path + "." + field + ": cần một danh sách không rỗng");
            return values;
        }
        for (Object item : array) {
            T value = item instanceof String text ? read.apply(text.strip()) : null;
            if (!(item instanceof String)) {
                errors.add(path + "." + field + ": mỗi phần tử phải là chuỗi");
            } else if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private String receiverCode(Map<String, Object> node, String path) {
        String code = text(node, path, "receiverCode");
        if (code != null && !RECEIVER_CODE.matcher(code).matches()) {
            errors.add(path + ".receiverCode: \"" + code + "\" không hợp lệ (chữ in hoa, ví dụ TCCB, VP)");
        }
        return code;
    }

    private String text(Map<String, Object> node, String path, String field) {
        String text = node.get(field) instanceof String value ? Text.nfc(value).strip() : "";
        if (text.isEmpty()) {
            errors.add(path + "." + field + ": thiếu hoặc trống");
            return null;
        }
        return text;
    }

    private void onlyFields(Map<String, Object> node, String path, Set<String> allowed) {
        for (String name : node.keySet()) {
            if (!allowed.contains(name)) {
                errors.add((path.isEmpty() ? "" : path + ".") + name + ": trường không được hỗ trợ (cho phép: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
