package vn.haiphong.gddt.reports.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;
import vn.haiphong.gddt.reports.domain.Submission;

/** An inspection kept on its submission's item, on dynalite: once, and a refusing one refuses the file in the same write. */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbSubmissionInspectionTest {
    private static final Instant AT = Instant.parse("2025-06-08T08:21:09Z");
    private static final Signature AN = new Signature("Nguyễn Văn An", "Trường THPT Trần Phú", "CA thử", "1F",
            Optional.of(AT), "SHA-256", Signature.Integrity.VALID, true, Signature.Trust.UNTRUSTED,
            Signature.Revocation.NOT_CHECKED, Signature.Kind.SIGNATURE);

    private DynamoDbClient dynamo;
    private DynamoDbSubmissionLedger ledger;

    @BeforeAll
    void createTable(Emulators emulators) {
        dynamo = EmulatorClients.of(emulators).dynamoDb();
        ledger = new DynamoDbSubmissionLedger(dynamo, EmulatorClients.newTable(dynamo, "inspections"));
    }

    @AfterAll
    void close() {
        dynamo.close();
    }

    private static Submission submission(String id) {
        return new Submission(id, "thpt-tran-phu", "QCDC:2025-H1", "submissions/2025/QCDC/2025-H1/thpt-tran-phu/" + id + "/bc.pdf",
                "etag", null, 1234, "sha", "application/pdf", "Báo cáo.pdf", AT, true, Optional.empty());
    }

    @Test
    void an_inspection_with_its_signatures_is_kept_once_and_read_back_as_it_was() {
        Submission s = submission("aaaa0001");
        ledger.recordIfAbsent(s);
        Inspection ok = new Inspection(Inspection.Verdict.OK, List.of("macros"), Optional.empty(), List.of(AN));

        assertThat(ledger.recordInspection(s, ok, AT)).isTrue();
        assertThat(ledger.recordInspection(s, new Inspection(Inspection.Verdict.REFUSED, List.of("not-a-pdf"),
                Optional.of("tệp không phải là PDF hợp lệ"), List.of()), AT)).as("a second inspection").isFalse();

        Submission read = ledger.find(s.obligationId(), s.unitId(), s.submissionId()).orElseThrow();
        assertThat(read.inspection()).contains(ok);
        assertThat(read.accepted()).isTrue();
    }

    @Test
    void a_refusing_inspection_refuses_the_file_and_owes_the_unit_one_refusal() {
        Submission s = submission("aaaa0002");
        ledger.recordIfAbsent(s);
        Inspection refused = new Inspection(Inspection.Verdict.REFUSED, List.of("pdf-encrypted"), Optional.of("tệp có mật khẩu"),
                List.of());

        assertThat(ledger.recordInspection(s, refused, AT)).isTrue();

        Submission read = ledger.find(s.obligationId(), s.unitId(), s.submissionId()).orElseThrow();
        assertThat(read.refusal()).contains("tệp có mật khẩu");
        assertThat(read).isEqualTo(s.withInspection(refused));
        assertThat(ledger.records(s.obligationId(), s.unitId()).owed())
                .filteredOn(o -> o.submission().submissionId().equals("aaaa0002"))
                .extracting(SubmissionLedger.Owed::notice)
                .contains(SubmissionLedger.Notice.INSPECTION_REFUSAL);
    }

    @Test
    void an_inspection_of_a_file_not_recorded_writes_nothing() {
        Submission s = submission("aaaa0003");

        assertThat(ledger.recordInspection(s, new Inspection(Inspection.Verdict.OK, List.of(), Optional.empty(), List.of()), AT))
                .isFalse();
        assertThat(ledger.find(s.obligationId(), s.unitId(), s.submissionId())).isEmpty();
    }
}
