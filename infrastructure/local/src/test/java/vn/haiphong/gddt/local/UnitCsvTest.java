package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

class UnitCsvTest {
    private static final String HEADER = UnitCsv.HEADER + "\n";

    @Test
    void the_sample_units_cover_every_category_and_never_e_mail_a_real_person() throws Exception {
        UnitCsv.Result sample = UnitCsv.parse(Files.readString(Running.ROOT.resolve("infrastructure/seed/units.csv")));

        assertThat(sample.errors()).isEmpty();
        assertThat(sample.units()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sample.units().stream().map(Unit::category).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(UnitCategory.values());
        assertThat(sample.units()).flatExtracting(Unit::emails).allMatch(e -> e.endsWith("@example.edu.vn"));
        assertThat(sample.units()).anyMatch(u -> u.emails().size() == 2);
        assertThat(sample.units()).allMatch(u -> Normalizer.isNormalized(u.name(), Normalizer.Form.NFC));
        assertThat(sample.units()).extracting(Unit::name).contains("Trường THPT Trần Phú");
    }

    @Test
    void a_quoted_name_may_hold_a_comma_and_a_quote() {
        UnitCsv.Result result = UnitCsv.parse(HEADER
                + "th-thcs-a,\"Trường TH, THCS và THPT \"\"A\"\"\",PT_NHIEU_CAP,a@example.edu.vn;b@example.edu.vn\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.units().get(0).name()).isEqualTo("Trường TH, THCS và THPT \"A\"");
        assertThat(result.units().get(0).emails()).containsExactly("a@example.edu.vn", "b@example.edu.vn");
    }

    @Test
    void names_in_nfd_and_a_byte_order_mark_are_read_as_nfc() {
        String nfd = Normalizer.normalize("Trường THPT Ngô Quyền", Normalizer.Form.NFD);

        UnitCsv.Result result = UnitCsv.parse("\uFEFF" + HEADER + "thpt-ngo-quyen," + nfd + ",THPT,nq@example.edu.vn\r\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.units().get(0).name()).isEqualTo(Normalizer.normalize(nfd, Normalizer.Form.NFC));
    }

    @Test
    void every_bad_row_is_reported_by_its_line_number_and_no_unit_is_returned() {
        String csv = HEADER
                + "thpt-tot,Trường THPT Tốt,THPT,tot@example.edu.vn\n"
                + "THPT Sai,Trường THPT Sai,THPT,sai@example.edu.vn\n"
                + "thpt-loai,Trường THPT Loại,TRUONG,loai@example.edu.vn\n"
                + "thpt-thu,Trường THPT Thư,THPT,khong-phai-email\n"
                + "thpt-tot,Trường THPT Trùng,THPT,trung@example.edu.vn\n"
                + "thpt-cot,Trường THPT Cột,THPT\n"
                + "thpt-ngoac,\"Trường THPT Ngoặc,THPT,n@example.edu.vn\n"
                + "thpt-ten,   ,THPT,ten@example.edu.vn\n";

        UnitCsv.Result result = UnitCsv.parse(csv);

        assertThat(result.valid()).isFalse();
        assertThat(result.units()).isEmpty();
        assertThat(result.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7", "dòng 8", "dòng 9");
        assertThat(result.errors().get(1)).contains("TRUONG");
        assertThat(result.errors().get(3)).contains("trùng");
    }

    @Test
    void a_file_without_the_header_is_refused_whole() {
        UnitCsv.Result result = UnitCsv.parse("thpt-a,Trường THPT A,THPT,a@example.edu.vn\n");

        assertThat(result.errors()).singleElement().asString().startsWith("dòng 1");
        assertThat(result.units()).isEmpty();
    }

    @Test
    void units_opened_or_closed_carry_their_dates_written_as_people_write_them() {
        UnitCsv.Result result = UnitCsv.parse(UnitCsv.HEADER_WITH_DATES + "\n"
                + "thpt-moi,Trường THPT Mới,THPT,moi@example.edu.vn,1/8/2025,\n"
                + "thpt-cu,Trường THPT Cũ,THPT,cu@example.edu.vn,,2025-06-30\n"
                + "thpt-sai,Trường THPT Sai,THPT,sai@example.edu.vn,31/2/2025,\n");

        assertThat(result.errors()).singleElement().asString().startsWith("dòng 4").contains("31/2/2025");
        UnitCsv.Result valid = UnitCsv.parse(UnitCsv.HEADER_WITH_DATES + "\n"
                + "thpt-moi,Trường THPT Mới,THPT,moi@example.edu.vn,1/8/2025,\n"
                + "thpt-cu,Trường THPT Cũ,THPT,cu@example.edu.vn,,2025-06-30\n");
        assertThat(valid.units().get(0).activeFrom()).isEqualTo(java.time.LocalDate.of(2025, 8, 1));
        assertThat(valid.units().get(0).activeUntil()).isNull();
        assertThat(valid.units().get(1).activeUntil()).isEqualTo(java.time.LocalDate.of(2025, 6, 30));
    }

    @Test
    void blank_lines_are_skipped() {
        UnitCsv.Result result = UnitCsv.parse(HEADER + "\nthpt-a,Trường THPT A,THPT,a@example.edu.vn\n\n");

        assertThat(result.units()).extracting(Unit::id).containsExactly("thpt-a");
        assertThat(Set.copyOf(Arrays.asList(UnitCategory.values()))).hasSize(6);
    }
}
