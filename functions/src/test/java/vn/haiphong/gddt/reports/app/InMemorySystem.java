package vn.haiphong.gddt.reports.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.InMemoryPorts;
import vn.haiphong.gddt.reports.Wiring;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.files.InMemorySubmissionFiles;
import vn.haiphong.gddt.reports.mail.InMemoryMailer;
import vn.haiphong.gddt.reports.store.InMemoryReminderClaims;
import vn.haiphong.gddt.reports.store.InMemorySubmissionLedger;
import vn.haiphong.gddt.reports.store.InMemoryUnitDirectory;
import vn.haiphong.gddt.reports.Digests;

/**
 * The use cases as Wiring builds them, on the in-memory ports (each held to its adapter's contract)
 * and a clock the test moves: the rules of uploads, returns, extensions, reminders and the status run in
 * milliseconds, with no emulator. Sample units write to {@code example.edu.vn} only.
 */
final class InMemorySystem {
    static final Unit TRAN_PHU = new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
            List.of("van-thu@thpt-tran-phu.example.edu.vn"), 1);
    static final Unit NGO_QUYEN = new Unit("thpt-ngo-quyen", "Trường THPT Ngô Quyền", UnitCategory.THPT,
            List.of("van-thu@thpt-ngo-quyen.example.edu.vn"), 1);
    static final Unit DO_SON = new Unit("phong-gddt-do-son", "Phòng GDĐT quận Đồ Sơn", UnitCategory.PHONG_GDDT,
            List.of("phong-gddt@do-son.example.edu.vn"), 1);
    static final Unit VAN_PHONG = new Unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO,
            List.of("van-phong@example.edu.vn"), 1);

    final SettableClock clock;
    /** The Office's clerk, with a token for the whole Sở. */
    final OfficeToken office;
    final InMemoryPorts ports = new InMemoryPorts();
    final Wiring wiring;
    final Catalog catalog;
    final InMemoryUnitDirectory units = ports.units();
    final InMemorySubmissionLedger ledger = ports.ledger();
    final InMemorySubmissionFiles files = ports.files();
    final InMemoryReminderClaims claims = ports.reminderClaims();
    final InMemoryMailer mailer = ports.mailer();

    /** @param now as people here write it: {@code 2026-11-30T09:00:00+07:00} */
    InMemorySystem(String now) {
        clock = new SettableClock(at(now));
        office = OfficeToken.issue("aaaaaaaaaaaaaaa2", "*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", clock.instant(),
                Duration.ofDays(90));
        wiring = new Wiring(new Env(Map.of("PUBLIC_BASE_URL", "https://baocao.example.edu.vn",
                "RECEIVER_EMAILS", "TCCB=tccb@example.edu.vn;VP=van-phong@example.edu.vn",
                "REMINDER_SEND_RATE", "10000", "REMINDER_PARALLELISM", "8",
                // The rules of retrying, not its real-time pauses: a mail service down is tried again at once.
                "REMINDER_RETRY_PAUSE_MS", "0")), clock, ports);
        catalog = wiring.catalog();
        List.of(TRAN_PHU, NGO_QUYEN, DO_SON, VAN_PHONG).forEach(units::upsert);
    }

    static Instant at(String vietnamTime) {
        return OffsetDateTime.parse(vietnamTime).toInstant();
    }

    Uploads uploads() {
        return wiring.uploads();
    }

    SubmissionRecorder recorder() {
        return wiring.submissionRecorder();
    }

    Extensions extensions() {
        return wiring.extensions();
    }

    Returns returns() {
        return wiring.returns();
    }

    Reminders reminders() {
        return wiring.reminders();
    }

    StatusQuery status() {
        return wiring.statusQuery();
    }

    /** What a school's page does: ask for a grant, PUT the file, and the storage event records it. */
    Submission upload(Unit unit, String obligation, String fileName, byte[] bytes) {
        Uploads.Grant grant = uploads().grant(unit, new UploadRequest(obligation, fileName, "application/pdf", bytes.length,
                Digests.sha256Base64(bytes)));
        files.send(grant.upload(), bytes, clock.instant());
        recorder().onObjectCreated(grant.key(), null, clock.instant(), Duration.ofMinutes(1));
        return ledger.find(obligation, unit.id(), grant.submissionId()).orElseThrow();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
