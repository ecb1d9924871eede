package vn.haiphong.gddt.reports.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Report;

@DisplayName("catalog.json compiled at build time (CatalogCompiler → CompiledCatalog)")
class CatalogCompilerTest {
    private static final CatalogSettings DEFAULTS = CatalogSettings.defaults();

    private static Catalog parsedFile() {
        return CatalogFile.file(DEFAULTS);
    }

    @Test
    void the_build_compiled_the_bundled_file_into_the_same_reports_and_tasks_the_file_holds() throws Exception {
        CatalogFile.Compiled compiled = CatalogFile.compiled();
        assertThat(compiled).as("CompiledCatalog on the class path (the build's compile phase writes it)").isNotNull();
        Catalog file = parsedFile();
        assertThat(compiled.reports()).isEqualTo(file.reports());
        assertThat(compiled.tasks()).isEqualTo(file.tasks());
        assertThat(file.tasks()).isNotEmpty();
    }

    @Test
    void the_bundled_catalog_is_the_compiled_one_with_the_settings_given() throws Exception {
        Catalog bundled = CatalogFile.bundled(DEFAULTS);
        Catalog file = parsedFile();
        assertThat(bundled.reports()).isEqualTo(file.reports());
        assertThat(bundled.tasks()).isEqualTo(file.tasks());
        assertThat(bundled.settings()).isSameAs(DEFAULTS);
    }

    @Test
    void quotes_backslashes_line_breaks_and_twelve_monthly_deadlines_compile_to_the_values_the_file_reads_as(
            @TempDir Path dir) throws Exception {
        StringBuilder months = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            months.append(m == 1 ? "" : ", ").append("\"M%02d\": \"%d/%d\"".formatted(m, 28, m));
        }
        String json = """
                {"reports": [{"id": "THANG", "subject": "tình hình \\"tháng\\" C:\\\\báo cáo\\nhai dòng\\tcó tab",
                  "receiver": "Văn phòng Sở", "receiverCode": "VP", "owedBy": ["THPT", "PHONG_GDDT"],
                  "deadlines": {%s}, "signature": "required"}],
                 "plans": [{"year": 2026, "title": "Kế hoạch", "receiver": "Văn phòng Sở", "receiverCode": "VP",
                  "tasks": [{"number": 7, "content": "Nhiệm vụ \\u0001 lạ", "lead": "Văn phòng", "coordinating": "Các phòng",
                             "leadUnits": ["van-phong-so"], "timeFrame": "Quý I-Quý III/2026"},
                            {"number": 8, "content": "Theo lịch", "lead": "Văn phòng", "coordinating": "Các phòng",
                             "leadCategories": ["TRUC_THUOC"], "timeFrame": "Thực hiện theo lịch của thành phố"}]}]}
                """.formatted(months);
        Catalog file = CatalogFile.parse(json.getBytes(StandardCharsets.UTF_8), DEFAULTS);

        String className = "CompiledForTest";
        Path source = CatalogCompiler.write(className, CatalogCompiler.source(file, className), dir.resolve("sources"));
        Path output = Files.createDirectories(dir.resolve("classes"));
        Path moduleClasses = Path.of(Report.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        CatalogCompiler.compile(source, moduleClasses, output);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()}, getClass().getClassLoader())) {
            CatalogFile.Compiled compiled = (CatalogFile.Compiled) loader
                    .loadClass(CatalogFile.class.getPackageName() + "." + className).getDeclaredConstructor().newInstance();
            assertThat(compiled.reports()).isEqualTo(file.reports());
            assertThat(compiled.reports().get(0).namedDays()).hasSize(12);
            assertThat(compiled.reports().get(0).subject()).isEqualTo("tình hình \"tháng\" C:\\báo cáo\nhai dòng\tcó tab");
            assertThat(compiled.tasks()).isEqualTo(file.tasks());
        }
    }

    @Test
    void the_same_catalog_gives_the_same_source_so_an_unchanged_file_is_not_recompiled() throws Exception {
        Catalog file = parsedFile();
        assertThat(CatalogCompiler.source(file, "A")).isEqualTo(CatalogCompiler.source(parsedFile(), "A"));
    }
}
