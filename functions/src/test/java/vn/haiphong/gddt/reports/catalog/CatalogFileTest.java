package vn.haiphong.gddt.reports.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.SignatureRule;
import vn.haiphong.gddt.reports.domain.Task;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

@DisplayName("The catalog as data (catalog.json)")
class CatalogFileTest {
    private static final CatalogSettings DEFAULTS = CatalogSettings.defaults();
    private final Catalog bundled = CatalogFile.bundled(DEFAULTS);

    private static Catalog parse(String json) {
        return CatalogFile.parse(json.getBytes(StandardCharsets.UTF_8), DEFAULTS);
    }

    private static Instant vn(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    private static final String ONE_REPORT = """
            {"reports": [{"id": "QCDC", "subject": "kết quả thực hiện quy chế dân chủ ở cơ sở",
              "receiver": "Phòng Tổ chức cán bộ", "receiverCode": "TCCB", "owedBy": ["THPT"],
              "deadlines": {"H1": "10/6", "Y": "5/12"}}]""";

    @Nested
    @DisplayName("the bundled file")
    class Bundled {

        @Test
        void holds_the_two_reports_of_section_iii_2_with_the_plans_days() {
            assertThat(bundled.reports()).extracting(r -> r.id()).containsExactly("QCDC", "DVCQ");
            assertThat(bundled.find("QCDC:2025-H1").orElseThrow().dueWording()).isEqualTo("trước ngày 10/6/2025");
            assertThat(bundled.find("QCDC:2025-Y").orElseThrow().dueWording()).isEqualTo("trước ngày 5/12/2025");
            assertThat(bundled.find("DVCQ:2025-H1").orElseThrow().dueWording()).isEqualTo("trước ngày 15/6/2025");
            assertThat(bundled.find("DVCQ:2025-Y").orElseThrow().dueWording()).isEqualTo("trước ngày 10/12/2025");
        }

        @ParameterizedTest(name = "task {0}: {2}, {3} -> {4}")
        @CsvSource(delimiter = '|', value = {
            " 1 | NV01:2025-Q1    | Văn phòng Sở                       | Quý I/2025                        | 2025-04-01T00:00",
            " 2 | NV02:2025-Y     | Các phòng Sở, đơn vị thuộc Sở      | Cả năm 2025                       | 2026-01-01T00:00",
            " 3 | NV03:2025-Q1-Q3 | Phòng Tổ chức cán bộ               | Quý I-Quý III/2025                | 2025-10-01T00:00",
            " 4 | NV04:2025-H1    | Văn phòng Sở                       | Quý I-Quý II/2025                 | 2025-07-01T00:00",
            " 5 | NV05:2025-Q1    | Văn phòng Sở                       | Quý I/2025                        | 2025-04-01T00:00",
            " 6 | NV06:2025-Y     | Các phòng Sở, đơn vị trực thuộc Sở | Cả năm 2025                       | 2026-01-01T00:00",
            " 7 | NV07:2025-Y     | Văn phòng Sở                       | Cả năm 2025                       | 2026-01-01T00:00",
            " 8 | NV08:2025-Q1-Q3 | Các phòng Sở, đơn vị trực thuộc Sở | Quý I-Quý III/2025                | 2025-10-01T00:00",
            " 9 | NV09:2025-Y     | Văn phòng Sở                       | Cả năm 2025                       | 2026-01-01T00:00",
            "10 | NV10:2025-Y     | Thanh tra Sở                       | Thực hiện theo lịch của thành phố | 2026-01-01T00:00",
            "11 | NV11:2025-Q4    | Văn phòng Sở                       | Quý IV/2025                       | 2026-01-01T00:00",
            "12 | NV12:2025-Q4    | Văn phòng Sở                       | Quý IV/2025                       | 2026-01-01T00:00",
        })
        void holds_the_twelve_tasks_of_section_ii_2_each_an_obligation_due_at_the_end_of_its_time_frame(
                int number, String obligationId, String lead, String timeFrame, String dueLocal) {
            Task task = bundled.tasks().get(number - 1);
            Obligation o = bundled.find(obligationId).orElseThrow();

            assertThat(task.number()).isEqualTo(number);
            assertThat(task.lead()).isEqualTo(lead);
            assertThat(task.timeFrame().text()).isEqualTo(timeFrame);
            assertThat(task.coordinating()).isNotBlank();
            assertThat(o.task()).contains(task);
            assertThat(o.due()).isEqualTo(vn(dueLocal));
            assertThat(o.opensAt()).isEqualTo(vn(o.period().firstDay() + "T00:00"));
            assertThat(o.report().receiverCode()).isEqualTo("VP");
            assertThat(o.dataWindow()).isEmpty();
        }

        @Test
        void there_are_exactly_twelve_tasks_and_all_belong_to_2025() {
            assertThat(bundled.tasks()).hasSize(12);
            assertThat(bundled.obligationsOf(2025).stream().filter(o -> o.task().isPresent())).hasSize(12);
        }

        @Test
        void a_task_led_by_one_department_is_owed_by_that_unit_alone() {
            Obligation nv03 = bundled.find("NV03:2025-Q1-Q3").orElseThrow();
            Unit tccb = new Unit("phong-to-chuc-can-bo", "Phòng Tổ chức cán bộ", UnitCategory.PHONG_SO, List.of(), 1);
            Unit vp = new Unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO, List.of(), 1);

            assertThat(nv03.owedBy(tccb)).isTrue();
            assertThat(nv03.owedBy(vp)).isFalse();
            assertThat(nv03.dueWording()).isEqualTo("Quý I-Quý III/2025 (hoàn thành đến hết ngày 30/9/2025)");
        }

        @Test
        void a_task_led_by_the_departments_and_affiliated_units_is_owed_by_every_one_of_them_and_no_school() {
            Obligation nv02 = bundled.find("NV02:2025-Y").orElseThrow();

            assertThat(nv02.owedBy(new Unit("thanh-tra-so", "Thanh tra Sở", UnitCategory.PHONG_SO, List.of(), 1))).isTrue();
            assertThat(nv02.owedBy(new Unit("trung-tam-a", "Trung tâm A", UnitCategory.TRUC_THUOC, List.of(), 1))).isTrue();
            assertThat(nv02.owedBy(new Unit("thpt-a", "Trường THPT A", UnitCategory.THPT, List.of(), 1))).isFalse();
        }

        @Test
        void the_task_on_the_citys_calendar_says_so_and_is_due_by_the_end_of_the_plans_year() {
            Obligation nv10 = bundled.find("NV10:2025-Y").orElseThrow();

            assertThat(nv10.task().orElseThrow().timeFrame().cityCalendar()).isTrue();
            assertThat(nv10.dueWording())
                    .isEqualTo("Thực hiện theo lịch của thành phố (minh chứng nộp đến hết ngày 31/12/2025)");
        }

        @Test
        void the_2026_catalog_comes_from_the_same_data_with_its_own_dates_and_windows_and_no_tasks_yet() {
            List<Obligation> year2026 = bundled.obligationsOf(2026);

            assertThat(year2026).extracting(Obligation::id)
                    .containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", "QCDC:2026-Y", "DVCQ:2026-Y");
            Obligation h1 = year2026.get(0);
            assertThat(h1.due()).isEqualTo(vn("2026-06-10T00:00"));
            assertThat(h1.dueWording()).isEqualTo("trước ngày 10/6/2026");
            assertThat(h1.dataWindow().orElseThrow().text()).isEqualTo("Số liệu tính từ 15/12/2025 đến 14/6/2026");
            assertThat(year2026.get(3).dataWindow().orElseThrow().text())
                    .isEqualTo("Số liệu tính từ 15/12/2025 đến 14/12/2026");
        }
    }

