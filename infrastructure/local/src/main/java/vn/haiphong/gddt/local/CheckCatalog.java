package vn.haiphong.gddt.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.WorkingDays;

/**
 * {@code check-catalog [catalog.json] --year 2026}
 *
 * <p>Reads an edited catalog (or the bundled one) as the functions will, and prints every mistake,
 * or else the obligations of the year with their deadlines and data windows, and the deadlines that
 * leave no working day after the data window (Decree 09/2019/NĐ-CP art. 8(5)(b)). Exit code 1 when
 * the file is wrong; warnings do not fail it.
 */
final class CheckCatalog {
    private CheckCatalog() {
    }

    static int main(List<String> argv, PrintStream out, PrintStream err) throws IOException {
        Args args = new Args(argv);
        if (args.positional().size() > 1 || !args.has("--year")) {
            err.println("usage: check-catalog [catalog.json] --year 2026   (no file: the catalog bundled with the functions)");
            return 2;
        }
        int year = Integer.parseInt(args.value("--year", null));
        args.rejectUnknown();
        Catalog catalog;
        try {
            catalog = args.positional().isEmpty() ? CatalogFile.bundled(CatalogSettings.defaults())
                    : CatalogFile.parse(Files.readAllBytes(Path.of(args.positional().get(0))), CatalogSettings.defaults());
        } catch (CatalogFile.Invalid e) {
            err.println(e.getMessage());
            return 1;
        }
        List<Obligation> obligations = catalog.obligationsOf(year);
        out.println("Danh mục hợp lệ: " + catalog.reports().size() + " báo cáo định kỳ, " + catalog.tasks().size()
                + " nhiệm vụ; năm " + year + " có " + obligations.size() + " nghĩa vụ nộp:");
        for (Obligation o : obligations) {
            out.println("  " + o.id() + "  " + o.dueWording() + "  — " + o.dataWindow().map(w -> w.text())
                    .orElseGet(() -> "chủ trì: " + o.task().orElseThrow().lead()));
        }
        List<String> warnings = catalog.deadlineWarnings(year, WorkingDays.vietnam());
        if (!warnings.isEmpty()) {
            out.println("Cảnh báo (" + warnings.size() + "):");
            warnings.forEach(w -> out.println("  ! " + w));
        }
        return 0;
    }
}
