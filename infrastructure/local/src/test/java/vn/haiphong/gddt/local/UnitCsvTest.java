package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.UnitListChanges.Field;

class UnitCsvTest {
    private static final String HEADER = UnitCsv.HEADER + "\n";

    private static UnitCsv.Result parse(String csv) {
        return UnitCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_sample_units_cover_every_category_and_never_e_mail_a_real_person() throws Exception {
        UnitCsv.Result sample = UnitCsv.parse(Files.readAllBytes(Running.ROOT.resolve("infrastructure/seed/units.csv")));

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
        UnitCsv.Result result = parse(HEADER
                + "th-thcs-a,\"Trường TH, THCS và THPT \"\"A\"\"\",PT_NHIEU_CAP,a@example.edu.vn;b@example.edu.vn\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.units().get(0).name()).isEqualTo("Trường TH, THCS và THPT \"A\"");
        assertThat(result.units().get(0).emails()).containsExactly("a@example.edu.vn", "b@example.edu.vn");
    }

    @Test
    void names_in_nfd_and_a_byte_order_mark_are_read_as_nfc() {
        String nfd = Normalizer.normalize("Trường THPT Ngô Quyền", Normalizer.Form.NFD);

        UnitCsv.Result result = parse("\uFEFF" + HEADER + "thpt-ngo-quyen," + nfd + ",THPT,nq@example.edu.vn\r\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.units().get(0).name()).isEqualTo("Trường THPT Ngô Quyền")
                .matches(n -> Normalizer.isNormalized(n, Normalizer.Form.NFC));
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
                + "thpt-ten,   ,THPT,ten@example.edu.vn\n";

        UnitCsv.Result result = parse(csv);

        assertThat(result.valid()).isFalse();
        assertThat(result.units()).isEmpty();
        assertThat(result.errors()).extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly("dòng 3", "dòng 4", "dòng 5", "dòng 6", "dòng 7", "dòng 8");
        assertThat(result.errors().get(0)).contains("mã đơn vị không hợp lệ: THPT Sai");
        assertThat(result.errors().get(1)).contains("\"TRUONG\"")
                .contains("PHONG_SO, PHONG_GDDT, THPT, PT_NHIEU_CAP, GDNN_GDTX, TRUC_THUOC");
        assertThat(result.errors().get(2)).contains("e-mail không hợp lệ: khong-phai-email");
        assertThat(result.errors().get(3)).contains("mã đơn vị trùng: thpt-tot");
        assertThat(result.errors().get(4)).contains("cần 4 cột, có 3");
        assertThat(result.errors().get(5)).contains("tên đơn vị trống");
    }

    @Test
    void a_cell_with_line_breaks_inside_quotes_is_one_cell_and_later_rows_keep_their_own_line_numbers() {
        String csv = HEADER
                + "thpt-a,Trường THPT A,THPT,\"van-thu@thpt-a.example.edu.vn;\r\nhieu-truong@thpt-a.example.edu.vn\"\r\n"
                + "thpt-b,\"Trường THPT B, \"\"cơ sở 2\"\"\",THPT,b@example.edu.vn\r\n"
                + "thpt-c,Trường THPT C,TRUONG,c@example.edu.vn\r\n";

        UnitCsv.Result result = parse(csv);

        assertThat(result.errors()).as("the cell of line 2 ends on line 3, so the bad row is line 5")
                .singleElement().asString().startsWith("dòng 5: loại đơn vị không có: \"TRUONG\"");
        UnitCsv.Result fixed = parse(csv.replace("TRUONG", "THPT"));
        assertThat(fixed.units()).hasSize(3);
        assertThat(fixed.units().get(0).emails())
                .containsExactly("van-thu@thpt-a.example.edu.vn", "hieu-truong@thpt-a.example.edu.vn");
        assertThat(fixed.units().get(1).name()).isEqualTo("Trường THPT B, \"cơ sở 2\"");
    }

    @Test
    void a_quote_never_closed_refuses_the_file_naming_the_line_where_it_opens() {
        UnitCsv.Result result = parse(HEADER
                + "thpt-a,Trường THPT A,THPT,a@example.edu.vn\n"
                + "thpt-ngoac,\"Trường THPT Ngoặc,THPT,n@example.edu.vn\n"
                + "thpt-c,Trường THPT C,THPT,c@example.edu.vn\n");

        assertThat(result.units()).isEmpty();
        assertThat(result.errors()).containsExactly("dòng 3: thiếu dấu ngoặc kép đóng");
        assertThat(parse(HEADER + "thpt-a,\"Trường\"x,THPT,a@example.edu.vn\n").errors()).singleElement().asString()
                .startsWith("dòng 2: có ký tự ngay sau dấu ngoặc kép đóng");
    }

    @Test
    void a_file_without_the_header_is_refused_whole() {
        UnitCsv.Result result = parse("thpt-a,Trường THPT A,THPT,a@example.edu.vn\n");

        assertThat(result.errors()).singleElement().asString().startsWith("dòng 1").contains("thiếu cột");
        assertThat(result.units()).isEmpty();
    }

    @Test
    void a_missing_required_column_is_named() {
        UnitCsv.Result result = parse("id,name,emails\nthpt-a,Trường THPT A,a@example.edu.vn\n");

        assertThat(result.errors()).singleElement().asString().startsWith("dòng 1: thiếu cột: category");
        assertThat(result.units()).isEmpty();
    }

    @Test
    void an_unknown_or_repeated_column_is_refused_rather_than_ignored() {
        assertThat(parse("id,name,category,emails,hieu luc den\n").errors()).singleElement().asString()
                .startsWith("dòng 1: cột không rõ: \"hieu luc den\"").contains("effectiveTo");
        assertThat(parse("id,name,category,emails,name\n").errors()).singleElement().asString()
                .contains("cột name xuất hiện hai lần");
    }

    @Test
    void units_opened_or_closed_carry_their_dates_written_as_people_write_them() {
        UnitCsv.Result result = parse(UnitCsv.HEADER_WITH_DATES + "\n"
                + "thpt-moi,Trường THPT Mới,THPT,moi@example.edu.vn,1/8/2025,\n"
                + "thpt-cu,Trường THPT Cũ,THPT,cu@example.edu.vn,,2025-06-30\n"
                + "thpt-sai,Trường THPT Sai,THPT,sai@example.edu.vn,31/2/2025,\n");

        assertThat(result.errors()).singleElement().asString().startsWith("dòng 4").contains("31/2/2025");
        UnitCsv.Result valid = parse(UnitCsv.HEADER_WITH_DATES + "\n"
                + "thpt-moi,Trường THPT Mới,THPT,moi@example.edu.vn,1/8/2025,\n"
                + "thpt-cu,Trường THPT Cũ,THPT,cu@example.edu.vn,,2025-06-30\n");
        assertThat(valid.units().get(0).activeFrom()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(valid.units().get(0).activeUntil()).isNull();
        assertThat(valid.units().get(1).activeUntil()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(valid.fields()).contains(Field.EFFECTIVE_FROM, Field.EFFECTIVE_TO);
    }

    @Test
    void an_effective_to_before_the_effective_from_is_refused_with_both_dates() {
        UnitCsv.Result result = parse(UnitCsv.HEADER_WITH_DATES + "\n"
                + "thpt-moi,Trường THPT Mới,THPT,moi@example.edu.vn,1/7/2025,30/6/2025\n");

        assertThat(result.errors()).containsExactly("dòng 2: ngày hết hiệu lực 30/6/2025 trước ngày bắt đầu 1/7/2025");
    }

    @Test
    void the_vietnamese_column_names_are_understood_in_any_order() {
        UnitCsv.Result result = parse("Loại đơn vị,Hiệu lực đến,Tên đơn vị,Mã đơn vị,Thư điện tử,Hiệu lực từ\n"
                + "THPT,30/6/2025,Trường THPT Hợp Nhất A,thpt-hop-a,a@example.edu.vn,\n");

        assertThat(result.errors()).isEmpty();
        Unit unit = result.units().get(0);
        assertThat(unit.id()).isEqualTo("thpt-hop-a");
        assertThat(unit.name()).isEqualTo("Trường THPT Hợp Nhất A");
        assertThat(unit.category()).isEqualTo(UnitCategory.THPT);
        assertThat(unit.emails()).containsExactly("a@example.edu.vn");
        assertThat(unit.activeFrom()).isNull();
        assertThat(unit.activeUntil()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void the_earlier_english_names_active_from_and_active_until_still_work() {
        UnitCsv.Result result = parse("emails,id,activeUntil,name,activeFrom,category\n"
                + "a@example.edu.vn,thpt-a,,Trường THPT A,1/7/2025,THPT\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.units().get(0).activeFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void a_list_without_date_columns_says_so_so_that_stored_dates_are_kept() {
        assertThat(parse(HEADER + "thpt-a,Trường THPT A,THPT,a@example.edu.vn\n").fields())
                .containsExactlyInAnyOrderElementsOf(Field.ALWAYS);
        assertThat(parse("id,name,category,emails,effectiveTo\nthpt-a,Trường THPT A,THPT,a@example.edu.vn,\n").fields())
                .contains(Field.EFFECTIVE_TO).doesNotContain(Field.EFFECTIVE_FROM);
    }

    @Test
    void utf_16_with_a_byte_order_mark_from_excel_unicode_text_is_converted() {
        String text = "Mã đơn vị\tTên đơn vị\tLoại đơn vị\tThư điện tử\r\n"
                + "thpt-le-chan\tTrường THPT Lê Chân\tTHPT\tlc@example.edu.vn\r\n";
        ByteArrayOutputStream little = new ByteArrayOutputStream();
        little.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        little.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        big.writeBytes(text.getBytes(StandardCharsets.UTF_16BE));

        for (byte[] bytes : new byte[][] {little.toByteArray(), big.toByteArray()}) {
            UnitCsv.Result result = UnitCsv.parse(bytes);
            assertThat(result.errors()).isEmpty();
            assertThat(result.units()).singleElement().extracting(Unit::name).isEqualTo("Trường THPT Lê Chân");
        }
    }

    @Test
    void a_windows_1258_file_is_refused_naming_the_first_unreadable_line_and_how_to_save_it() {
        String csv = HEADER + "thpt-a,Truong THPT A,THPT,a@example.edu.vn\n"
                + "thpt-le-chan,Trường THPT Lê Chân,THPT,lc@example.edu.vn\n";

        UnitCsv.Result result = UnitCsv.parse(csv.getBytes(Charset.forName("windows-1258")));

        assertThat(result.units()).isEmpty();
        assertThat(result.errors()).singleElement().asString()
                .startsWith("dòng 3: tệp không phải UTF-8")
                .contains("Windows-1258", "thpt-le-chan,Tr", "Không nhập gì", "CSV UTF-8 (phân cách bằng dấu phẩy)");
    }

    @Test
    void a_windows_1252_byte_is_refused_rather_than_replaced() {
        byte[] bytes = (HEADER + "thpt-a,Trường THPT A,THPT,a@example.edu.vn\nthpt-b,Caf").getBytes(StandardCharsets.UTF_8);
        byte[] withLatin1 = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        withLatin1[bytes.length] = (byte) 0xE9;

        assertThat(UnitCsv.parse(withLatin1).errors()).singleElement().asString().startsWith("dòng 3: tệp không phải UTF-8");
    }

    @Test
    void utf_16_without_a_byte_order_mark_is_refused() {
        UnitCsv.Result result = UnitCsv.parse((HEADER + "thpt-a,A,THPT,a@example.edu.vn\n").getBytes(StandardCharsets.UTF_16LE));

        assertThat(result.errors()).singleElement().asString().contains("UTF-16 không có dấu BOM");
    }

    @Test
    void a_spreadsheet_saved_with_semicolons_is_read_too() {
        UnitCsv.Result result = parse("id;name;category;emails\nthpt-a;Trường THPT A;THPT;\"a@example.edu.vn;b@example.edu.vn\"\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.units().get(0).emails()).containsExactly("a@example.edu.vn", "b@example.edu.vn");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(UnitCsv.parse(new byte[0]).errors()).singleElement().asString().startsWith("dòng 1: thiếu dòng tiêu đề");
    }

    @Test
    void blank_lines_are_skipped() {
        UnitCsv.Result result = parse(HEADER + "\nthpt-a,Trường THPT A,THPT,a@example.edu.vn\n\n");

        assertThat(result.units()).extracting(Unit::id).containsExactly("thpt-a");
    }
}