    @Nested
    @DisplayName("an edited file")
    class Edited {

        @Test
        void a_report_type_added_in_data_becomes_an_obligation_of_every_year_without_code() {
            Catalog c = parse("""
                    {"reports": [{"id": "ATTT", "subject": "kết quả bảo đảm an toàn thông tin",
                      "receiver": "Văn phòng Sở", "receiverCode": "VP", "owedBy": ["THPT", "GDNN_GDTX"],
                      "deadlines": {"Q1": "20/3", "Y": "15/11"}}]}""");

            assertThat(c.obligationsOf(2027)).extracting(Obligation::id).containsExactly("ATTT:2027-Q1", "ATTT:2027-Y");
            Obligation q1 = c.find("ATTT:2027-Q1").orElseThrow();
            assertThat(q1.title()).isEqualTo("Báo cáo quý I kết quả bảo đảm an toàn thông tin");
            assertThat(q1.dataWindow().orElseThrow().text()).isEqualTo("Số liệu tính từ 15/12/2026 đến 14/3/2027");
        }

        @Test
        void a_report_may_require_a_digital_signature_and_without_the_field_one_is_recommended() {
            Catalog required = parse(ONE_REPORT.replace("\"receiverCode\"", "\"signature\": \"required\", \"receiverCode\"") + "}");

            assertThat(required.find("QCDC:2025-H1").orElseThrow().report().signature()).isEqualTo(SignatureRule.REQUIRED);
            assertThat(parse(ONE_REPORT + "}").find("QCDC:2025-H1").orElseThrow().report().signature())
                    .isEqualTo(SignatureRule.RECOMMENDED);
            assertThat(((CatalogFile.Invalid) org.assertj.core.api.Assertions.catchThrowable(() -> parse(
                    ONE_REPORT.replace("\"receiverCode\"", "\"signature\": \"bắt buộc\", \"receiverCode\"") + "}"))).errors()).anySatisfy(e -> assertThat(e).contains("signature", "off, recommended hoặc required"));
        }

