package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void the_format_is_the_extension_the_unit_gave_in_any_case() {
        assertThat(Format.ofFileName("Báo cáo quý 2.PDF")).contains(Format.PDF);
        assertThat(Format.ofFileName("so-lieu.tar.xlsx")).contains(Format.XLSX);
        assertThat(Format.ofFileName("Kế hoạch.odt")).contains(Format.ODT);
    }

    @Test
    void a_name_without_an_inspected_extension_has_no_format() {
        assertThat(Format.ofFileName("bao-cao.doc")).isEmpty();
        assertThat(Format.ofFileName("bao-cao")).isEmpty();
        assertThat(Format.ofFileName("bao-cao.pdf.exe")).isEmpty();
    }
}
