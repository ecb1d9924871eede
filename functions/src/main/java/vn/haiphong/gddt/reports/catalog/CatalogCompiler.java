package vn.haiphong.gddt.reports.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.PeriodKind;
import vn.haiphong.gddt.reports.domain.Report;
import vn.haiphong.gddt.reports.domain.Task;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/**
 * Run by the build (functions/pom.xml, compile phase, after javac): reads catalog.json as {@link CatalogFile}
 * does, failing the build with every mistake the file holds, and writes {@value #CLASS_NAME}, whose
 * reports and tasks are the file's as plain constructor calls. A function's cold start then builds the
 * catalog without reading 10 KB of JSON and checking it in code that runs for the first time (40–50 ms on
 * one core, docs/benchmarks.md). Not in the Lambda jar (the shade filter leaves it out).
 *
 * <p>Arguments: the catalog file, the folder of generated sources, the module's classes (where the
 * compiled class goes).
 */
public final class CatalogCompiler {
    static final String CLASS_NAME = "CompiledCatalog";
    private static final String PACKAGE_PATH = "vn/haiphong/gddt/reports/catalog/";

    private CatalogCompiler() {
    }

    public static void main(String[] args) throws IOException {
        Catalog catalog = CatalogFile.parse(Files.readAllBytes(Path.of(args[0])), CatalogSettings.defaults());
        Path classes = Path.of(args[2]);
        Path source = write(CLASS_NAME, source(catalog, CLASS_NAME), Path.of(args[1]));
        Path compiled = classes.resolve(PACKAGE_PATH + CLASS_NAME + ".class");
        if (!Files.exists(compiled) || Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) < 0) {
            compile(source, classes, classes);
        }
    }

    /** Writes the source under {@code sources}; an unchanged one is left alone, so that nothing is recompiled. */
    static Path write(String className, String source, Path sources) throws IOException {
        Path file = sources.resolve(PACKAGE_PATH + className + ".java");
        if (!Files.exists(file) || !Files.readString(file).equals(source)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
        }
        return file;
    }

    /**
     * Compiles the generated source into {@code output} with the running JDK's compiler, for the release the
     * module targets; {@code classes} holds the module's own classes.
     */
    static void compile(Path source, Path classes, Path output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: the build needs a JDK");
        }
        int status = javac.run(null, null, null, "--release", "17", "-encoding", "UTF-8", "-proc:none",
                "-classpath", classes.toString(), "-d", output.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac could not compile " + source + " (exit " + status + ")");
        }
    }

    /** The Java source of a class of that name (in this package) holding this catalog's reports and tasks. */
    static String source(Catalog catalog, String className) {
        List<String> reports = new ArrayList<>();
        for (Report report : catalog.reports()) {
            reports.add(report(report));
        }
        List<String> tasks = new ArrayList<>();
        for (Task task : catalog.tasks()) {
            tasks.add("new Task(" + task.number() + ", " + literal(task.content()) + ", " + literal(task.lead()) + ", "
                    + literal(task.coordinating()) + ",\n                    new TimeFrame(" + literal(task.timeFrame().text())
                    + ", new Period(" + task.timeFrame().period().year() + ", " + kind(task.timeFrame().period().kind())
                    + "), " + task.timeFrame().cityCalendar() + "),\n                    " + report(task.report()) + ")");
        }
        return """
                package vn.haiphong.gddt.reports.catalog;

                import java.time.MonthDay;
                import java.util.List;
                import java.util.Map;
                import java.util.Set;
                import vn.haiphong.gddt.reports.domain.Period;
                import vn.haiphong.gddt.reports.domain.PeriodKind;
                import vn.haiphong.gddt.reports.domain.Report;
                import vn.haiphong.gddt.reports.domain.SignatureRule;
                import vn.haiphong.gddt.reports.domain.Task;
                import vn.haiphong.gddt.reports.domain.TimeFrame;
                import vn.haiphong.gddt.reports.domain.UnitCategory;

                /** Generated by CatalogCompiler from catalog.json at build time: edit the JSON, not this. */
                public final class %s implements CatalogFile.Compiled {
                    @Override
                    public List<Report> reports() {
                        return List.of(
                                %s);
                    }

                    @Override
                    public List<Task> tasks() {
                        return List.of(
                                %s);
                    }
                }
                """.formatted(className, String.join(",\n                ", reports), String.join(",\n                ", tasks));
    }

    private static String report(Report report) {
        List<String> categories = new ArrayList<>();
        for (UnitCategory category : report.owedBy()) {
            categories.add("UnitCategory." + category.name());
        }
        List<String> units = new ArrayList<>();
        for (String unit : report.owedByUnits()) {
            units.add(literal(unit));
        }
        List<String> days = new ArrayList<>();
        for (Map.Entry<PeriodKind, MonthDay> day : report.namedDays().entrySet()) {
            days.add("Map.entry(" + kind(day.getKey()) + ", MonthDay.of(" + day.getValue().getMonthValue() + ", "
                    + day.getValue().getDayOfMonth() + "))");
        }
        return "new Report(" + literal(report.id()) + ", " + literal(report.subject()) + ", " + literal(report.receiver()) + ", "
                + literal(report.receiverCode()) + ",\n                    Set.of(" + String.join(", ", sorted(categories))
                + "), Set.of(" + String.join(", ", sorted(units)) + "),\n                    Map.ofEntries("
                + String.join(", ", sorted(days)) + "), SignatureRule." + report.signature().name() + ")";
    }

    private static String kind(PeriodKind kind) {
        return "PeriodKind.ofCode(" + literal(kind.code()) + ")";
    }

    /** Sets and maps iterate in no fixed order; the source is written the same way from the same file. */
    private static List<String> sorted(List<String> items) {
        return items.stream().sorted().toList();
    }

    /** A Java string literal: the text itself (UTF-8 source), quotes, backslashes and control characters escaped. */
    static String literal(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Octal, not a Unicode escape: javac decodes those before it reads the literal (a line feed would end it).
                default -> out.append(c < 0x20 ? String.format("\\%03o", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