        @Test
        void a_deadline_moved_in_data_moves_the_obligation() {
            Catalog c = parse(ONE_REPORT.replace("\"10/6\"", "\"20/6\"") + "}");

            assertThat(c.find("QCDC:2025-H1").orElseThrow().namedDay()).isEqualTo(LocalDate.of(2025, 6, 20));
        }

        @Test
        void the_next_years_plan_adds_its_tasks_beside_the_recurring_reports() {
            Catalog c = parse(ONE_REPORT + """
                    , "plans": [{"year": 2026, "title": "Kế hoạch 2026", "receiver": "Văn phòng Sở", "receiverCode": "VP",
                       "tasks": [{"number": 1, "content": "Ban hành kế hoạch 2026", "lead": "Văn phòng Sở",
                                  "leadUnits": ["van-phong-so"], "coordinating": "Các phòng Sở", "timeFrame": "tháng 2/2026"}]}]}""");

            assertThat(c.obligationsOf(2026)).extracting(Obligation::id)
                    .containsExactly("NV01:2026-M02", "QCDC:2026-H1", "QCDC:2026-Y");
            assertThat(c.obligationsOf(2025)).extracting(Obligation::id).containsExactly("QCDC:2025-H1", "QCDC:2025-Y");
            assertThat(c.find("NV01:2026-M02").orElseThrow().due()).isEqualTo(vn("2026-03-01T00:00"));
        }
    }

    @Nested
    @DisplayName("a wrong file is refused whole, every mistake named by its place")
    class Refused {

        private CatalogFile.Invalid refusal(String json) {
            return (CatalogFile.Invalid) org.assertj.core.api.Assertions.catchThrowable(() -> parse(json));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "an unknown category          | \"owedBy\": [\"THPT\"]            | \"owedBy\": [\"TIEU_HOC\"]           | reports[0].owedBy: không có loại đơn vị \"TIEU_HOC\"",
            "a day that does not exist    | \"10/6\"                          | \"31/6\"                             | reports[0].deadlines.H1: ngày không hợp lệ \"31/6\"",
            "a date written the other way | \"10/6\"                          | \"2025-06-10\"                       | reports[0].deadlines.H1: ngày không hợp lệ",
            "a period that does not exist | \"H1\": \"10/6\"                  | \"H3\": \"10/6\"                     | reports[0].deadlines.H3: kỳ không hợp lệ",
            "a missing receiver           | \"receiver\": \"Phòng Tổ chức cán bộ\", | `` | reports[0].receiver: thiếu hoặc trống",
            "a misspelt field             | \"deadlines\"                     | \"deadline\"                         | reports[0].deadline: trường không được hỗ trợ",
            "an id reserved for tasks     | \"id\": \"QCDC\"                  | \"id\": \"NV01\"                     | reports[0].id: \"NV01\" không hợp lệ",
            "a lowercase id               | \"id\": \"QCDC\"                  | \"id\": \"qcdc\"                     | reports[0].id: \"qcdc\" không hợp lệ",
        })
        void a_wrong_report(String what, String from, String to, String expected) {
            assertThat(refusal(ONE_REPORT.replace(from, to) + "}").errors()).anySatisfy(e -> assertThat(e).contains(expected));
        }

