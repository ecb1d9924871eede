package vn.haiphong.gddt.reports.store;

import vn.haiphong.gddt.reports.OnEmulators;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.LossyNetwork;
import vn.haiphong.gddt.reports.domain.Actor;
import vn.haiphong.gddt.reports.domain.Extension;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.Signature;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.store.SubmissionLedger.Notice;
import vn.haiphong.gddt.reports.store.SubmissionLedger.Owed;

/**
 * One set of rules for the ledger, held by DynamoDB (dynalite) and by the maps the rule tests use:
 * a submission is written once, read back as it was, in the order a Query gives; each notice is
 * claimed once; an inspection and a return are kept once; extensions are granted and revoked.
 */
class SubmissionLedgerContractTest {
    private static final Instant AT = Instant.parse("2025-06-08T08:21:09Z");
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Actor LAN = new Actor("nguyen-thi-lan", "Nguyễn Thị Lan — Văn phòng");
    private static final Signature AN = new Signature("Nguyễn Văn An", "Trường THPT Trần Phú", "CA thử", "1F",
            Optional.of(AT), "SHA-256", Signature.Integrity.VALID, true, Signature.Trust.UNTRUSTED,
            Signature.Revocation.NOT_CHECKED, Signature.Kind.SIGNATURE);

    abstract static class Contract {
        abstract SubmissionLedger ledger();

        final String obligation = "QCDC:2025-H1";

        Submission submission(String unit, String id, Instant at) {
            return new Submission(id, unit, obligation, "submissions/" + unit + "/" + id + "/bc.pdf", "etag", null, 1234,
                    "c2hh", "application/pdf", "Báo cáo tháng 6.pdf", at, true, Optional.empty());
        }

        static String id() {
            return UUID.randomUUID().toString().replace("-", "");
        }

        @Test
        void a_submission_is_written_once_and_read_back_as_it_was_by_its_key_and_by_its_id_alone() {
            Submission s = submission("thpt-tran-phu", id(), AT);

            assertThat(ledger().recordIfAbsent(s)).isTrue();
            assertThat(ledger().recordIfAbsent(s)).as("the same storage event again").isFalse();

            assertThat(ledger().find(obligation, "thpt-tran-phu", s.submissionId())).contains(s);
            assertThat(ledger().findById(s.submissionId())).contains(s);
            assertThat(ledger().findById("../UNITS")).as("not an id").isEmpty();
            assertThat(ledger().find(obligation, "thpt-ngo-quyen", s.submissionId())).as("another unit's key").isEmpty();
        }

        @Test
        void the_records_of_an_obligation_come_by_unit_then_id_and_one_units_records_alone() {
            Submission b2 = submission("thpt-b", "b2" + id(), AT.plusSeconds(2));
            Submission a1 = submission("thpt-a", "a1" + id(), AT.plusSeconds(3));
            Submission b1 = submission("thpt-b", "b1" + id(), AT.plusSeconds(1));
            List.of(b2, a1, b1).forEach(ledger()::recordIfAbsent);

            assertThat(ledger().records(obligation).submissions()).containsExactly(a1, b1, b2);
            assertThat(ledger().records(obligation, "thpt-b").submissions()).containsExactly(b1, b2);
            assertThat(ledger().records(obligation, "thpt-").submissions()).as("a unit id is whole, not a prefix").isEmpty();
        }

        @Test
        void a_receipt_is_owed_until_it_is_sent_and_claimed_by_one_sender_at_a_time() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger().recordIfAbsent(s);
            assertThat(owed(s)).containsExactly(Notice.RECEIPT);

            Claims.Held first = ledger().claimNotice(s, Notice.RECEIPT, AT, LEASE).orElseThrow();
            assertThat(ledger().claimNotice(s, Notice.RECEIPT, AT.plusSeconds(1), LEASE)).as("held").isEmpty();
            assertThat(ledger().records(obligation, s.unitId()).owed()).singleElement()
                    .satisfies(o -> assertThat(o.heldUntil()).contains(AT.plus(LEASE)));

            ledger().noticeSent(first, "ses-1");
            assertThat(owed(s)).isEmpty();
            assertThat(ledger().claimNotice(s, Notice.RECEIPT, AT.plus(LEASE).plusSeconds(60), LEASE))
                    .as("sent: never again").isEmpty();
        }

        @Test
        void a_claim_given_back_is_taken_at_once_and_one_that_lapsed_is_taken_over_from_its_holder() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger().recordIfAbsent(s);

