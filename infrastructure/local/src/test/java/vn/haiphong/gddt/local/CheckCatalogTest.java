package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

class CheckCatalogTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) throws Exception {
        return CheckCatalog.main(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String bundledJson() throws Exception {
        try (var in = CatalogFile.class.getResourceAsStream(CatalogFile.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_bundled_catalog_lists_2025s_reports_and_tasks_and_warns_about_the_four_early_deadlines() throws Exception {
        assertThat(check("--year", "2025")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("Danh mục hợp lệ: 2 báo cáo định kỳ, 12 nhiệm vụ; năm 2025 có 16 nghĩa vụ nộp:")
                .contains("  QCDC:2025-H1  trước ngày 10/6/2025  — Số liệu tính từ 15/12/2024 đến 14/6/2025",
                        "  NV03:2025-Q1-Q3  Quý I-Quý III/2025 (hoàn thành đến hết ngày 30/9/2025)  — chủ trì: Phòng Tổ chức cán bộ",
                        "Cảnh báo (4):", "  ! DVCQ:2025-Y ");
    }

    @Test
    void the_next_year_comes_from_the_same_data_with_its_own_dates() throws Exception {
        assertThat(check("--year", "2026")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("năm 2026 có 4 nghĩa vụ nộp:",
                "  DVCQ:2026-Y  trước ngày 10/12/2026  — Số liệu tính từ 15/12/2025 đến 14/12/2026");
    }

    @Test
    void an_edited_file_with_a_deadline_moved_is_checked_as_the_functions_will_read_it() throws Exception {
        Path edited = Files.writeString(dir.resolve("catalog.json"), bundledJson().replace("\"15/6\"", "\"20/6\""));

        assertThat(check(edited.toString(), "--year", "2025")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  DVCQ:2025-H1  trước ngày 20/6/2025")
                .doesNotContain("! DVCQ:2025-H1");
    }

    @Test
    void an_edited_file_with_an_unknown_time_frame_is_refused_naming_the_task() throws Exception {
        Path edited = Files.writeString(dir.resolve("catalog.json"),
                bundledJson().replace("\"timeFrame\": \"Quý IV/2025\"", "\"timeFrame\": \"Cuối năm 2025\""));

        assertThat(check(edited.toString(), "--year", "2025")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Danh mục không hợp lệ (2 lỗi):")
                .contains("plans[0].tasks[10].timeFrame: không hiểu thời gian thực hiện \"Cuối năm 2025\"",
                        "plans[0].tasks[11].timeFrame");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void without_a_year_it_prints_how_to_use_it() throws Exception {
        assertThat(check()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: check-catalog");
    }
}