        @Test
        void a_duplicate_report_id() {
            String report = ONE_REPORT.substring(ONE_REPORT.indexOf('{', 1), ONE_REPORT.lastIndexOf(']'));
            assertThat(refusal("{\"reports\": [" + report + ", " + report + "]}").errors())
                    .containsExactly("reports[1].id: trùng mã báo cáo QCDC");
        }

        private static String plan(String task) {
            return ONE_REPORT + ", \"plans\": [{\"year\": 2025, \"title\": \"Kế hoạch\", \"receiver\": \"Văn phòng Sở\","
                    + " \"receiverCode\": \"VP\", \"tasks\": [" + task + "]}]}";
        }

        private static final String TASK = "{\"number\": 1, \"content\": \"Ban hành văn bản\", \"lead\": \"Văn phòng Sở\","
                + " \"leadUnits\": [\"van-phong-so\"], \"coordinating\": \"Các phòng Sở\", \"timeFrame\": \"Quý I/2025\"}";

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a time frame the parser does not know | \"Quý I/2025\"        | \"Đầu năm 2025\"                        | plans[0].tasks[0].timeFrame: không hiểu thời gian thực hiện \"Đầu năm 2025\"",
            "a time frame of another year          | \"Quý I/2025\"        | \"Quý I/2026\"                          | plans[0].tasks[0].timeFrame: \"Quý I/2026\" không thuộc năm 2025",
            "a lead given both ways                | \"leadUnits\"         | \"leadCategories\": [\"PHONG_SO\"], \"leadUnits\" | plans[0].tasks[0]: cần đúng một trong leadUnits",
            "no lead at all                        | \"leadUnits\": [\"van-phong-so\"], | ``                             | plans[0].tasks[0]: cần đúng một trong leadUnits",
            "a lead unit id that cannot exist      | \"van-phong-so\"      | \"Văn phòng Sở\"                        | plans[0].tasks[0].leadUnits: mã đơn vị không hợp lệ",
            "a task number out of range            | \"number\": 1         | \"number\": 0                           | plans[0].tasks[0].number: cần số thứ tự từ 1 đến 99",
        })
        void a_wrong_task(String what, String from, String to, String expected) {
            assertThat(refusal(plan(TASK.replace(from, to))).errors()).anySatisfy(e -> assertThat(e).contains(expected));
        }

        @Test
        void a_task_number_used_twice_in_one_plan() {
            assertThat(refusal(plan(TASK + ", " + TASK)).errors()).containsExactly("plans[0].tasks[1].number: trùng nhiệm vụ số 1");
        }

        @Test
        void every_mistake_is_reported_at_once_and_nothing_is_used() {
            CatalogFile.Invalid invalid = refusal(plan(TASK.replace("Quý I/2025", "sớm")).replace("\"THPT\"", "\"X\"")
                    .replace("\"5/12\"", "\"5-12\""));

            assertThat(invalid.errors()).hasSize(3);
            assertThat(invalid.getMessage()).startsWith("Danh mục không hợp lệ (3 lỗi):");
        }

        @Test
        void json_that_does_not_parse_is_refused_with_its_line() {
            assertThat(refusal("{\"reports\": [\n  {\"id\": \"QCDC\",,}\n]}").errors())
                    .singleElement().asString().startsWith("không đọc được JSON: dòng 2");
        }

        @Test
        void a_key_written_twice_is_refused_rather_than_silently_overwritten() {
            assertThat(refusal(ONE_REPORT.replace("\"H1\": \"10/6\"", "\"H1\": \"10/6\", \"H1\": \"20/6\"") + "}").errors())
                    .singleElement().asString().contains("không đọc được JSON");
        }

        @Test
        void a_file_without_reports_is_refused() {
            assertThatThrownBy(() -> parse("{\"plans\": []}")).isInstanceOf(CatalogFile.Invalid.class)
                    .hasMessageContaining("reports: cần một danh sách không rỗng");
        }
    }
}
