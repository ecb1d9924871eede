package vn.haiphong.gddt.reports;

import java.util.Base64;
import vn.haiphong.gddt.reports.files.InMemoryExportArchives;
import vn.haiphong.gddt.reports.files.InMemoryStatusArchive;
import vn.haiphong.gddt.reports.files.InMemorySubmissionFiles;
import vn.haiphong.gddt.reports.mail.InMemoryMailer;
import vn.haiphong.gddt.reports.store.InMemoryExportJobs;
import vn.haiphong.gddt.reports.store.InMemoryOfficeTokens;
import vn.haiphong.gddt.reports.store.InMemoryReminderClaims;
import vn.haiphong.gddt.reports.store.InMemorySubmissionLedger;
import vn.haiphong.gddt.reports.store.InMemoryUnitDirectory;
import vn.haiphong.gddt.reports.store.InMemoryUploadGrantQuota;

/**
 * Every port in memory, each held to its adapter's contract test; for {@code new Wiring(env, clock,
 * ports)} in the rule and handler tests. Export archives are written into the same in-memory bucket
 * as the files they hold.
 */
public final class InMemoryPorts implements Ports {
    public final InMemorySubmissionLedger ledger = new InMemorySubmissionLedger();
    public final InMemoryUnitDirectory units = new InMemoryUnitDirectory();
    public final InMemoryReminderClaims reminderClaims = new InMemoryReminderClaims();
    public final InMemoryExportJobs exportJobs = new InMemoryExportJobs();
    public final InMemoryUploadGrantQuota uploadGrants = new InMemoryUploadGrantQuota();
    public final InMemoryOfficeTokens officeTokens = new InMemoryOfficeTokens();
    public final InMemorySubmissionFiles files = new InMemorySubmissionFiles();
    public final InMemoryStatusArchive statusArchive = new InMemoryStatusArchive();
    public final InMemoryMailer mailer = new InMemoryMailer();
    public final InMemoryExportArchives archives = new InMemoryExportArchives(files);

    @Override
    public InMemorySubmissionLedger ledger() {
        return ledger;
    }

    @Override
    public InMemoryUnitDirectory units() {
        return units;
    }

    @Override
    public InMemoryReminderClaims reminderClaims() {
        return reminderClaims;
    }

    @Override
    public InMemoryExportJobs exportJobs() {
        return exportJobs;
    }

    @Override
    public InMemoryUploadGrantQuota uploadGrants() {
        return uploadGrants;
    }

    @Override
    public InMemoryOfficeTokens officeTokens() {
        return officeTokens;
    }

    @Override
    public InMemorySubmissionFiles files() {
        return files;
    }

    @Override
    public InMemoryStatusArchive statusArchive() {
        return statusArchive;
    }

    @Override
    public InMemoryExportArchives archives() {
        return archives;
    }

    @Override
    public InMemoryMailer mailer() {
        return mailer;
    }

    @Override
    public String tokenKeys() {
        return "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    }
}