            ledger().releaseNotice(ledger().claimNotice(s, Notice.RECEIPT, AT, LEASE).orElseThrow());
            Claims.Held dead = ledger().claimNotice(s, Notice.RECEIPT, AT.plusSeconds(1), LEASE).orElseThrow();
            assertThat(ledger().claimNotice(s, Notice.RECEIPT, AT.plus(LEASE), LEASE)).as("at its lapse").isEmpty();
            Claims.Held next = ledger().claimNotice(s, Notice.RECEIPT, AT.plus(LEASE).plusSeconds(2), LEASE).orElseThrow();

            assertThatThrownBy(() -> ledger().noticeSent(dead, "ses-late")).isInstanceOf(IllegalStateException.class);
            ledger().noticeClosed(next, "NO_ADDRESS");
            assertThat(owed(s)).isEmpty();
        }

        @Test
        void a_notice_of_a_submission_not_recorded_cannot_be_claimed() {
            assertThat(ledger().claimNotice(submission("thpt-tran-phu", id(), AT), Notice.RECEIPT, AT, LEASE)).isEmpty();
        }

        @Test
        void a_return_is_kept_once_and_owes_the_unit_its_notice() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger().recordIfAbsent(s);
            ledger().noticeSent(ledger().claimNotice(s, Notice.RECEIPT, AT, LEASE).orElseThrow(), "ses-1");
            Returned r = new Returned(AT.plusSeconds(3600), LAN, "Thiếu chữ ký của Hiệu trưởng");

            assertThat(ledger().markReturned(s, r, AT.plusSeconds(3600), LEASE)).isPresent();
            assertThat(ledger().markReturned(s, new Returned(AT.plusSeconds(3601), LAN, "lần hai"), AT.plusSeconds(3601), LEASE))
                    .isEmpty();

            assertThat(ledger().find(obligation, s.unitId(), s.submissionId())).contains(s.withReturned(r));
            assertThat(owed(s)).containsExactly(Notice.RETURN);
            assertThat(ledger().markReturned(submission("thpt-tran-phu", id(), AT), r, AT.plusSeconds(3600), LEASE))
                    .as("not recorded").isEmpty();
        }

        @Test
        void a_return_holds_its_notice_until_it_is_sent_or_its_claim_lapses() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger().recordIfAbsent(s);
            Instant returnedAt = AT.plusSeconds(3600);
            Claims.Held notice = ledger().markReturned(s, new Returned(returnedAt, LAN, "Thiếu chữ ký"), returnedAt, LEASE)
                    .orElseThrow();

            assertThat(ledger().claimNotice(s, Notice.RETURN, returnedAt.plusSeconds(1), LEASE)).as("held by the return")
                    .isEmpty();
            Instant lapsed = returnedAt.plus(LEASE).plusSeconds(1);
            Claims.Held takenOver = ledger().claimNotice(s, Notice.RETURN, lapsed, LEASE).orElseThrow();
            ledger().noticeSent(takenOver, "ses-2");

            assertThat(owed(s)).doesNotContain(Notice.RETURN);
            assertThatThrownBy(() -> ledger().noticeSent(notice, "ses-1")).as("the lapsed holder finishes nothing")
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void an_inspection_with_its_signatures_is_kept_once_and_read_back_as_it_was() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger().recordIfAbsent(s);
            Inspection ok = new Inspection(Inspection.Verdict.OK, List.of("macros"), Optional.empty(), List.of(AN));

            assertThat(ledger().recordInspection(s, ok, AT)).isTrue();
            assertThat(ledger().recordInspection(s, new Inspection(Inspection.Verdict.REFUSED, List.of("not-a-pdf"),
                    Optional.of("tệp không phải là PDF hợp lệ"), List.of()), AT)).as("a second inspection").isFalse();

            Submission read = ledger().find(obligation, s.unitId(), s.submissionId()).orElseThrow();
            assertThat(read.inspection()).contains(ok);
            assertThat(read.accepted()).isTrue();
        }

        @Test
        void a_refusing_inspection_refuses_the_file_and_owes_the_unit_one_refusal() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger().recordIfAbsent(s);
            Inspection refused = new Inspection(Inspection.Verdict.REFUSED, List.of("pdf-encrypted"),
                    Optional.of("tệp có mật khẩu"), List.of());

            assertThat(ledger().recordInspection(s, refused, AT)).isTrue();

            Submission read = ledger().find(obligation, s.unitId(), s.submissionId()).orElseThrow();
            assertThat(read.refusal()).contains("tệp có mật khẩu");
            assertThat(read).isEqualTo(s.withInspection(refused));
            assertThat(owed(s)).contains(Notice.INSPECTION_REFUSAL);
        }

        @Test
        void an_inspection_of_a_file_not_recorded_writes_nothing() {
            Submission s = submission("thpt-tran-phu", id(), AT);

            assertThat(ledger().recordInspection(s, new Inspection(Inspection.Verdict.OK, List.of(), Optional.empty(),
                    List.of()), AT)).isFalse();
            assertThat(ledger().find(obligation, s.unitId(), s.submissionId())).isEmpty();
        }

        @Test
        void revoking_ends_every_extension_in_force_and_answers_the_one_that_counted() {
            Instant due = AT.plus(Duration.ofDays(2));
            Extension first = new Extension(obligation, "thpt-do-son", due.plus(Duration.ofDays(5)), "bão",
                    LAN, AT, Optional.empty(), Optional.empty());
            Extension second = new Extension(obligation, "thpt-do-son", due.plus(Duration.ofDays(9)), "bão kéo dài",
                    LAN, AT.plusSeconds(60), Optional.empty(), Optional.empty());
            ledger().grant(first);
            ledger().grant(second);
            assertThat(ledger().records(obligation, "thpt-do-son").extensions()).containsExactly(first, second);

            Optional<Extension> revoked = ledger().revoke(obligation, "thpt-do-son", LAN, AT.plusSeconds(120));

            assertThat(revoked).hasValueSatisfying(e -> {
                assertThat(e.grantedAt()).isEqualTo(second.grantedAt());
                assertThat(e.revokedAt()).contains(AT.plusSeconds(120));
            });
            assertThat(ledger().records(obligation, "thpt-do-son").extensions())
                    .allSatisfy(e -> assertThat(e.inForceAt(AT.plusSeconds(121))).isFalse());
            assertThat(ledger().revoke(obligation, "thpt-do-son", LAN, AT.plusSeconds(180))).as("nothing left").isEmpty();
        }

        List<Notice> owed(Submission s) {
            return ledger().records(obligation, s.unitId()).owed().stream()
                    .filter(o -> o.submission().submissionId().equals(s.submissionId())).map(Owed::notice).toList();
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemorySubmissionLedger ledger = new InMemorySubmissionLedger();

        @Override
        SubmissionLedger ledger() {
            return ledger;
        }
    }

    @Nested
    @OnEmulators
    class OnDynamoDb extends Contract {
        private final Emulators emulators;
        private final String table;
        private final DynamoDbSubmissionLedger ledger;

        OnDynamoDb(Emulators emulators) {
            this.emulators = emulators;
            table = EmulatorClients.newTable(emulators, "ledger");
            ledger = new DynamoDbSubmissionLedger(EmulatorClients.dynamoDb(emulators), table);
        }

        @Override
        SubmissionLedger ledger() {
            return ledger;
        }

        @Test
        void a_return_whose_answer_was_lost_on_the_way_is_reported_made_and_a_later_one_still_refused() {
            Submission s = submission("thpt-tran-phu", id(), AT);
            ledger.recordIfAbsent(s);
            Returned r = new Returned(AT.plusSeconds(3600), LAN, "Thiếu chữ ký của Hiệu trưởng");

            Optional<Claims.Held> made = overALossyNetwork((network, lossy) -> {
                network.loseNextAnswerTo("DynamoDB_20120810.UpdateItem");
                return lossy.markReturned(s, r, AT.plusSeconds(3600), LEASE);
            });

            assertThat(made).isPresent();
            assertThat(ledger.markReturned(s, new Returned(AT.plusSeconds(3601), LAN, "lần hai"), AT.plusSeconds(3601), LEASE))
                    .isEmpty();
            assertThat(ledger.find(obligation, s.unitId(), s.submissionId())).contains(s.withReturned(r));
            ledger.noticeSent(made.get(), "ses-1");
            assertThat(owed(s)).as("the claim it returned is the one it holds").doesNotContain(Notice.RETURN);
        }

        @Test
        void an_extension_whose_answer_was_lost_on_the_way_is_granted_once_without_an_error() {
            Extension e = new Extension(obligation, "thpt-cat-ba", AT.plus(Duration.ofDays(9)), "bão số 3",
                    LAN, AT, Optional.empty(), Optional.empty());

            overALossyNetwork((network, lossy) -> {
                network.loseNextAnswerTo("DynamoDB_20120810.PutItem");
                lossy.grant(e);
                return null;
            });

            assertThat(ledger.records(obligation, "thpt-cat-ba").extensions()).containsExactly(e);
        }

        /** Runs {@code work} on a ledger that reaches dynalite through a {@link LossyNetwork}; checks one answer was lost. */
        private <T> T overALossyNetwork(BiFunction<LossyNetwork<DynamoDbClient>, DynamoDbSubmissionLedger, T> work) {
            try (LossyNetwork<DynamoDbClient> network = LossyNetwork.toDynamoDb(emulators)) {
                T result = work.apply(network, new DynamoDbSubmissionLedger(network.client(), table));
                assertThat(network.answersLost()).as("answers lost on the way").isEqualTo(1);
                return result;
            }
        }
    }
}
