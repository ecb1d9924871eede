package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * A school's upload, end to end through the local runner: link token, POST /v1/uploads, PUT to
 * S3, the storage event, the record in DynamoDB and the receipt in the SES emulator.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadFlowTest {
    /** Five days before QCDC:2026-Y is due (trước ngày 5/12/2026). */
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    private Running running;
    private LocalSystem.SessionUnit school;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(), Map.of());
        school = running.unit("THPT");
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void a_school_uploads_its_report_and_gets_a_receipt_with_the_server_time_size_and_sha256() {
        byte[] file = Running.pdf("flow");
        String nfd = Normalizer.normalize("Báo cáo quy chế dân chủ năm 2026.pdf", Normalizer.Form.NFD);

        String submissionId = running.upload(school.token(), "QCDC:2026-Y", nfd, "application/pdf", file);

        JsonNode obligation = running.awaitSubmissions(school.token(), "QCDC:2026-Y", 1);
        assertThat(obligation.get("state").asText()).isEqualTo("ON_TIME");
        JsonNode recorded = obligation.get("submissions").get(0);
        assertThat(recorded.get("submissionId").asText()).isEqualTo(submissionId);
        assertThat(recorded.get("fileName").asText())
                .isEqualTo(Normalizer.normalize(nfd, Normalizer.Form.NFC))
                .isNotEqualTo(nfd);
        assertThat(recorded.get("size").asLong()).isEqualTo(file.length);
        assertThat(recorded.get("sha256").asText()).isEqualTo(Running.sha256(file));
        assertThat(recorded.get("onTime").asBoolean()).isTrue();
        assertThat(recorded.get("receivedAt").asText()).startsWith("2026-11-30T09:").endsWith("+07:00");

        List<JsonNode> receipts = running.awaitEmailsMentioning(submissionId, 1);
        assertThat(receipts).hasSize(1);
        JsonNode receipt = receipts.get(0);
        assertThat(receipt.at("/destination/to")).extracting(JsonNode::asText).containsExactlyElementsOf(school.emails());
        assertThat(receipt.get("subject").asText()).isEqualTo("Biên nhận: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026 — " + school.name());
        assertThat(receipt.at("/body/text").asText())
                .contains("Báo cáo quy chế dân chủ năm 2026.pdf", Running.sha256Hex(file), "trước ngày 5/12/2026",
                        "ngày 30/11/2026", "Tình trạng: Đúng hạn", file.length + " byte");
        assertThat(receipt.at("/body/html").asText()).contains("<table");
    }

    @Test
    void the_same_file_uploaded_twice_is_two_submissions_with_one_receipt_each() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("GDNN_GDTX")).get(0);
        byte[] file = Running.pdf("twice");

        String first = running.upload(unit.token(), "DVCQ:2026-Y", "bao-cao.pdf", "application/pdf", file);
        String second = running.upload(unit.token(), "DVCQ:2026-Y", "bao-cao.pdf", "application/pdf", file);

        JsonNode obligation = running.awaitSubmissions(unit.token(), "DVCQ:2026-Y", 2);
        assertThat(obligation.get("submissions")).extracting(s -> s.get("submissionId").asText())
                .containsExactlyInAnyOrder(first, second);
        assertThat(running.awaitEmailsMentioning(first, 1)).hasSize(1);
        assertThat(running.awaitEmailsMentioning(second, 1)).hasSize(1);
    }

    @Test
    void a_storage_event_delivered_again_records_nothing_new_and_sends_no_second_receipt() throws Exception {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("PT_NHIEU_CAP")).get(0);
        byte[] file = Running.pdf("again");
        JsonNode grant = Running.read(running.requestUpload(unit.token(), "QCDC:2026-Y", "bc.pdf", "application/pdf", file).body());
        String submissionId = grant.get("submissionId").asText();

        assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
        running.awaitSubmissions(unit.token(), "QCDC:2026-Y", 1);
        running.awaitEmailsMentioning(submissionId, 1);
        // The browser retries the same PUT: S3 stores the object again and sends a second ObjectCreated event.
        assertThat(Running.put(grant, file).statusCode()).isEqualTo(200);
        running.awaitQuiet();

        assertThat(running.obligation(unit.token(), "QCDC:2026-Y").get("submissions")).hasSize(1);
        assertThat(running.emailsMentioning(submissionId)).hasSize(1);
    }

    @Test
    void a_file_that_is_not_the_pdf_it_claims_to_be_is_quarantined_and_the_unit_is_told_why() {
        LocalSystem.SessionUnit unit = running.units(u -> u.category().equals("TRUC_THUOC")).get(0);
        byte[] notPdf = "Đây không phải PDF".getBytes(StandardCharsets.UTF_8);

        String submissionId = running.upload(unit.token(), "QCDC:2026-Y", "gia-mao.pdf", "application/pdf", notPdf);

        JsonNode obligation = running.awaitSubmissions(unit.token(), "QCDC:2026-Y", 1);
        JsonNode recorded = obligation.get("submissions").get(0);
        assertThat(recorded.get("accepted").asBoolean()).isFalse();
        assertThat(recorded.get("refusal").asText()).contains("không phải là tệp PDF");
        assertThat(obligation.get("state").asText()).isEqualTo("OPEN");
        List<JsonNode> emails = running.awaitEmailsMentioning(submissionId, 1);
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("subject").asText())
                .isEqualTo("Tệp không hợp lệ, chưa được tính là đã nộp: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026");
        assertThat(running.objectKeys("quarantine/")).anyMatch(k -> k.contains(submissionId));
        assertThat(running.objectKeys("submissions/")).noneMatch(k -> k.contains(submissionId));
    }

    @Test
    void a_school_sees_what_it_owes_with_the_deadline_in_the_plans_words() {
        JsonNode me = Running.read(running.me(school.token()).body());

        assertThat(me.at("/unit/id").asText()).isEqualTo(school.unit());
        assertThat(me.at("/unit/name").asText()).isEqualTo(school.name());
        assertThat(me.get("obligations")).extracting(o -> o.get("obligation").asText())
                .containsExactly("QCDC:2025-H1", "DVCQ:2025-H1", "QCDC:2025-Y", "DVCQ:2025-Y",
                        "QCDC:2026-H1", "DVCQ:2026-H1", "QCDC:2026-Y", "DVCQ:2026-Y");
        JsonNode dvcq = running.obligation(school.token(), "DVCQ:2026-Y");
        assertThat(dvcq.get("due").asText()).isEqualTo("2026-12-10T00:00:00+07:00");
        assertThat(dvcq.get("dueText").asText()).isEqualTo("trước ngày 10/12/2026");
        assertThat(dvcq.get("receiver").asText()).isEqualTo("Văn phòng Sở");
    }

    @Test
    void a_department_of_the_so_owes_neither_report_but_sees_the_plans_tasks_it_leads() {
        LocalSystem.SessionUnit office = running.units(u -> u.unit().equals("van-phong-so")).get(0);
        LocalSystem.SessionUnit inspectorate = running.units(u -> u.unit().equals("thanh-tra-so")).get(0);

        JsonNode officeSees = Running.read(running.me(office.token()).body()).get("obligations");
        JsonNode inspectorateSees = Running.read(running.me(inspectorate.token()).body()).get("obligations");

        assertThat(officeSees).extracting(o -> o.get("obligation").asText()).containsExactly(
                "NV01:2025-Q1", "NV05:2025-Q1", "NV04:2025-H1", "NV08:2025-Q1-Q3", "NV02:2025-Y", "NV06:2025-Y",
                "NV07:2025-Y", "NV09:2025-Y", "NV11:2025-Q4", "NV12:2025-Q4");
        assertThat(inspectorateSees).extracting(o -> o.get("obligation").asText())
                .contains("NV10:2025-Y").doesNotContain("NV01:2025-Q1");
        JsonNode nv10 = java.util.stream.StreamSupport.stream(inspectorateSees.spliterator(), false)
                .filter(o -> o.get("obligation").asText().equals("NV10:2025-Y")).findFirst().orElseThrow();
        assertThat(nv10.at("/task/timeFrame").asText()).isEqualTo("Thực hiện theo lịch của thành phố");
        assertThat(nv10.at("/task/lead").asText()).isEqualTo("Thanh tra Sở");
        assertThat(nv10.get("dataWindow").isNull()).isTrue();
        assertThat(nv10.get("dueText").asText())
                .isEqualTo("Thực hiện theo lịch của thành phố (minh chứng nộp đến hết ngày 31/12/2025)");
    }

    @Test
    void a_lead_department_uploads_its_evidence_for_a_task_through_the_same_path_and_the_office_sees_it() {
        LocalSystem.SessionUnit inspectorate = running.units(u -> u.unit().equals("thanh-tra-so")).get(0);
        String task = "NV10:2025-Y";

        running.upload(inspectorate.token(), task, "Minh chứng tiếp công dân.pdf", "application/pdf",
                Running.pdf("tiep cong dan 2025"));
        JsonNode recorded = running.awaitSubmissions(inspectorate.token(), task, 1);

        assertThat(recorded.get("submissions").get(0).get("fileName").asText()).isEqualTo("Minh chứng tiếp công dân.pdf");
        assertThat(recorded.get("state").asText()).isEqualTo("LATE");
        JsonNode status = Running.read(running.status(running.system.officeToken(), Map.of("obligation", task)).body());
        assertThat(status.at("/tasks/0/units/0/unit").asText()).isEqualTo("thanh-tra-so");
        assertThat(status.at("/tasks/0/units/0/state").asText()).isEqualTo("LATE");
        assertThat(status.at("/tasks/0/units/0/latest/fileName").asText()).isEqualTo("Minh chứng tiếp công dân.pdf");
    }

    @Test
    void a_school_cannot_upload_for_a_task_it_does_not_lead() {
        HttpResponse<String> refused = running.requestUpload(running.unit("THPT").token(), "NV10:2025-Y", "a.pdf",
                "application/pdf", Running.pdf("x"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Running.read(refused.body()).get("code").asText()).isEqualTo("obligation-not-owed");
    }

    @Test
    void a_school_sees_the_data_window_of_each_report_in_the_words_of_decree_09() {
        JsonNode obligations = Running.read(running.me(running.unit("THPT").token()).body()).get("obligations");

        assertThat(obligations).allSatisfy(o -> assertThat(o.get("task").isNull()).isTrue());
        assertThat(obligations).extracting(o -> o.get("obligation").asText() + " " + o.at("/dataWindow/text").asText())
                .contains("QCDC:2026-H1 Số liệu tính từ 15/12/2025 đến 14/6/2026",
                        "DVCQ:2025-Y Số liệu tính từ 15/12/2024 đến 14/12/2025");
    }
}
