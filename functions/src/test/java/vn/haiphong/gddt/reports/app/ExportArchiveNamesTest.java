package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.UnitStatus;

/** The names inside an export and its manifest: what Windows Explorer and Excel on an Office PC see. */
class ExportArchiveNamesTest {
    private static final Instant DUE = Instant.parse("2025-06-09T17:00:00Z");

    @Test
    void an_entry_is_category_then_unit_then_file_in_vietnamese_nfc() {
        Exports.ArchiveNames names = new Exports.ArchiveNames();
        String nfd = Normalizer.normalize("Báo cáo quy chế dân chủ.pdf", Normalizer.Form.NFD);

        String entry = names.entry(unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT), nfd);

        assertThat(entry).isEqualTo("Trường THPT/Trường THPT Trần Phú/Báo cáo quy chế dân chủ.pdf");
        assertThat(Normalizer.isNormalized(entry, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void characters_windows_refuses_become_underscores_and_trailing_dots_and_spaces_go() {
        assertThat(Exports.ArchiveNames.component("a<b>c:d\"e/f\\g|h?i*j", 100)).isEqualTo("a_b_c_d_e_f_g_h_i_j");
        assertThat(Exports.ArchiveNames.component("tab\there\u0001bell\u200Bzw", 100)).isEqualTo("tab_here_bell_zw");
        assertThat(Exports.ArchiveNames.component("  Báo cáo . . ", 100)).isEqualTo("Báo cáo");
        assertThat(Exports.ArchiveNames.component("...", 100)).isEqualTo("_");
        assertThat(Exports.ArchiveNames.component("", 100)).isEqualTo("_");
    }

    @Test
    void reserved_device_names_are_prefixed_even_before_an_extension_and_in_any_case() {
        assertThat(Exports.ArchiveNames.component("CON", 100)).isEqualTo("_CON");
        assertThat(Exports.ArchiveNames.component("nul.pdf", 100)).isEqualTo("_nul.pdf");
        assertThat(Exports.ArchiveNames.component("Com1.docx", 100)).isEqualTo("_Com1.docx");
        assertThat(Exports.ArchiveNames.component("LPT9", 100)).isEqualTo("_LPT9");
        assertThat(Exports.ArchiveNames.component("COM¹.pdf", 100)).isEqualTo("_COM¹.pdf");
        assertThat(Exports.ArchiveNames.component("AUX .pdf", 100)).isEqualTo("_AUX .pdf");
        assertThat(Exports.ArchiveNames.component("Console.pdf", 100)).isEqualTo("Console.pdf");
        assertThat(Exports.ArchiveNames.component("COM10.pdf", 100)).isEqualTo("COM10.pdf");
    }

    @Test
    void a_long_file_name_is_shortened_but_keeps_its_extension() {
        String file = Exports.ArchiveNames.file("Báo cáo ".repeat(40) + ".docx");

        assertThat(file.codePointCount(0, file.length())).isLessThanOrEqualTo(Exports.ArchiveNames.MAX_FILE);
        assertThat(file).startsWith("Báo cáo Báo cáo").endsWith(".docx").doesNotContain(" .docx");
    }

    @Test
    void every_path_stays_well_under_windows_max_path() {
        Exports.ArchiveNames names = new Exports.ArchiveNames();
        String entry = names.entry(unit("u1", "Trường ".repeat(50), UnitCategory.PHONG_GDDT), "x".repeat(300) + ".pdf");

        // Extracted into C:\Users\<name>\Downloads\<archive>\ (about 60 characters) it stays under 260.
        assertThat(entry.length()).isLessThanOrEqualTo(200);
    }

    @Test
    void two_units_whose_names_differ_only_in_case_get_their_ids_added() {
        Exports.ArchiveNames names = new Exports.ArchiveNames();

        String first = names.entry(unit("thpt-le-loi", "Trường THPT Lê Lợi", UnitCategory.THPT), "a.pdf");
        String second = names.entry(unit("thpt-le-loi-2", "TRƯỜNG THPT LÊ LỢI", UnitCategory.THPT), "a.pdf");
        String elsewhere = names.entry(unit("gdtx-le-loi", "Trường THPT Lê Lợi", UnitCategory.GDNN_GDTX), "a.pdf");

        assertThat(first).isEqualTo("Trường THPT/Trường THPT Lê Lợi/a.pdf");
        assertThat(second).isEqualTo("Trường THPT/TRƯỜNG THPT LÊ LỢI (thpt-le-loi-2)/a.pdf");
        assertThat(elsewhere).isEqualTo("Trung tâm GDNN-GDTX/Trường THPT Lê Lợi/a.pdf");
    }

    @Test
    void the_manifest_is_excel_csv_with_a_row_for_every_unit_and_defused_names() {
        Exports.Manifest manifest = new Exports.Manifest();
        Unit sent = unit("thpt-tran-phu", "Trường THPT Trần Phú, Hải Phòng", UnitCategory.THPT);
        Submission s = new Submission("abcdef0123456789", sent.id(), "QCDC:2025-H1", "submissions/k", "e", null, 12,
                "", "application/pdf", "=cmd.pdf", Instant.parse("2025-06-08T08:21:09Z"), true, Optional.empty());
        manifest.row(new UnitStatus(sent, ObligationState.ON_TIME, DUE, Optional.empty(),
                Optional.of(s.receivedAt()), 1, Optional.of(s)), "Trường THPT/Trường THPT Trần Phú, Hải Phòng/=cmd.pdf", 12, "ab12");
        manifest.row(new UnitStatus(unit("thpt-do-son", "Trường THPT Đồ Sơn", UnitCategory.THPT), ObligationState.MISSING,
                DUE, Optional.empty(), Optional.empty(), 0, Optional.empty()), "", -1, "");

        String csv = new String(manifest.bytes(), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFunit,name,category,file,size,sha256,received,state\r\n");
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("thpt-tran-phu,\"Trường THPT Trần Phú, Hải Phòng\",THPT,"
                + "\"Trường THPT/Trường THPT Trần Phú, Hải Phòng/=cmd.pdf\",12,ab12,2025-06-08T15:21:09+07:00,ON_TIME\r\n");
        assertThat(csv).endsWith("thpt-do-son,Trường THPT Đồ Sơn,THPT,,,,,MISSING\r\n");
        assertThat(List.of(csv.split("\r\n")).get(0)).doesNotContain("\n");
    }

    private static Unit unit(String id, String name, UnitCategory category) {
        return new Unit(id, name, category, List.of("vp@example.edu.vn"), 1);
    }
}
