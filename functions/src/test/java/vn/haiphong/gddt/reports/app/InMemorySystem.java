package vn.haiphong.gddt.reports.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.ReminderSchedule;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.WorkingDays;
import vn.haiphong.gddt.reports.files.InMemorySubmissionFiles;
import vn.haiphong.gddt.reports.mail.InMemoryMailer;
import vn.haiphong.gddt.reports.mail.ReminderEmails;
import vn.haiphong.gddt.reports.mail.SubmissionEmails;
import vn.haiphong.gddt.reports.store.InMemoryReminderClaims;
import vn.haiphong.gddt.reports.store.InMemorySubmissionLedger;
import vn.haiphong.gddt.reports.store.InMemoryUnitDirectory;
import vn.haiphong.gddt.reports.store.InMemoryUploadGrantQuota;

/**
 * The use cases wired to the in-memory ports (each held to its adapter's contract) and a clock the
 * test moves: the rules of uploads, returns, extensions, reminders and the status run in
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
    static final Map<String, String> RECEIVERS = Map.of("TCCB", "tccb@example.edu.vn", "VP", "van-phong@example.edu.vn");

    final SettableClock clock;
    /** The Office's clerk, with a token for the whole Sở. */
    final OfficeToken office;
    final Catalog catalog = CatalogFile.bundled(CatalogSettings.defaults());
    final InMemoryUnitDirectory units = new InMemoryUnitDirectory(TRAN_PHU, NGO_QUYEN, DO_SON, VAN_PHONG);
    final InMemorySubmissionLedger ledger = new InMemorySubmissionLedger();
    final InMemorySubmissionFiles files = new InMemorySubmissionFiles();
    final InMemoryReminderClaims claims = new InMemoryReminderClaims();
    final InMemoryMailer mailer = new InMemoryMailer();
    final CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[32])));

    /** @param now as people here write it: {@code 2026-11-30T09:00:00+07:00} */
    InMemorySystem(String now) {
        clock = new SettableClock(at(now));
        office = OfficeToken.issue("aaaaaaaaaaaaaaa2", "*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", clock.instant(),
                Duration.ofDays(90));
    }

    static Instant at(String vietnamTime) {
        return OffsetDateTime.parse(vietnamTime).toInstant();
    }

    Uploads uploads() {
        return new Uploads(catalog, ledger, files, new InMemoryUploadGrantQuota(),
                new Uploads.Limits(25L * 1024 * 1024, Duration.ofMinutes(15), 20), clock);
    }

    SubmissionRecorder recorder() {
        return new SubmissionRecorder(catalog, units, ledger, files, mailer, new SubmissionEmails(), claims::suppressed, clock);
    }

    Extensions extensions() {
        return new Extensions(catalog, units, ledger, clock);
    }

    Returns returns() {
        return new Returns(catalog, units, ledger, mailer, new ReminderEmails("https://baocao.example.edu.vn"), tokens,
                claims::suppressed, Duration.ofDays(60), clock);
    }

    Reminders reminders() {
        return new Reminders(catalog, units, ledger, claims, mailer, new ReminderEmails("https://baocao.example.edu.vn"),
                tokens, WorkingDays.vietnam(), new Reminders.Settings(Map.<String, ReminderSchedule>of(), RECEIVERS, 10_000, 8,
                Duration.ofDays(60)), clock);
    }

    StatusQuery status() {
        return new StatusQuery(catalog, units, ledger, claims::suppressed, clock);
    }

    /** What a school's page does: ask for a grant, PUT the file, and the storage event records it. */
    Submission upload(Unit unit, String obligation, String fileName, byte[] bytes) {
        Uploads.Grant grant = uploads().grant(unit, new UploadRequest(obligation, fileName, "application/pdf", bytes.length,
                Base64.getEncoder().encodeToString(sha256(bytes))));
        files.send(grant.upload(), bytes, clock.instant());
        recorder().onObjectCreated(grant.key(), null, clock.instant(), Duration.ofMinutes(1));
        return ledger.find(obligation, unit.id(), grant.submissionId()).orElseThrow();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
