package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.emulators.FaultyProxy;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.app.Reminders;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ReminderPlan;
import vn.haiphong.gddt.reports.domain.ReminderSchedule;
import vn.haiphong.gddt.reports.domain.ReminderStage;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.domain.WorkingDays;
import vn.haiphong.gddt.reports.mail.ReminderEmails;
import vn.haiphong.gddt.reports.mail.SesMailer;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.DynamoDbReminderClaims;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;
import vn.haiphong.gddt.reports.store.ReminderClaims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * Each reminder e-mail exactly once, whatever happens around the sweep: sweeps that overlap, a run
 * that died between claim and send, SES throttling, failing or refusing, a failed write after a send,
 * a sweep out of time, an upload between planning and sending, bounces, a unit without an address,
 * a dry run, an extension, a holiday; and the sweep keeps to the SES send rate.
 *
 * <p>Most cases run on a small world of four owing units (one with two addresses) and one
 * department of the Sở (which leads only tasks with no reminder due that day), on 11/6/2025 at 08:00: QCDC:2025-H1's D+1 (due before 10/6) and
 * DVCQ:2025-H1's D-7 of 6/6, still within the catch-up days. The sweep runs either through the
 * runner ({@code POST /_local/schedules/SendRemindersFunction}) or built as the function builds it
 * ({@link Wiring#reminders()}) with SES behind a {@link FaultyProxy}, since the runner cannot yet be
 * told to use another SES endpoint.
 */
@Order(-30)
@ExtendWith(EmulatorsExtension.class)
class ReminderExactlyOnceTest {
    private static final Instant JUNE_11 = OffsetDateTime.parse("2025-06-11T08:00:00+07:00").toInstant();
    /** SendRemindersFunction's Timeout in template.yaml: a claim lapses half a minute after it. */
    private static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(900);
    private static final String QCDC = "QCDC:2025-H1";
    private static final String DVCQ = "DVCQ:2025-H1";
    private static final String A = "thpt-ngo-quyen";
    private static final String B = "thpt-tran-phu";
    private static final String C = "gdnn-gdtx-an-lao";
    private static final String D = "phong-gddt-ngo-quyen";
    private static final String D_SECOND = "truongphong.phong-gddt-ngo-quyen@example.edu.vn";
    private static final String SMALL_WORLD = """
            id,name,category,emails
            thpt-ngo-quyen,Trường THPT Ngô Quyền,THPT,thpt-ngo-quyen@example.edu.vn
            thpt-tran-phu,Trường THPT Trần Phú,THPT,thpt-tran-phu@example.edu.vn
            gdnn-gdtx-an-lao,Trung tâm GDNN-GDTX huyện An Lão,GDNN_GDTX,gdnn-gdtx-an-lao@example.edu.vn
            phong-gddt-ngo-quyen,Phòng GDĐT quận Ngô Quyền,PHONG_GDDT,phong-gddt-ngo-quyen@example.edu.vn;truongphong.phong-gddt-ngo-quyen@example.edu.vn
            phong-ke-hoach-tai-chinh,Phòng Kế hoạch - Tài chính,PHONG_SO,phong-ke-hoach-tai-chinh@example.edu.vn
            """;
    private static final Catalog CATALOG = CatalogFile.bundled(CatalogSettings.defaults());
    private static final WorkingDays CALENDAR = WorkingDays.vietnam();

    private final Emulators emulators;
    @TempDir
    Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    ReminderExactlyOnceTest(Emulators emulators) {
        this.emulators = emulators;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    // --- overlapping sweeps, a dead run ---------------------------------------------------------

    @Test
    void sweeps_running_at_the_same_time_send_each_email_once() throws Exception {
        World w = world(JUNE_11, null);
        List<JsonNode> plan = plannedOf(w.running.sweep(true));
        assertThat(plan).hasSizeGreaterThan(100);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = List.of(
                    () -> w.running.sweep(false).get("sent").asInt(),
                    () -> w.running.sweep(false).get("sent").asInt(),
                    () -> w.sweep(w.reminders(emulators.sesEndpoint()), false).sent(),
                    () -> w.sweep(w.reminders(emulators.sesEndpoint()), false).sent());
            int sent = 0;
            List<Integer> each = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(sweeps)) {
                each.add(f.get());
                sent += f.get();
            }
            System.out.println("four overlapping sweeps sent " + each + " of " + plan.size());

            assertThat(w.copiesByKey()).as("each planned e-mail once").isEqualTo(once(keysOf(plan)));
            assertThat(sent).as("what the four sweeps say they sent").isEqualTo(plan.size());
            JsonNode later = w.running.sweep(false);
            assertThat(later.get("sent").asInt()).isZero();
            assertThat(later.get("alreadyDone").asInt()).isEqualTo(plan.size());
            assertThat(w.claimStates(QCDC, DVCQ)).containsOnlyKeys(ReminderClaims.State.SENT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_run_that_died_after_claiming_is_taken_over_once_its_invocation_would_have_ended_and_the_email_goes_out_once() {
        World w = world(JUNE_11, SMALL_WORLD);
        String stage = currentStage(QCDC, LocalDate.of(2025, 6, 11)).id();
        assertThat(stage).isEqualTo("D+1");
        // The dead run, at the start of its 900 s: its claim is written, its e-mail never sent, its claim never marked.
        assertThat(w.claims().claim(QCDC, A, stage, JUNE_11, Claims.lease(SWEEP_TIMEOUT))).isPresent();

        w.running.system.moveClockTo(JUNE_11.plus(Duration.ofMinutes(1)));
        JsonNode oneMinuteLater = w.running.sweep(false);
        assertThat(w.copiesOf(A, QCDC)).as("a claim one minute old is still held").isZero();
        assertThat(w.copiesOf(B, QCDC)).isEqualTo(1);
        assertThat(oneMinuteLater.get("alreadyDone").asInt()).isEqualTo(1);

        w.running.system.moveClockTo(JUNE_11.plus(Duration.ofMinutes(15)));
        assertThat(w.running.sweep(false).get("sent").asInt()).as("the dead run could still be sending").isZero();

        w.running.system.moveClockTo(JUNE_11.plus(Duration.ofMinutes(16)));
        JsonNode afterItsEnd = w.running.sweep(false);
        assertThat(afterItsEnd.get("sent").asInt()).as("only the dead run's e-mail").isEqualTo(1);
        assertThat(w.copiesOf(A, QCDC)).isEqualTo(1);
        assertThat(w.claims().of(QCDC).get(A + "#" + stage).state()).isEqualTo(ReminderClaims.State.SENT);

        w.running.system.moveClockTo(JUNE_11.plus(Duration.ofMinutes(30)));
        assertThat(w.running.sweep(false).get("sent").asInt()).isZero();
        assertThat(w.copiesByKey().values()).containsOnly(1);
    }

    // --- SES misbehaving ------------------------------------------------------------------------

    @Test
    void throttling_and_server_errors_that_retries_absorb_still_send_each_email_once() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        FaultyProxy ses = w.proxy();
        Reminders reminders = w.reminders(ses.endpoint());
        List<Reminders.Planned> plan = w.sweep(reminders, true).planned();
        ses.throttleNext(3).failNext(3);

        Reminders.Outcome first = w.sweep(reminders, false);

        assertThat(ses.faulted()).as("the faults were met").isEqualTo(6);
        assertThat(first.sent()).isEqualTo(plan.size());
        assertThat(first.deferred()).isZero();
        assertThat(first.errors()).isEmpty();
        assertThat(w.copiesByKey()).isEqualTo(once(keys(plan)));
        assertThat(w.sweep(reminders, false).sent()).isZero();
        assertThat(w.copiesByKey()).isEqualTo(once(keys(plan)));
    }

    @Test
    void when_ses_fails_for_a_whole_run_every_email_is_deferred_and_the_next_run_sends_each_once() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        FaultyProxy ses = w.proxy();
        Reminders reminders = w.reminders(ses.endpoint());
        List<Reminders.Planned> plan = w.sweep(reminders, true).planned();
        ses.throttleNext(4).failNext(100_000);

        Instant began = Instant.now();
        Reminders.Outcome down = w.sweep(reminders, false);
        System.out.printf("a sweep of %d e-mails with SES down took %s and %d requests%n", plan.size(),
                Duration.between(began, Instant.now()), ses.requests());

        assertThat(down.sent()).isZero();
        assertThat(down.deferred()).isEqualTo(plan.size());
        assertThat(down.errors()).isEmpty();
        assertThat(w.copiesByKey()).isEmpty();
        assertThat(w.claims().of(QCDC)).as("every claim given back").isEmpty();
        assertThat(w.claims().of(DVCQ)).isEmpty();

        ses.clearFaults();
        Reminders.Outcome next = w.sweep(reminders, false);
        assertThat(next.sent()).isEqualTo(plan.size());
        assertThat(w.copiesByKey()).isEqualTo(once(keys(plan)));
        assertThat(w.sweep(reminders, false).sent()).isZero();
        assertThat(w.copiesByKey()).isEqualTo(once(keys(plan)));
    }

    @Test
    void partial_failures_some_emails_deferred_some_sent_and_after_the_next_run_each_exactly_once() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        FaultyProxy ses = w.proxy();
        Reminders reminders = w.reminders(ses.endpoint());
        List<Reminders.Planned> plan = w.sweep(reminders, true).planned();
        ses.throttleNext(10).failNext(30);

        Reminders.Outcome first = w.sweep(reminders, false);
        ses.clearFaults();
        Reminders.Outcome second = w.sweep(reminders, false);

        assertThat(first.sent() + first.deferred()).isEqualTo(plan.size());
        assertThat(second.sent()).as("the next run sends what the first deferred").isEqualTo(first.deferred());
        assertThat(w.copiesByKey()).isEqualTo(once(keys(plan)));
    }

    @Test
    void a_refused_address_is_recorded_failed_never_retried_and_the_others_are_still_sent() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        FaultyProxy ses = w.proxy();
        Reminders reminders = w.reminders(ses.endpoint());
        List<Reminders.Planned> plan = w.sweep(reminders, true).planned();
        ses.rejectAddress(B + "@example.edu.vn");

        Reminders.Outcome outcome = w.sweep(reminders, false);

        assertThat(outcome.failed()).isEqualTo(2);
        assertThat(outcome.problems()).hasSize(2).allMatch(p -> p.contains(B) && p.contains("refused"));
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.sent()).isEqualTo(plan.size() - 2);
        Map<String, ReminderClaims.Claim> qcdc = w.claims().of(QCDC);
        assertThat(qcdc.get(B + "#D+1").state()).isEqualTo(ReminderClaims.State.FAILED);
        assertThat(w.claims().of(DVCQ).get(B + "#D-7").state()).isEqualTo(ReminderClaims.State.FAILED);
        assertThat(qcdc.get(A + "#D+1").state()).isEqualTo(ReminderClaims.State.SENT);
        assertThat(w.copiesOf(B, QCDC) + w.copiesOf(B, DVCQ)).isZero();
        assertThat(w.copiesOf(A, QCDC)).isEqualTo(1);
        assertThat(w.copiesOf(D, DVCQ)).isEqualTo(1);

        int requests = ses.requests();
        Reminders.Outcome again = w.sweep(reminders, false);
        assertThat(again.failed() + again.sent()).as("a refusal is final").isZero();
        assertThat(ses.requests()).isEqualTo(requests);
    }

    @Test
    void the_sweep_keeps_to_the_ses_send_rate() {
        World w = world(JUNE_11, SMALL_WORLD, Map.of("ReminderSendRate", "4"));
        int planned = plannedOf(w.running.sweep(true)).size();

        Instant began = Instant.now();
        JsonNode outcome = w.running.sweep(false);
        Duration took = Duration.between(began, Instant.now());

        assertThat(outcome.get("sent").asInt()).isEqualTo(planned).isEqualTo(9);
        assertThat(took).as("%d e-mails at 4 a second: at least %d intervals of 250 ms", planned, planned - 1)
                .isGreaterThanOrEqualTo(Duration.ofMillis(250L * (planned - 1)));
    }

    @Test
    void a_sweep_that_runs_out_of_time_leaves_the_rest_to_the_next_run_and_nothing_goes_twice() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        Reminders reminders = w.reminders(emulators.sesEndpoint());
        List<Reminders.Planned> plan = w.sweep(reminders, true).planned();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        Reminders.Outcome first = reminders.sweep(false, () -> asked.incrementAndGet() <= 3);
        Reminders.Outcome second = w.sweep(reminders, false);

        assertThat(first.stoppedEarly()).isTrue();
        assertThat(first.sent()).isLessThan(plan.size());
        assertThat(first.sent() + second.sent()).isEqualTo(plan.size());
        assertThat(second.stoppedEarly()).isFalse();
        assertThat(w.copiesByKey()).isEqualTo(once(keys(plan)));
    }

    @Test
    void an_email_that_ses_accepted_is_not_sent_again_when_recording_it_fails() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        AtomicBoolean failedOnce = new AtomicBoolean();
        ReminderClaims flaky = intercept(ReminderClaims.class, w.claims(), (method, args) -> {
            if (method.getName().equals("markSent") && ((Claims.Held) args[0]).sk().startsWith("UNIT#" + A + "#")
                    && failedOnce.compareAndSet(false, true)) {
                throw ProvisionedThroughputExceededException.builder()
                        .message("The level of configured provisioned throughput for the table was exceeded.").build();
            }
            return null;
        });
        Reminders reminders = w.reminders(emulators.sesEndpoint(), w.ledger(), flaky);

        Reminders.Outcome outcome = w.sweep(reminders, false);

        assertThat(failedOnce).as("the table refused once").isTrue();
        assertThat(w.copiesOf(A, QCDC))
                .as("SES accepted A's QCDC reminder; a failure to record that must not send it again (sent: %s)", outcome.sent())
                .isEqualTo(1);
    }

    // --- the unit's state changing under the sweep ----------------------------------------------

    @Test
    void a_unit_that_submitted_after_the_sweep_planned_gets_nothing_and_its_claim_ends_skipped() throws Exception {
        World w = world(JUNE_11, SMALL_WORLD);
        LocalSystem.SessionUnit a = w.unit(A);
        w.running.upload(a.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("A late"));
        w.running.awaitSubmissions(a.token(), QCDC, 1);
        // The planning read (whole obligation) is from before the upload; the read before the send is fresh.
        SubmissionLedger planningBeforeTheUpload = intercept(SubmissionLedger.class, w.ledger(), (method, args) -> {
            if (method.getName().equals("records") && args.length == 1) {
                SubmissionLedger.Records all = w.ledger().records((String) args[0]);
                return new SubmissionLedger.Records(
                        all.submissions().stream().filter(s -> !s.unitId().equals(A)).toList(), all.extensions());
            }
            return null;
        });
        Reminders reminders = w.reminders(emulators.sesEndpoint(), planningBeforeTheUpload, w.claims());

        Reminders.Outcome outcome = w.sweep(reminders, false);

        assertThat(outcome.skippedSubmitted()).isEqualTo(1);
        assertThat(w.copiesOf(A, QCDC)).isZero();
        assertThat(w.copiesOf(A, DVCQ)).as("still owes DVCQ").isEqualTo(1);
        assertThat(w.copiesOf(B, QCDC)).isEqualTo(1);
        assertThat(w.claims().of(QCDC).get(A + "#D+1").state()).isEqualTo(ReminderClaims.State.SKIPPED);
    }

    @Test
    void a_stale_claim_of_a_unit_that_has_since_submitted_sends_nothing() {
        World w = world(JUNE_11, SMALL_WORLD);
        LocalSystem.SessionUnit a = w.unit(A);
        w.running.system.moveClockTo(JUNE_11.minus(Duration.ofMinutes(20)));
        assertThat(w.claims().claim(QCDC, A, "D+1", w.running.system.clock().instant(), Claims.lease(SWEEP_TIMEOUT)))
                .isPresent();
        w.running.upload(a.token(), QCDC, "bao-cao.pdf", "application/pdf", Running.pdf("A after the dead run"));
        w.running.awaitSubmissions(a.token(), QCDC, 1);
        w.running.system.moveClockTo(JUNE_11);

        JsonNode outcome = w.running.sweep(false);

        assertThat(w.copiesOf(A, QCDC)).isZero();
        assertThat(w.copiesOf(B, QCDC)).isEqualTo(1);
        assertThat(outcome.get("errors")).isEmpty();
        // The sweep does not plan a unit that has submitted, so the dead run's claim is left as it was.
        assertThat(w.claims().of(QCDC).get(A + "#D+1").state()).isIn(ReminderClaims.State.CLAIMED, ReminderClaims.State.SKIPPED);
    }

    // --- dry run ----------------------------------------------------------------------------------

    @Test
    void a_dry_run_sends_nothing_writes_no_claim_and_plans_exactly_what_the_sweep_then_sends() {
        World w = world(JUNE_11, SMALL_WORLD);

        JsonNode dry = w.running.sweep(true);

        List<JsonNode> plan = plannedOf(dry);
        assertThat(plan).extracting(p -> p.get("obligation").asText() + " " + p.get("unit").asText() + " "
                + p.get("stage").asText() + " " + p.get("sendOn").asText()).containsExactlyInAnyOrder(
                QCDC + " " + A + " D+1 2025-06-11", QCDC + " " + B + " D+1 2025-06-11", QCDC + " " + C + " D+1 2025-06-11",
                QCDC + " " + D + " D+1 2025-06-11", QCDC + " _digest DIGEST-2025-06-11 2025-06-11",
                DVCQ + " " + A + " D-7 2025-06-06", DVCQ + " " + B + " D-7 2025-06-06", DVCQ + " " + C + " D-7 2025-06-06",
                DVCQ + " " + D + " D-7 2025-06-06");
        assertThat(dry.get("sent").asInt()).isZero();
        assertThat(w.emails()).isEmpty();
        assertThat(w.claims().of(QCDC)).isEmpty();
        assertThat(w.claims().of(DVCQ)).isEmpty();

        JsonNode real = w.running.sweep(false);
        assertThat(real.get("sent").asInt()).isEqualTo(plan.size());
        assertThat(w.copiesByKey()).isEqualTo(once(keysOf(plan)));
    }

    @Test
    void a_dry_run_plans_only_what_a_sweep_would_send_now_not_what_was_sent_already_nor_to_bounced_addresses() {
        World w = world(JUNE_11, SMALL_WORLD);
        assertThat(w.running.publish("SesFeedbackTopic", bounce(A + "@example.edu.vn", "Permanent")).statusCode()).isEqualTo(200);
        JsonNode real = w.running.sweep(false);
        assertThat(real.get("sent").asInt()).isEqualTo(7);

        JsonNode dry = w.running.sweep(true);

        List<JsonNode> plan = plannedOf(dry);
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(plan).as("a sweep now would send nothing: what was due today went out already")
                    .filteredOn(p -> !p.get("unit").asText().equals(A)).isEmpty();
            soft.assertThat(plan).as("nothing planned to the bounced address")
                    .noneMatch(p -> p.get("to").toString().contains(A + "@"));
            soft.assertThat(dry.get("unreachable")).as("the bounced unit is unreachable in the dry run as in the sweep")
                    .extracting(JsonNode::asText).contains(A);
        });
    }

    // --- addresses --------------------------------------------------------------------------------

    @Test
    void a_unit_without_an_address_is_reported_unreachable_and_the_sweep_goes_on() {
        World w = world(JUNE_11, SMALL_WORLD + "trung-tam-chua-co-dia-chi,Trung tâm Giáo dục thường xuyên Hải Phòng,TRUC_THUOC,\n");

        JsonNode outcome = w.running.sweep(false);

        assertThat(outcome.get("errors")).isEmpty();
        assertThat(outcome.get("unreachable")).extracting(JsonNode::asText).contains("trung-tam-chua-co-dia-chi");
        assertThat(outcome.get("notReached").asInt()).isEqualTo(2);
        assertThat(outcome.get("sent").asInt()).isEqualTo(9);
        JsonNode digest = w.emails().stream().filter(e -> e.get("subject").asText().startsWith("Tổng hợp báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở")).findFirst().orElseThrow();
        assertThat(digest.at("/body/text").asText())
                .contains("- Trung tâm Giáo dục thường xuyên Hải Phòng — Quá hạn – chưa nộp — chưa có địa chỉ e-mail");
    }

    @Test
    void a_bounced_or_complained_address_is_never_written_to_again() {
        World w = world(JUNE_11, SMALL_WORLD);
        // SES event publishing (eventType) and identity notifications (notificationType) both arrive.
        assertThat(w.running.publish("SesFeedbackTopic", bounce(A + "@example.edu.vn", "Permanent")).statusCode()).isEqualTo(200);
        assertThat(w.running.publish("SesFeedbackTopic", bounce(A + "@example.edu.vn", "Permanent")).statusCode()).isEqualTo(200);
        assertThat(w.running.publish("SesFeedbackTopic", bounce(B + "@example.edu.vn", "Transient")).statusCode()).isEqualTo(200);
        assertThat(w.running.publish("SesFeedbackTopic", complaint(C + "@example.edu.vn")).statusCode()).isEqualTo(200);
        assertThat(w.running.publish("SesFeedbackTopic", bounce("TruongPhong.Phong-GDDT-Ngo-Quyen@Example.edu.vn", "Permanent")
                .replace("\"eventType\"", "\"notificationType\"")).statusCode()).isEqualTo(200);

        JsonNode outcome = w.running.sweep(false);

        assertThat(outcome.get("errors")).isEmpty();
        assertThat(outcome.get("unreachable")).extracting(JsonNode::asText).containsOnly(A, C);
        assertThat(outcome.get("notReached").asInt()).isEqualTo(4);
        assertThat(w.copiesOf(A, QCDC) + w.copiesOf(A, DVCQ) + w.copiesOf(C, QCDC) + w.copiesOf(C, DVCQ)).isZero();
        assertThat(w.copiesOf(B, QCDC)).as("a transient bounce suppresses nothing").isEqualTo(1);
        List<JsonNode> toD = w.emails().stream().filter(e -> e.at("/body/text").asText().contains("Phòng GDĐT quận Ngô Quyền,")).toList();
        assertThat(toD).hasSize(2).allSatisfy(e -> assertThat(e.at("/destination/to")).extracting(JsonNode::asText)
                .containsExactly(D + "@example.edu.vn"));
        assertThat(w.emails()).noneMatch(e -> e.at("/destination/to").toString().toLowerCase().contains(D_SECOND));
    }

    @Test
    void a_bounced_department_address_gets_no_digest_either() {
        World w = world(JUNE_11, SMALL_WORLD);
        assertThat(w.running.publish("SesFeedbackTopic", bounce("tccb@example.edu.vn", "Permanent")).statusCode()).isEqualTo(200);

        JsonNode outcome = w.running.sweep(false);

        assertThat(outcome.get("errors")).isEmpty();
        assertThat(w.emails()).as("\"never written to again\" (RecordSesFeedbackHandler)")
                .noneMatch(e -> e.at("/destination/to").toString().contains("tccb@example.edu.vn"));
    }

    // --- extensions -------------------------------------------------------------------------------

    @Test
    void a_unit_granted_an_extension_is_reminded_before_and_after_its_new_deadline() {
        World w = world(OffsetDateTime.parse("2025-06-03T07:00:00+07:00").toInstant(), SMALL_WORLD);
        String office = w.running.system.officeToken("*", "truong-phong-tccb");
        Map<LocalDate, List<String>> toA = new TreeMap<>();
        List<LocalDate> before = List.of(LocalDate.of(2025, 6, 3), LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 9),
                LocalDate.of(2025, 6, 11));
        List<LocalDate> after = List.of(LocalDate.of(2025, 6, 24), LocalDate.of(2025, 6, 27), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 2));
        for (LocalDate day : before) {
            morning(w, day, A, QCDC, toA);
        }
        w.running.system.moveClockTo(OffsetDateTime.parse("2025-06-12T09:00:00+07:00").toInstant());
        // Until the end of 30/6: D = 1/7, L = 30/6; D-7 24/6, D-3 28/6 (Saturday) -> 27/6, D-1 30/6, D+1 2/7.
        assertThat(extend(w, office, QCDC, A, "2025-06-30").statusCode()).isEqualTo(200);
        Obligation qcdc = CATALOG.find(QCDC).orElseThrow();
        assertThat(ReminderPlan.stages(qcdc, vn(LocalDate.of(2025, 7, 1)), ReminderSchedule.defaults(), CALENDAR))
                .filteredOn(s -> !s.id().equals("OPEN")).extracting(ReminderStage::sendOn).startsWith(after.toArray(LocalDate[]::new));
        for (LocalDate day : after) {
            morning(w, day, A, QCDC, toA);
        }

        assertThat(toA.keySet()).as("the four reminders of the original deadline").containsAll(before);
        assertThat(toA).as("the reminders of the extended deadline, whose stage ids (D-7, D-3, D-1, D+1) were"
                + " used up by the original deadline's").containsAllEntriesOf(Map.of(
                LocalDate.of(2025, 6, 24), List.of("Nhắc nộp báo cáo: còn 6 ngày — Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở"),
                LocalDate.of(2025, 6, 27), List.of("Nhắc nộp báo cáo: còn 3 ngày — Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở"),
                LocalDate.of(2025, 6, 30), List.of("Hôm nay là ngày cuối nộp báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở"),
                LocalDate.of(2025, 7, 2), List.of("Quá hạn 2 ngày: Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở — đề nghị nộp ngay")));
    }

    /** The 08:00 sweep of {@code day}: the reminders and digests it sent. */
    private static List<JsonNode> morning(World w, LocalDate day) {
        w.running.system.moveClockTo(day.atTime(LocalTime.of(8, 0)).atZone(VietnamTime.ZONE).toInstant());
        Instant sweepStarted = Instant.now();
        JsonNode outcome = w.running.sweep(false);
        assertThat(outcome.get("errors")).as("errors on %s", day).isEmpty();
        List<JsonNode> sent = new ArrayList<>();
        for (JsonNode e : w.running.reminderEmailsSince(sweepStarted.minusSeconds(1))) {
            if (!w.earlier.contains(e.get("messageId").asText()) && w.seen.add(e.get("messageId").asText() + " " + e.get("destination") + " " + e.get("subject").asText())) {
                sent.add(e);
            }
        }
        return sent;
    }

    private static void morning(World w, LocalDate day, String unit, String obligation, Map<LocalDate, List<String>> into) {
        collect(morning(w, day), day, unit, obligation, into);
    }

    /** The subjects of the reminders of {@code obligation} to {@code unit} among {@code emails}, under {@code day}. */
    private static void collect(List<JsonNode> emails, LocalDate day, String unit, String obligation,
                                Map<LocalDate, List<String>> into) {
        for (JsonNode e : emails) {
            if (isReminder(e, unit, obligation)) {
                into.computeIfAbsent(day, k -> new ArrayList<>()).add(e.get("subject").asText());
            }
        }
    }

    // --- holidays ---------------------------------------------------------------------------------

    @Test
    void a_stage_that_falls_on_national_day_2_9_goes_out_on_the_working_day_the_plan_says() {
        Instant start = OffsetDateTime.parse("2025-08-27T07:00:00+07:00").toInstant();
        World w = world(start, SMALL_WORLD);
        String office = w.running.system.officeToken("*", "chanh-van-phong");
        // A: QCDC until the end of 8/9 -> D = 9/9, D-7 = 2/9 (Quốc khánh) -> Friday 29/8, before the long weekend.
        // B: DVCQ until the end of 31/8 -> D = 1/9, D+1 = 2/9 -> Wednesday 3/9, the first working day after.
        assertThat(extend(w, office, QCDC, A, "2025-09-08").statusCode()).isEqualTo(200);
        assertThat(extend(w, office, DVCQ, B, "2025-08-31").statusCode()).isEqualTo(200);
        Obligation qcdc = CATALOG.find(QCDC).orElseThrow();
        Obligation dvcq = CATALOG.find(DVCQ).orElseThrow();
        assertThat(ReminderPlan.stages(qcdc, vn(LocalDate.of(2025, 9, 9)), ReminderSchedule.defaults(), CALENDAR))
                .filteredOn(s -> s.id().equals("D-7")).extracting(ReminderStage::sendOn).containsExactly(LocalDate.of(2025, 8, 29));
        assertThat(ReminderPlan.stages(dvcq, vn(LocalDate.of(2025, 9, 1)), ReminderSchedule.defaults(), CALENDAR))
                .filteredOn(s -> s.id().equals("D+1")).extracting(ReminderStage::sendOn).containsExactly(LocalDate.of(2025, 9, 3));

        Map<LocalDate, List<String>> toA = new TreeMap<>();
        Map<LocalDate, List<String>> toB = new TreeMap<>();
        for (LocalDate day = LocalDate.of(2025, 8, 27); !day.isAfter(LocalDate.of(2025, 9, 4)); day = day.plusDays(1)) {
            List<JsonNode> sent = morning(w, day);
            collect(sent, day, A, QCDC, toA);
            collect(sent, day, B, DVCQ, toB);
        }

        assertThat(toA).containsExactly(Map.entry(LocalDate.of(2025, 8, 29),
                List.of("Nhắc nộp báo cáo: còn 10 ngày — Báo cáo 6 tháng kết quả thực hiện quy chế dân chủ ở cơ sở")));
        assertThat(toB).as("D-7 of 25/8 caught up on 27/8, D-1 of Sunday 31/8 on Friday 29/8, D+1 of 2/9 on 3/9").containsExactly(
                Map.entry(LocalDate.of(2025, 8, 27),
                        List.of("Nhắc nộp báo cáo: còn 4 ngày — Báo cáo 6 tháng kết quả thực hiện công tác dân vận của chính quyền")),
                Map.entry(LocalDate.of(2025, 8, 29),
                        List.of("Nhắc nộp báo cáo: còn 2 ngày — Báo cáo 6 tháng kết quả thực hiện công tác dân vận của chính quyền")),
                Map.entry(LocalDate.of(2025, 9, 3),
                        List.of("Quá hạn 3 ngày: Báo cáo 6 tháng kết quả thực hiện công tác dân vận của chính quyền — đề nghị nộp ngay")));
    }

    // --- the world --------------------------------------------------------------------------------

    /** A running system of its own (its own table, port and so base URL), with the keys it signs links with. */
    private World world(Instant clock, String unitsCsv) {
        return world(clock, unitsCsv, Map.of("ReminderSendRate", "1000"));
    }

    private World world(Instant clock, String unitsCsv, Map<String, String> parameters) {
        try {
            Path csv = null;
            if (unitsCsv != null) {
                csv = Files.writeString(Files.createTempFile(dir, "units", ".csv"), unitsCsv, StandardCharsets.UTF_8);
            }
            Path data = Files.createTempDirectory(dir, "data");
            Instant since = Instant.now().minusSeconds(1);
            Running running = Running.start(emulators, clock, parameters, csv, data);
            opened.add(running);
            return new World(running, Running.tokenKeys(data), since);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final class World {
        final Running running;
        final String tokenKeys;
        final Instant since;
        final java.util.Set<String> seen = new java.util.HashSet<>();
        private final AwsClients aws;

        /** E-mails already in the shared store: an earlier world may have had this one's port and day. */
        private final java.util.Set<String> earlier = new java.util.HashSet<>();

        World(Running running, String tokenKeys, Instant since) {
            this.running = running;
            this.tokenKeys = tokenKeys;
            this.since = since;
            this.aws = running.aws();
            running.sesEmailsSince(since).forEach(e -> earlier.add(e.path("messageId").asText()));
        }

        FaultyProxy proxy() {
            FaultyProxy proxy = FaultyProxy.start(emulators.sesEndpoint());
            opened.add(0, proxy);
            return proxy;
        }

        String table() {
            return running.system.physicalName("ReportsTable");
        }

        DynamoDbReminderClaims claims() {
            return new DynamoDbReminderClaims(aws.dynamoDb(), table());
        }

        SubmissionLedger ledger() {
            return new DynamoDbSubmissionLedger(aws.dynamoDb(), table());
        }

        /** The sweep exactly as the function wires it, with SES at {@code ses}. */
        Reminders reminders(URI ses) {
            return new Wiring(new Env(running.reminderEnvironment(tokenKeys, ses, Map.of())), running.system.clock()).reminders();
        }

        /** The same sweep on a ledger and claims of the test's choosing. */
        Reminders reminders(URI ses, SubmissionLedger ledger, ReminderClaims claims) {
            Map<String, String> env = running.reminderEnvironment(tokenKeys, ses, Map.of());
            AwsClients clients = new AwsClients(new Env(env));
            Clock clock = running.system.clock();
            Reminders.Settings settings = new Reminders.Settings(Map.of(),
                    Map.of("TCCB", "tccb@example.edu.vn", "VP", "van-phong@example.edu.vn"), 1000, 8, Duration.ofDays(60),
                    Duration.ofMillis(250));
            return new Reminders(CATALOG, new DynamoDbUnitDirectory(clients.dynamoDb(), table()), ledger, claims,
                    new SesMailer(clients.ses(), "bao-cao@example.edu.vn", null),
                    new ReminderEmails(running.system.baseUrl().toString()),
                    new CapabilityTokens(TokenKeys.parse(tokenKeys)), CALENDAR, settings, clock);
        }

        Reminders.Outcome sweep(Reminders reminders, boolean dryRun) throws InterruptedException {
            return reminders.sweep(dryRun, () -> true);
        }

        LocalSystem.SessionUnit unit(String id) {
            return running.system.units().stream().filter(u -> u.unit().equals(id)).findFirst().orElseThrow();
        }

        /** Reminders and digests this system sent since it started. */
        List<JsonNode> emails() {
            return running.reminderEmailsSince(since).stream()
                    .filter(e -> !earlier.contains(e.path("messageId").asText())).toList();
        }

        /** "addresses obligation" -> how many e-mails went out for it. */
        Map<String, Integer> copiesByKey() {
            Map<String, Integer> copies = new TreeMap<>();
            emails().forEach(e -> copies.merge(keyOf(e), 1, Integer::sum));
            return copies;
        }

        int copiesOf(String unitId, String obligation) {
            return copiesByKey().getOrDefault(String.join(",", unit(unitId).emails()) + " " + obligation, 0);
        }

        Map<ReminderClaims.State, Long> claimStates(String... obligations) {
            Map<ReminderClaims.State, Long> states = new LinkedHashMap<>();
            for (String o : obligations) {
                claims().of(o).values().forEach(c -> states.merge(c.state(), 1L, Long::sum));
            }
            return states;
        }
    }

    private static HttpResponse<String> extend(World w, String office, String obligation, String unit, String until) {
        return Running.send(w.running.officeRequest("PUT", "/v1/extensions/" + obligation + "/" + unit, office,
                ExtensionsApiTest.body(until, "Trường phục vụ kỳ thi tốt nghiệp, xin lùi hạn")));
    }

    private static Instant vn(LocalDate startOfDay) {
        return VietnamTime.startOf(startOfDay);
    }

    private static ReminderStage currentStage(String obligation, LocalDate day) {
        Obligation o = CATALOG.find(obligation).orElseThrow();
        return ReminderPlan.dueOn(ReminderPlan.stages(o, o.due(), ReminderSchedule.defaults(), CALENDAR), day).orElseThrow();
    }

    private static boolean isReminder(JsonNode email, String unitId, String obligation) {
        return email.at("/destination/to").toString().contains(unitId + "@") && obligationOf(email).equals(obligation);
    }

    /** Recipients and obligation of a reminder or digest: at most one a day each. */
    private static String keyOf(JsonNode email) {
        List<String> to = new ArrayList<>();
        email.at("/destination/to").forEach(a -> to.add(a.asText()));
        return String.join(",", to) + " " + obligationOf(email);
    }

    private static String obligationOf(JsonNode email) {
        String subject = email.get("subject").asText();
        String text = email.at("/body/text").asText();
        for (int year : new int[] {2024, 2025}) {
            for (Obligation o : CATALOG.obligationsOf(year)) {
                boolean digest = subject.startsWith("Tổng hợp " + Character.toLowerCase(o.name().charAt(0)) + o.name().substring(1) + ":");
                String period = o.task().map(t -> t.timeFrame().text()).orElse(o.period().text());
                boolean reminder = text.contains("- Báo cáo: " + o.title() + "\n") && text.contains("- Kỳ báo cáo: " + period + "\n");
                if (digest || reminder) {
                    return o.id();
                }
            }
        }
        throw new AssertionError("an e-mail about no known obligation: " + subject);
    }

    private static List<String> keys(List<Reminders.Planned> plan) {
        return plan.stream().map(p -> String.join(",", p.to()) + " " + p.obligation()).toList();
    }

    private static List<JsonNode> plannedOf(JsonNode outcome) {
        List<JsonNode> plan = new ArrayList<>();
        outcome.get("planned").forEach(plan::add);
        return plan;
    }

    private static List<String> keysOf(List<JsonNode> plan) {
        return plan.stream().map(p -> {
            List<String> to = new ArrayList<>();
            p.get("to").forEach(a -> to.add(a.asText()));
            return String.join(",", to) + " " + p.get("obligation").asText();
        }).toList();
    }

    private static Map<String, Integer> once(List<String> keys) {
        assertThat(keys).doesNotHaveDuplicates();
        return keys.stream().collect(Collectors.toMap(k -> k, k -> 1, (a, b) -> a, TreeMap::new));
    }

    /** SES's bounce notification (event publishing), as SNS delivers it to RecordSesFeedbackFunction. */
    static String bounce(String address, String type) {
        return """
                {"eventType":"Bounce","bounce":{"feedbackId":"0100019a-bounce","bounceType":"%s","bounceSubType":"General",\
                "bouncedRecipients":[{"emailAddress":"%s","action":"failed","status":"5.1.1",\
                "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"timestamp":"2025-06-10T03:00:00.000Z",\
                "reportingMTA":"dns; amazonses.com"},"mail":{"timestamp":"2025-06-10T02:59:58.000Z",\
                "source":"bao-cao@example.edu.vn","messageId":"0100019a-mail","destination":["%s"]}}"""
                .formatted(type, address, address);
    }

    static String complaint(String address) {
        return """
                {"eventType":"Complaint","complaint":{"feedbackId":"0100019a-complaint","complaintFeedbackType":"abuse",\
                "complainedRecipients":[{"emailAddress":"%s"}],"timestamp":"2025-06-10T03:00:00.000Z"},\
                "mail":{"timestamp":"2025-06-10T02:59:58.000Z","source":"bao-cao@example.edu.vn",\
                "messageId":"0100019a-mail","destination":["%s"]}}""".formatted(address, address);
    }

    /**
     * {@code target} with some calls answered by {@code override} (null = call through): a ledger
     * whose view is older, claims whose write fails once.
     */
    @SuppressWarnings("unchecked")
    static <T> T intercept(Class<T> type, T target, BiFunction<Method, Object[], Object> override) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object[] a = args == null ? new Object[0] : args;
            Object answer = override.apply(method, a);
            if (answer != null) {
                return answer;
            }
            try {
                return method.invoke(target, a);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
