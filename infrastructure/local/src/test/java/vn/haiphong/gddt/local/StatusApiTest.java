package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * {@code GET /v1/status} through the local runner: the document the Office reads and pastes from,
 * checked against docs/api/status.schema.json, its counts, its order, its filters, {@code asOf},
 * the scope of a department's token, and the CSV for Excel.
 *
 * <p>The clock stands at 6/12/2026: QCDC:2026-Y was due before 5/12 (so a file now is late and no
 * file is missing), DVCQ:2026-Y is due before 10/12 (so a file now is on time, none yet is open).
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusApiTest {
    static final String NOW = "2026-12-06T09:00:00+07:00";
    static final String QCDC = "QCDC:2026-Y";
    static final String DVCQ = "DVCQ:2026-Y";
    static final JsonSchema SCHEMA = schema();

    private static final List<String> CSV_COLUMNS = List.of("obligation", "report", "period", "title", "receiver", "due",
            "unit", "name", "category", "state", "dueForUnit", "extensionUntil", "extensionReason", "submittedAt",
            "submissions", "latestSubmissionId", "latestFileName", "latestSize", "latestSha256", "latestReceivedAt", "emails", "contactable", "undeliverable",
            "returnedSubmissionId", "returnedAt", "returnedBy", "returnReason", "extensionGrantedByName", "returnedByName",
            "latestInspection", "latestSignatures");

    /** On time for DVCQ (tran-phu twice), late for QCDC, a refused file for DVCQ. */
    private static final List<String> DVCQ_ON_TIME = List.of("thpt-tran-phu", "thpt-le-quy-don", "thpt-do-son",
            "phong-gddt-le-chan", "gdnn-gdtx-an-lao");
    private static final List<String> QCDC_LATE = List.of("thpt-nguyen-trai", "th-thcs-thpt-chu-van-an");
    private static final String REFUSED_FILE_UNIT = "mam-non-thuc-hanh";
    private static final String NFD_NAME = Normalizer.normalize("Báo cáo QCDC năm 2026 – Trường TH, THCS và THPT Chu Văn An.pdf",
            Normalizer.Form.NFD);
    private static final String FORMULA_NAME = "=1+2.pdf";

    private Running running;
    private String office;
    /** Just before the first upload, and after the last one was recorded. */
    private String beforeUploads;
    private String afterUploads;
    private final Map<String, String> submissionIds = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse(NOW).toInstant(), Map.of());
        office = running.system.officeToken();
        beforeUploads = VietnamTime.iso(running.system.clock().instant());

        for (String unit : DVCQ_ON_TIME) {
            byte[] file = Running.pdf("dvcq " + unit);
            String name = unit.equals("gdnn-gdtx-an-lao") ? FORMULA_NAME : "bc-dvcq-" + unit + ".pdf";
            submissionIds.put(DVCQ + "/" + unit, running.upload(token(unit), DVCQ, name, "application/pdf", file));
            files.put(DVCQ + "/" + unit, file);
        }
        for (String unit : QCDC_LATE) {
            byte[] file = Running.pdf("qcdc " + unit);
            String name = unit.startsWith("th-thcs") ? NFD_NAME : "bc-qcdc.pdf";
            submissionIds.put(QCDC + "/" + unit, running.upload(token(unit), QCDC, name, "application/pdf", file));
            files.put(QCDC + "/" + unit, file);
        }
        running.upload(token(REFUSED_FILE_UNIT), DVCQ, "khong-phai-pdf.pdf", "application/pdf",
                "Đây không phải PDF".getBytes(StandardCharsets.UTF_8));
        for (String unit : DVCQ_ON_TIME) {
            running.awaitSubmissions(token(unit), DVCQ, 1);
        }
        for (String unit : QCDC_LATE) {
            running.awaitSubmissions(token(unit), QCDC, 1);
        }
        running.awaitSubmissions(token(REFUSED_FILE_UNIT), DVCQ, 1);
        // A second, later file from tran-phu: two submissions, the latest is the Office's copy. Received (in
        // whole seconds, as S3's LastModified) at least two seconds after the first, so that an asOf fits between.
        Running.untilTheNextSecond();
        Running.untilTheNextSecond();
        byte[] second = Running.pdf("dvcq thpt-tran-phu, bản 2");
        submissionIds.put(DVCQ + "/thpt-tran-phu#2", running.upload(token("thpt-tran-phu"), DVCQ, "bc-dvcq-ban-2.pdf",
                "application/pdf", second));
        files.put(DVCQ + "/thpt-tran-phu#2", second);
        running.awaitSubmissions(token("thpt-tran-phu"), DVCQ, 2);

        running.awaitQuiet();
        running.untilTheNextBusinessSecond();
        afterUploads = VietnamTime.iso(running.system.clock().instant());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    // ---------------------------------------------------------------- the document and its schema

    @Test
    void the_document_validates_against_its_schema_and_lists_the_years_obligations_by_deadline() {
        JsonNode doc = ok(Map.of());

        assertThat(doc.get("obligations")).extracting(o -> o.get("obligation").asText())
                .containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", QCDC, DVCQ);
        assertThat(doc.get("generatedAt").asText()).startsWith("2026-12-06T09:").endsWith("+07:00");
        assertThat(doc.get("asOf").asText()).isEqualTo(doc.get("generatedAt").asText());
        JsonNode qcdc = obligation(doc, QCDC);
        assertThat(qcdc.get("report").asText()).isEqualTo("QCDC");
        assertThat(qcdc.get("period").asText()).isEqualTo("2026-Y");
        assertThat(qcdc.get("title").asText()).isEqualTo("Báo cáo năm kết quả thực hiện quy chế dân chủ ở cơ sở");
        assertThat(qcdc.get("receiver").asText()).isEqualTo("Phòng Tổ chức cán bộ");
        assertThat(qcdc.get("due").asText()).isEqualTo("2026-12-05T00:00:00+07:00");
        assertThat(qcdc.get("dueText").asText()).isEqualTo("trước ngày 5/12/2026");
        assertThat(obligation(doc, DVCQ).get("receiver").asText()).isEqualTo("Văn phòng Sở");
        assertThat(obligation(doc, DVCQ).get("due").asText()).isEqualTo("2026-12-10T00:00:00+07:00");
    }

    @Test
    void the_schema_is_strict_it_refuses_an_extra_field_a_utc_time_an_unknown_state_and_a_missing_field() {
        JsonNode doc = ok(Map.of("obligation", QCDC));

        ObjectNode extra = doc.deepCopy();
        extra.put("remark", "x");
        assertThat(SCHEMA.validate(extra)).isNotEmpty();
        ObjectNode extraInRow = doc.deepCopy();
        ((ObjectNode) extraInRow.at("/obligations/0/units/0")).put("email", "x@example.edu.vn");
        assertThat(SCHEMA.validate(extraInRow)).isNotEmpty();
        ObjectNode utc = doc.deepCopy();
        utc.put("asOf", "2026-12-06T02:00:00Z");
        assertThat(SCHEMA.validate(utc)).isNotEmpty();
        ObjectNode state = doc.deepCopy();
        ((ObjectNode) state.at("/obligations/0/units/0")).put("state", "SUBMITTED");
        assertThat(SCHEMA.validate(state)).isNotEmpty();
        ObjectNode category = doc.deepCopy();
        ((ObjectNode) category.at("/obligations/0/summary/byCategory")).set("TIEU_HOC", category.at("/obligations/0/summary/byCategory/THPT"));
        assertThat(SCHEMA.validate(category)).isNotEmpty();
        ObjectNode missing = doc.deepCopy();
        ((ObjectNode) missing.at("/obligations/0/units/0")).remove("extension");
        assertThat(SCHEMA.validate(missing)).isNotEmpty();
        ObjectNode lateWithoutFile = doc.deepCopy();
        JsonNode late = rowsOf(lateWithoutFile.at("/obligations/0"), "LATE").get(0);
        ((ObjectNode) late).putNull("latest");
        assertThat(SCHEMA.validate(lateWithoutFile)).isNotEmpty();
    }

    // ---------------------------------------------------------------- counts and rates

    @Test
    void every_unit_is_listed_once_with_the_state_its_files_give_it() {
        JsonNode doc = ok(Map.of());
        int units = running.system.units().size();

        for (JsonNode o : doc.get("obligations")) {
            assertThat(o.get("units")).hasSize(units);
            assertThat(o.get("units")).extracting(u -> u.get("unit").asText()).doesNotHaveDuplicates();
            for (JsonNode u : o.get("units")) {
                String expected = u.get("category").asText().equals("PHONG_SO") ? "EXEMPT"
                        : o.get("obligation").asText().equals(DVCQ)
                                ? (DVCQ_ON_TIME.contains(u.get("unit").asText()) ? "ON_TIME" : "OPEN")
                                : o.get("obligation").asText().equals(QCDC) && QCDC_LATE.contains(u.get("unit").asText())
                                        ? "LATE" : "MISSING";
                assertThat(u.get("state").asText()).as(o.get("obligation") + " " + u.get("unit")).isEqualTo(expected);
                assertThat(u.get("dueForUnit").asText()).isEqualTo(o.get("due").asText());
                assertThat(u.get("extension").isNull()).isTrue();
            }
        }
        JsonNode tranPhu = row(obligation(doc, DVCQ), "thpt-tran-phu");
        assertThat(tranPhu.get("submissions").asInt()).isEqualTo(2);
        assertThat(tranPhu.at("/latest/submissionId").asText()).isEqualTo(submissionIds.get(DVCQ + "/thpt-tran-phu#2"));
        assertThat(tranPhu.at("/latest/fileName").asText()).isEqualTo("bc-dvcq-ban-2.pdf");
        assertThat(tranPhu.at("/latest/size").asLong()).isEqualTo(files.get(DVCQ + "/thpt-tran-phu#2").length);
        assertThat(tranPhu.at("/latest/sha256").asText()).isEqualTo(Running.sha256(files.get(DVCQ + "/thpt-tran-phu#2")));
        // submittedAt is the first file's arrival (it decided ON_TIME); latest is the second.
        assertThat(OffsetDateTime.parse(tranPhu.get("submittedAt").asText()).toInstant())
                .isBeforeOrEqualTo(OffsetDateTime.parse(tranPhu.at("/latest/receivedAt").asText()).toInstant());

        JsonNode chuVanAn = row(obligation(doc, QCDC), "th-thcs-thpt-chu-van-an");
        assertThat(chuVanAn.get("state").asText()).isEqualTo("LATE");
        assertThat(chuVanAn.get("submittedAt").asText()).startsWith("2026-12-06T09:");
        assertThat(chuVanAn.at("/latest/fileName").asText())
                .isEqualTo(Normalizer.normalize(NFD_NAME, Normalizer.Form.NFC)).isNotEqualTo(NFD_NAME);

        JsonNode refused = row(obligation(doc, DVCQ), REFUSED_FILE_UNIT);
        assertThat(refused.get("state").asText()).as("a refused file never counts").isEqualTo("OPEN");
        assertThat(refused.get("submissions").asInt()).isZero();
        assertThat(refused.get("latest").isNull()).isTrue();
        assertThat(refused.get("submittedAt").isNull()).isTrue();
    }

    @Test
    void counts_and_rates_add_up_per_obligation_and_per_category() {
        JsonNode doc = ok(Map.of());
        Map<String, Long> byCategory = running.system.units().stream()
                .collect(Collectors.groupingBy(LocalSystem.SessionUnit::category, Collectors.counting()));
        int owed = running.system.units().size() - byCategory.get("PHONG_SO").intValue();

        for (JsonNode o : doc.get("obligations")) {
            JsonNode s = o.get("summary");
            assertAddsUp(s, o.get("units"), o.get("obligation").asText());
            assertThat(s.get("expected").asInt()).isEqualTo(owed);
            assertThat(s.get("exempt").asInt()).isEqualTo(byCategory.get("PHONG_SO").intValue());
            Map<String, Integer> sums = new HashMap<>();
            assertThat(s.get("byCategory").properties()).extracting(Map.Entry::getKey)
                    .as("the categories in the plan's order").containsExactlyElementsOf(
                            Arrays.stream(UnitCategory.values()).map(Enum::name).filter(byCategory::containsKey).toList());
            s.get("byCategory").properties().forEach(e -> {
                List<JsonNode> rows = new ArrayList<>();
                o.get("units").forEach(u -> {
                    if (u.get("category").asText().equals(e.getKey())) {
                        rows.add(u);
                    }
                });
                assertThat(rows).hasSize(byCategory.get(e.getKey()).intValue());
                assertAddsUp(e.getValue(), Running.JSON.valueToTree(rows), o.get("obligation") + " " + e.getKey());
                for (String field : List.of("expected", "onTime", "late", "missing", "notDue", "exempt")) {
                    sums.merge(field, e.getValue().get(field).asInt(), Integer::sum);
                }
            });
            for (String field : List.of("expected", "onTime", "late", "missing", "notDue", "exempt")) {
                assertThat(sums.get(field)).as(o.get("obligation") + " Σ byCategory." + field).isEqualTo(s.get(field).asInt());
            }
        }

        JsonNode dvcq = obligation(doc, DVCQ).get("summary");
        assertThat(dvcq.get("onTime").asInt()).isEqualTo(DVCQ_ON_TIME.size());
        assertThat(dvcq.get("late").asInt()).isZero();
        assertThat(dvcq.get("missing").asInt()).isZero();
        assertThat(dvcq.get("notDue").asInt()).isEqualTo(owed - DVCQ_ON_TIME.size());
        assertThat(dvcq.at("/byCategory/THPT/onTime").asInt()).isEqualTo(3);
        assertThat(dvcq.at("/byCategory/GDNN_GDTX/onTime").asInt()).isEqualTo(1);
        assertThat(dvcq.at("/byCategory/PHONG_SO/expected").asInt()).isZero();
        assertThat(dvcq.at("/byCategory/PHONG_SO/completeness").asDouble()).isZero();
        JsonNode qcdc = obligation(doc, QCDC).get("summary");
        assertThat(qcdc.get("late").asInt()).isEqualTo(2);
        assertThat(qcdc.get("missing").asInt()).isEqualTo(owed - 2);
        assertThat(qcdc.get("timeliness").asDouble()).isZero();
        assertThat(qcdc.at("/byCategory/PT_NHIEU_CAP/late").asInt()).isEqualTo(1);
        assertThat(qcdc.at("/byCategory/PT_NHIEU_CAP/completeness").asDouble())
                .isEqualTo(round3(1.0 / byCategory.get("PT_NHIEU_CAP")));
    }

    private static void assertAddsUp(JsonNode summary, JsonNode rows, String what) {
        Map<String, Integer> states = new HashMap<>();
        rows.forEach(u -> states.merge(u.get("state").asText(), 1, Integer::sum));
        int onTime = states.getOrDefault("ON_TIME", 0);
        int late = states.getOrDefault("LATE", 0);
        int missing = states.getOrDefault("MISSING", 0);
        int notDue = states.getOrDefault("NOT_OPEN", 0) + states.getOrDefault("OPEN", 0);
        int exempt = states.getOrDefault("EXEMPT", 0);
        assertThat(summary.get("onTime").asInt()).as(what + " onTime").isEqualTo(onTime);
        assertThat(summary.get("late").asInt()).as(what + " late").isEqualTo(late);
        assertThat(summary.get("missing").asInt()).as(what + " missing").isEqualTo(missing);
        assertThat(summary.get("notDue").asInt()).as(what + " notDue").isEqualTo(notDue);
        assertThat(summary.get("exempt").asInt()).as(what + " exempt").isEqualTo(exempt);
        int expected = summary.get("expected").asInt();
        assertThat(expected).as(what + " expected").isEqualTo(rows.size() - exempt).isEqualTo(onTime + late + missing + notDue);
        assertThat(summary.get("completeness").asDouble()).as(what + " completeness")
                .isEqualTo(expected == 0 ? 0.0 : round3((double) (onTime + late) / expected));
        assertThat(summary.get("timeliness").asDouble()).as(what + " timeliness")
                .isEqualTo(expected == 0 ? 0.0 : round3((double) onTime / expected));
    }

    private static double round3(double x) {
        return Math.round(1000.0 * x) / 1000.0;
    }

    // ---------------------------------------------------------------- order

    @Test
    void units_are_ordered_by_category_in_the_plans_order_then_by_vietnamese_name() {
        JsonNode units = obligation(ok(Map.of("obligation", QCDC)), QCDC).get("units");
        List<String> categories = new ArrayList<>();
        units.forEach(u -> categories.add(u.get("category").asText()));
        List<String> sortedByPlan = new ArrayList<>(categories);
        sortedByPlan.sort((a, b) -> UnitCategory.valueOf(a).compareTo(UnitCategory.valueOf(b)));
        assertThat(categories).as("category blocks in the plan's order").isEqualTo(sortedByPlan);
        assertThat(categories.get(0)).isEqualTo("PHONG_SO");
        assertThat(categories.get(categories.size() - 1)).isEqualTo("TRUC_THUOC");

        List<String> names = new ArrayList<>();
        units.forEach(u -> names.add(u.get("name").asText()));
        // Đ is a letter of its own after D (not after Z, as in code point order, nor equal to D);
        // ô comes after o; tones do not move a name past the next base letter.
        assertInOrder(names, "Trường THPT An Dương", "Trường THPT An Hải", "Trường THPT Cộng Hiền",
                "Trường THPT Đồ Sơn", "Trường THPT Hải An", "Trường THPT Lê Quý Đôn", "Trường THPT Lý Thường Kiệt",
                "Trường THPT Nguyễn Đức Cảnh", "Trường THPT Nguyễn Khuyến", "Trường THPT Nguyễn Trãi",
                "Trường THPT Toàn Thắng", "Trường THPT Tô Hiệu", "Trường THPT Trần Phú", "Trường THPT Vĩnh Bảo");
        assertInOrder(names, "Phòng GDĐT quận Dương Kinh", "Phòng GDĐT quận Đồ Sơn", "Phòng GDĐT quận Hải An");
        assertThat(names.indexOf("Trường THPT Vĩnh Bảo")).as("last THPT")
                .isEqualTo(categories.lastIndexOf("THPT"));
        assertThat(names.indexOf("Trường THPT An Dương")).as("first THPT").isEqualTo(categories.indexOf("THPT"));

        // Every filtered document keeps the same order.
        JsonNode thpt = obligation(ok(Map.of("obligation", QCDC, "category", "THPT")), QCDC).get("units");
        List<String> thptNames = new ArrayList<>();
        thpt.forEach(u -> thptNames.add(u.get("name").asText()));
        assertThat(thptNames).isEqualTo(names.stream().filter(n -> n.startsWith("Trường THPT ")).toList());
    }

    private static void assertInOrder(List<String> names, String... expected) {
        int last = -1;
        for (String name : expected) {
            int at = names.indexOf(name);
            assertThat(at).as(name + " is listed").isNotNegative();
            assertThat(at).as(name + " comes after the names before it in " + Arrays.toString(expected)).isGreaterThan(last);
            last = at;
        }
    }

    // ---------------------------------------------------------------- filters

    @Test
    void year_report_period_and_obligation_narrow_the_obligations() {
        assertThat(obligationIds(ok(Map.of("year", "2025"))))
                .containsExactly("QCDC:2025-H1", "DVCQ:2025-H1", "QCDC:2025-Y", "DVCQ:2025-Y");
        assertThat(obligationIds(ok(Map.of("year", "2026"))))
                .containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", QCDC, DVCQ);
        assertThat(obligationIds(ok(Map.of("report", "DVCQ")))).containsExactly("DVCQ:2026-H1", DVCQ);
        assertThat(obligationIds(ok(Map.of("report", "QCDC", "year", "2025")))).containsExactly("QCDC:2025-H1", "QCDC:2025-Y");
        assertThat(obligationIds(ok(Map.of("period", "2026-Y")))).containsExactly(QCDC, DVCQ);
        assertThat(obligationIds(ok(Map.of("period", "2025-H1")))).containsExactly("QCDC:2025-H1", "DVCQ:2025-H1");
        assertThat(obligationIds(ok(Map.of("period", "2026-Y", "year", "2026")))).containsExactly(QCDC, DVCQ);
        assertThat(obligationIds(ok(Map.of("period", "2026-Y", "report", "QCDC")))).containsExactly(QCDC);
        assertThat(obligationIds(ok(Map.of("obligation", DVCQ)))).containsExactly(DVCQ);
        assertThat(obligationIds(ok(Map.of("obligation", "QCDC:2025-H1")))).containsExactly("QCDC:2025-H1");

        JsonNode old = obligation(ok(Map.of("obligation", "QCDC:2025-Y")), "QCDC:2025-Y");
        assertThat(old.get("summary").get("missing").asInt()).isEqualTo(old.get("summary").get("expected").asInt());
    }

    @Test
    void category_narrows_the_units_and_the_summary_to_that_category() {
        JsonNode doc = ok(Map.of("category", "THPT"));
        long thpt = running.units(u -> u.category().equals("THPT")).size();

        assertThat(obligationIds(doc)).containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", QCDC, DVCQ);
        for (JsonNode o : doc.get("obligations")) {
            assertThat(o.get("units")).hasSize((int) thpt).allSatisfy(u -> assertThat(u.get("category").asText()).isEqualTo("THPT"));
            assertThat(o.at("/summary/byCategory").properties()).extracting(Map.Entry::getKey).containsExactly("THPT");
            assertThat(o.at("/summary/expected").asInt()).isEqualTo(thpt);
            assertThat(o.at("/summary/exempt").asInt()).isZero();
        }
        JsonNode dvcq = obligation(doc, DVCQ).get("summary");
        assertThat(dvcq.get("onTime").asInt()).isEqualTo(3);
        assertThat(dvcq.get("completeness").asDouble()).isEqualTo(round3(3.0 / thpt));
        assertThat(obligation(doc, DVCQ).get("summary").get("byCategory").get("THPT"))
                .isEqualTo(obligation(ok(Map.of()), DVCQ).at("/summary/byCategory/THPT"));

        JsonNode exempt = obligation(ok(Map.of("category", "PHONG_SO", "obligation", QCDC)), QCDC);
        assertThat(exempt.get("units")).allSatisfy(u -> assertThat(u.get("state").asText()).isEqualTo("EXEMPT"));
        assertThat(exempt.at("/summary/expected").asInt()).isZero();
        assertThat(exempt.at("/summary/completeness").asDouble()).isZero();
    }

    @Test
    void unit_narrows_every_obligation_to_that_units_row() {
        JsonNode doc = ok(Map.of("unit", "thpt-tran-phu"));
        JsonNode all = ok(Map.of("asOf", doc.get("asOf").asText()));

        assertThat(obligationIds(doc)).containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", QCDC, DVCQ);
        for (JsonNode o : doc.get("obligations")) {
            assertThat(o.get("units")).hasSize(1);
            assertThat(o.at("/units/0/unit").asText()).isEqualTo("thpt-tran-phu");
            assertThat(o.at("/units/0")).isEqualTo(row(obligation(all, o.get("obligation").asText()), "thpt-tran-phu"));
            assertThat(o.at("/summary/expected").asInt()).isEqualTo(1);
        }
        JsonNode dvcq = obligation(doc, DVCQ);
        assertThat(dvcq.at("/summary/onTime").asInt()).isEqualTo(1);
        assertThat(dvcq.at("/summary/completeness").asDouble()).isEqualTo(1.0);
        assertThat(dvcq.at("/summary/timeliness").asDouble()).isEqualTo(1.0);
        assertThat(dvcq.at("/units/0/submissions").asInt()).isEqualTo(2);

        // A unit whose name is a prefix of others' ids sees only its own files.
        JsonNode anLao = obligation(ok(Map.of("unit", "gdnn-gdtx-an-lao", "obligation", DVCQ)), DVCQ);
        assertThat(anLao.at("/units/0/latest/submissionId").asText()).isEqualTo(submissionIds.get(DVCQ + "/gdnn-gdtx-an-lao"));

        // Unit and category together: both must hold.
        JsonNode none = obligation(ok(Map.of("unit", "thpt-tran-phu", "category", "PHONG_GDDT", "obligation", DVCQ)), DVCQ);
        assertThat(none.get("units")).isEmpty();
        assertThat(none.at("/summary/expected").asInt()).isZero();
        assertThat(none.at("/summary/byCategory").isEmpty()).isTrue();
    }

    // ---------------------------------------------------------------- asOf

    @Test
    void as_of_before_the_uploads_shows_them_not_yet_there_and_after_shows_them() {
        JsonNode before = ok(Map.of("asOf", beforeUploads, "period", "2026-Y"));
        JsonNode after = ok(Map.of("asOf", afterUploads, "period", "2026-Y"));

        assertThat(before.get("asOf").asText()).isEqualTo(beforeUploads);
        assertThat(after.get("asOf").asText()).isEqualTo(afterUploads);
        assertThat(rowsOf(obligation(before, DVCQ), "ON_TIME")).isEmpty();
        assertThat(rowsOf(obligation(before, QCDC), "LATE")).isEmpty();
        for (String unit : DVCQ_ON_TIME) {
            JsonNode then = row(obligation(before, DVCQ), unit);
            assertThat(then.get("state").asText()).isEqualTo("OPEN");
            assertThat(then.get("submissions").asInt()).isZero();
            assertThat(then.get("latest").isNull()).isTrue();
            assertThat(row(obligation(after, DVCQ), unit).get("state").asText()).isEqualTo("ON_TIME");
        }
        for (String unit : QCDC_LATE) {
            assertThat(row(obligation(before, QCDC), unit).get("state").asText()).isEqualTo("MISSING");
            assertThat(row(obligation(after, QCDC), unit).get("state").asText()).isEqualTo("LATE");
        }
        assertThat(obligation(before, QCDC).at("/summary/missing").asInt())
                .isEqualTo(obligation(before, QCDC).at("/summary/expected").asInt());
        assertThat(obligation(after, DVCQ).get("units")).isEqualTo(obligation(ok(Map.of("period", "2026-Y")), DVCQ).get("units"));
    }

    @Test
    void as_of_between_two_files_counts_only_the_first() {
        JsonNode now = row(obligation(ok(Map.of("obligation", DVCQ)), DVCQ), "thpt-tran-phu");
        Instant second = OffsetDateTime.parse(now.at("/latest/receivedAt").asText()).toInstant();
        Instant first = OffsetDateTime.parse(now.get("submittedAt").asText()).toInstant();
        // receivedAt is written to the second; the second file was sent two seconds after the first.
        Instant between = first.plusSeconds(1);
        assertThat(between).isBefore(second);
        JsonNode then = row(obligation(ok(Map.of("obligation", DVCQ, "asOf", VietnamTime.iso(between))), DVCQ), "thpt-tran-phu");
        assertThat(then.get("submissions").asInt()).isEqualTo(1);
        assertThat(then.at("/latest/submissionId").asText()).isEqualTo(submissionIds.get(DVCQ + "/thpt-tran-phu"));
    }

    @Test
    void at_the_deadline_instant_nothing_is_late_yet_and_what_came_after_is_not_counted() {
        JsonNode doc = ok(Map.of("asOf", "2026-12-05T00:00:00+07:00", "period", "2026-Y"));

        assertThat(doc.get("asOf").asText()).isEqualTo("2026-12-05T00:00:00+07:00");
        for (JsonNode o : doc.get("obligations")) {
            assertThat(rowsOf(o, "LATE")).isEmpty();
            assertThat(rowsOf(o, "ON_TIME")).isEmpty();
            assertThat(o.at("/summary/late").asInt()).isZero();
            o.get("units").forEach(u -> assertThat(u.get("submissions").asInt()).isZero());
        }
        JsonNode qcdc = obligation(doc, QCDC);
        assertThat(qcdc.at("/summary/missing").asInt()).as("the deadline instant is already past due")
                .isEqualTo(qcdc.at("/summary/expected").asInt());
        JsonNode dvcq = obligation(doc, DVCQ);
        assertThat(dvcq.at("/summary/notDue").asInt()).isEqualTo(dvcq.at("/summary/expected").asInt());
        assertThat(rowsOf(dvcq, "OPEN")).hasSize(dvcq.at("/summary/expected").asInt());

        JsonNode aSecondBefore = obligation(ok(Map.of("asOf", "2026-12-04T23:59:59+07:00", "obligation", QCDC)), QCDC);
        assertThat(aSecondBefore.at("/summary/missing").asInt()).isZero();
        assertThat(aSecondBefore.at("/summary/notDue").asInt()).isEqualTo(aSecondBefore.at("/summary/expected").asInt());
    }

    @Test
    void as_of_before_the_window_opens_is_not_open_and_the_default_year_is_the_vietnamese_year() {
        // Opens 30 days before the deadline: 5/11/2026 for QCDC:2026-Y.
        JsonNode early = ok(Map.of("asOf", "2026-11-01T00:00:00+07:00", "period", "2026-Y"));
        for (JsonNode o : early.get("obligations")) {
            assertThat(rowsOf(o, "NOT_OPEN")).hasSize(o.at("/summary/expected").asInt());
        }
        // 00:30 on 1/1/2026 in Hải Phòng is still 2025 in UTC; the year is Vietnam's.
        JsonNode newYear = ok(Map.of("asOf", "2026-01-01T00:30:00+07:00"));
        assertThat(obligationIds(newYear)).containsExactly("QCDC:2026-H1", "DVCQ:2026-H1", QCDC, DVCQ);
        assertThat(rowsOf(obligation(newYear, "QCDC:2026-H1"), "NOT_OPEN")).isNotEmpty();
        // asOf in another offset names the same instant.
        JsonNode utc = ok(Map.of("asOf", "2026-12-04T17:00:00Z", "obligation", QCDC));
        assertThat(utc.get("asOf").asText()).isEqualTo("2026-12-05T00:00:00+07:00");
    }

    // ---------------------------------------------------------------- a department's token

    @Test
    void a_token_for_one_department_sees_only_the_reports_it_receives() {
        String tccb = running.system.officeToken("TCCB", "truong-phong");

        JsonNode doc = ok(tccb, Map.of());
        assertThat(obligationIds(doc)).containsExactly("QCDC:2026-H1", QCDC);
        assertThat(obligation(doc, QCDC)).isEqualTo(obligation(ok(Map.of("asOf", doc.get("asOf").asText())), QCDC));
        assertThat(obligationIds(ok(tccb, Map.of("period", "2026-Y")))).containsExactly(QCDC);
        assertThat(obligationIds(ok(tccb, Map.of("obligation", QCDC)))).containsExactly(QCDC);

        StatusBadRequestsTest.assertProblem(running.status(tccb, Map.of("obligation", DVCQ)), 403, "out-of-scope");
        StatusBadRequestsTest.assertProblem(running.status(tccb, Map.of("report", "DVCQ")), 403, "out-of-scope");
        StatusBadRequestsTest.assertProblem(running.status(tccb, Map.of("obligation", DVCQ, "format", "csv")), 403, "out-of-scope");

        String vp = running.system.officeToken("VP", "chanh-van-phong");
        assertThat(obligationIds(ok(vp, Map.of()))).containsExactly("DVCQ:2026-H1", DVCQ);
    }

    @Test
    void the_plans_tasks_are_a_section_of_their_own_each_listing_only_its_lead_units() {
        JsonNode doc = ok(Map.of("year", "2025"));

        assertThat(doc.get("tasks")).hasSize(12);
        assertThat(doc.get("tasks").get(0).get("obligation").asText()).isEqualTo("NV01:2025-Q1");
        JsonNode nv03 = task(doc, "NV03:2025-Q1-Q3");
        assertThat(nv03.get("task").get("number").asInt()).isEqualTo(3);
        assertThat(nv03.at("/task/lead").asText()).isEqualTo("Phòng Tổ chức cán bộ");
        assertThat(nv03.at("/task/timeFrame").asText()).isEqualTo("Quý I-Quý III/2025");
        assertThat(nv03.at("/task/cityCalendar").asBoolean()).isFalse();
        assertThat(nv03.get("receiver").asText()).isEqualTo("Văn phòng Sở");
        assertThat(nv03.get("due").asText()).isEqualTo("2025-10-01T00:00:00+07:00");
        assertThat(nv03.get("dataWindow").isNull()).isTrue();
        assertThat(nv03.get("units")).extracting(u -> u.get("unit").asText() + " " + u.get("state").asText())
                .containsExactly("phong-to-chuc-can-bo MISSING");
        JsonNode nv02 = task(doc, "NV02:2025-Y");
        assertThat(nv02.get("units")).extracting(u -> u.get("category").asText()).containsOnly("PHONG_SO", "TRUC_THUOC")
                .hasSize(running.units(u -> u.category().equals("PHONG_SO") || u.category().equals("TRUC_THUOC")).size());
        assertThat(nv02.at("/summary/exempt").asInt()).isZero();
        assertThat(task(doc, "NV10:2025-Y").at("/task/cityCalendar").asBoolean()).isTrue();
        assertThat(obligation(doc, "QCDC:2025-H1").at("/dataWindow/text").asText())
                .isEqualTo("Số liệu tính từ 15/12/2024 đến 14/6/2025");
        assertThat(obligation(doc, "QCDC:2025-H1").get("task").isNull()).isTrue();
    }

    @Test
    void a_task_is_found_by_its_obligation_its_report_id_or_its_period_and_belongs_to_the_office_that_follows_the_plan() {
        JsonNode one = ok(Map.of("obligation", "NV03:2025-Q1-Q3"));
        assertThat(one.get("obligations")).isEmpty();
        assertThat(one.get("tasks")).extracting(t -> t.get("obligation").asText()).containsExactly("NV03:2025-Q1-Q3");
        assertThat(ok(Map.of("report", "NV03", "year", "2025")).get("tasks")).hasSize(1);
        assertThat(ok(Map.of("period", "2025-Q4")).get("tasks")).extracting(t -> t.get("obligation").asText())
                .containsExactly("NV11:2025-Q4", "NV12:2025-Q4");
        assertThat(ok(running.system.officeToken("VP", "chanh-van-phong"), Map.of("year", "2025")).get("tasks")).hasSize(12);

        String tccb = running.system.officeToken("TCCB", "truong-phong");
        assertThat(ok(tccb, Map.of("year", "2025")).get("tasks")).isEmpty();
        StatusBadRequestsTest.assertProblem(running.status(tccb, Map.of("obligation", "NV03:2025-Q1-Q3")), 403, "out-of-scope");
        StatusBadRequestsTest.assertProblem(running.status(office, Map.of("obligation", "NV03:2025-Q1")), 404, "obligation-unknown");
        StatusBadRequestsTest.assertProblem(running.status(office, Map.of("period", "2025-Q1-Q2")), 404, "obligation-unknown");

        String csv = running.status(office, Map.of("obligation", "NV03:2025-Q1-Q3", "format", "csv")).body();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("NV03:2025-Q1-Q3,NV03,2025-Q1-Q3,");
    }

    private static JsonNode task(JsonNode doc, String id) {
        for (JsonNode t : doc.get("tasks")) {
            if (t.get("obligation").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no task " + id);
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void the_csv_is_excel_ready_and_says_what_the_json_says() throws Exception {
        Map<String, String> query = Map.of("asOf", afterUploads);
        JsonNode json = ok(query);
        Map<String, String> csvQuery = new LinkedHashMap<>(query);
        csvQuery.put("format", "csv");
        HttpResponse<byte[]> response = running.statusBytes(office, csvQuery);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(ct ->
                assertThat(ct.toLowerCase().replace(" ", "")).isEqualTo("text/csv;charset=utf-8"));
        assertThat(response.headers().firstValue("content-disposition")).hasValueSatisfying(cd ->
                assertThat(cd).startsWith("attachment;").contains(".csv"));
        byte[] bytes = response.body();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = strictUtf8(Arrays.copyOfRange(bytes, 3, bytes.length));
        assertThat(text).doesNotStartWith("\uFEFF").endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).as("no bare CR or LF between records").doesNotContain("\r", "\n");
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC").isTrue();

        List<List<String>> records = parseCsv(text);
        assertThat(records.get(0)).isEqualTo(CSV_COLUMNS);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record).hasSize(CSV_COLUMNS.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                row.put(CSV_COLUMNS.get(i), record.get(i));
            }
            rows.add(row);
        }
        int expectedRows = 0;
        int i = 0;
        for (JsonNode o : json.get("obligations")) {
            expectedRows += o.get("units").size();
            for (JsonNode u : o.get("units")) {
                Map<String, String> row = rows.get(i++);
                String what = o.get("obligation").asText() + " " + u.get("unit").asText();
                assertThat(row.get("obligation")).as(what).isEqualTo(o.get("obligation").asText());
                assertThat(row.get("report")).isEqualTo(o.get("report").asText());
                assertThat(row.get("period")).isEqualTo(o.get("period").asText());
                assertThat(row.get("title")).isEqualTo(o.get("title").asText());
                assertThat(row.get("receiver")).isEqualTo(o.get("receiver").asText());
                assertThat(row.get("due")).isEqualTo(o.get("due").asText());
                assertThat(row.get("unit")).as(what).isEqualTo(u.get("unit").asText());
                assertThat(row.get("name")).as(what).isEqualTo(u.get("name").asText());
                assertThat(row.get("category")).isEqualTo(u.get("category").asText());
                assertThat(row.get("state")).as(what).isEqualTo(u.get("state").asText());
                assertThat(row.get("dueForUnit")).isEqualTo(u.get("dueForUnit").asText());
                assertThat(row.get("extensionUntil")).isEqualTo(u.get("extension").isNull() ? "" : u.at("/extension/until").asText());
                assertThat(row.get("extensionGrantedByName"))
                        .isEqualTo(u.get("extension").isNull() ? "" : u.at("/extension/grantedByName").asText());
                assertThat(row.get("submittedAt")).isEqualTo(u.get("submittedAt").isNull() ? "" : u.get("submittedAt").asText());
                assertThat(row.get("submissions")).as(what).isEqualTo(u.get("submissions").asText());
                JsonNode latest = u.get("latest");
                assertThat(row.get("latestSubmissionId")).isEqualTo(latest.isNull() ? "" : latest.get("submissionId").asText());
                assertThat(row.get("latestSha256")).as(what).isEqualTo(latest.isNull() ? "" : latest.get("sha256").asText());
                assertThat(row.get("latestSize")).isEqualTo(latest.isNull() ? "" : latest.get("size").asText());
                assertThat(row.get("latestReceivedAt")).isEqualTo(latest.isNull() ? "" : latest.get("receivedAt").asText());
                assertThat(row.get("contactable")).isEqualTo(u.get("contactable").asText());
                assertThat(row.get("emails")).endsWith("@example.edu.vn");
                String fileName = latest.isNull() ? "" : latest.get("fileName").asText();
                assertThat(row.get("latestFileName")).as(what)
                        .isEqualTo(fileName.startsWith("=") ? "'" + fileName : fileName);
            }
        }
        assertThat(rows).hasSize(expectedRows);
        assertThat(expectedRows).isEqualTo(4 * running.system.units().size());

        // A name with a comma is one quoted cell; Vietnamese survives intact, in NFC.
        assertThat(text).contains(",\"Trường TH, THCS và THPT Chu Văn An\",");
        assertThat(rows).filteredOn(r -> r.get("unit").equals("thpt-do-son")).extracting(r -> r.get("name"))
                .containsOnly("Trường THPT Đồ Sơn");
        assertThat(rows).filteredOn(r -> r.get("obligation").equals(QCDC) && r.get("unit").equals("th-thcs-thpt-chu-van-an"))
                .extracting(r -> r.get("latestFileName"))
                .containsExactly(Normalizer.normalize(NFD_NAME, Normalizer.Form.NFC));
        // A file name that Excel would run as a formula is defused.
        assertThat(rows).filteredOn(r -> r.get("obligation").equals(DVCQ) && r.get("unit").equals("gdnn-gdtx-an-lao"))
                .extracting(r -> r.get("latestFileName")).containsExactly("'" + FORMULA_NAME);
        assertThat(rows).filteredOn(r -> r.get("obligation").equals(DVCQ) && r.get("unit").equals("thpt-tran-phu"))
                .extracting(r -> r.get("submissions"), r -> r.get("latestSha256"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", Running.sha256(files.get(DVCQ + "/thpt-tran-phu#2"))));
    }

    @Test
    void the_csv_takes_the_same_filters() {
        HttpResponse<byte[]> response = running.statusBytes(office, Map.of("format", "csv", "obligation", QCDC, "category", "PT_NHIEU_CAP"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<List<String>> records = parseCsv(strictUtf8(Arrays.copyOfRange(response.body(), 3, response.body().length)));
        assertThat(records).hasSize(1 + running.units(u -> u.category().equals("PT_NHIEU_CAP")).size());
        assertThat(records.subList(1, records.size())).allSatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(QCDC);
            assertThat(r.get(8)).isEqualTo("PT_NHIEU_CAP");
        });
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode ok(Map<String, String> query) {
        return ok(office, query);
    }

    /** A 200 JSON status document that validates against docs/api/status.schema.json. */
    private JsonNode ok(String token, Map<String, String> query) {
        HttpResponse<String> response = running.status(token, query);
        assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode doc = Running.read(response.body());
        assertValid(doc);
        return doc;
    }

    /** {@code GET /v1/status}, answered 200 with a document the schema accepts. */
    static JsonNode validStatus(Running running, String office, Map<String, String> query) {
        HttpResponse<String> response = running.status(office, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = Running.read(response.body());
        assertValid(doc);
        return doc;
    }

    static void assertValid(JsonNode document) {
        Set<ValidationMessage> errors = SCHEMA.validate(document);
        assertThat(errors).as("status.schema.json").isEmpty();
    }

    private static JsonSchema schema() {
        try (InputStream in = Files.newInputStream(Running.ROOT.resolve("docs/api/status.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String token(String unit) {
        return running.units(u -> u.unit().equals(unit)).get(0).token();
    }

    static List<String> obligationIds(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.get("obligations").forEach(o -> ids.add(o.get("obligation").asText()));
        return ids;
    }

    static JsonNode obligation(JsonNode doc, String id) {
        for (JsonNode o : doc.get("obligations")) {
            if (o.get("obligation").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no " + id + " in " + obligationIds(doc));
    }

    static JsonNode row(JsonNode obligation, String unit) {
        for (JsonNode u : obligation.get("units")) {
            if (u.get("unit").asText().equals(unit)) {
                return u;
            }
        }
        throw new AssertionError("no row for " + unit + " in " + obligation.get("obligation"));
    }

    static List<JsonNode> rowsOf(JsonNode obligation, String state) {
        ObligationState.valueOf(state);
        List<JsonNode> rows = new ArrayList<>();
        obligation.get("units").forEach(u -> {
            if (u.get("state").asText().equals(state)) {
                rows.add(u);
            }
        });
        return rows;
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8", e);
        }
    }

    /**
     * RFC 4180, strictly: records end with CRLF, fields are separated by commas, a field with a comma,
     * quote or line break is quoted and its quotes doubled. Anything else is an error, not a guess.
     */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean fieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new AssertionError("unterminated quoted field in record " + (records.size() + 1));
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new AssertionError("text after a closing quote in record " + (records.size() + 1));
                }
                fieldStart = false;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("CR without LF in record " + (records.size() + 1));
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStart = true;
                i += 2;
            } else if (c == '\n') {
                throw new AssertionError("bare LF in record " + (records.size() + 1));
            } else if (c == '"') {
                throw new AssertionError("quote inside an unquoted field in record " + (records.size() + 1));
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!record.isEmpty() || field.length() > 0) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return records;
    }
}
