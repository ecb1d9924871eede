package vn.haiphong.gddt.reports;

import vn.haiphong.gddt.reports.files.StatusArchive;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.files.ExportArchives;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.store.ExportJobs;
import vn.haiphong.gddt.reports.store.OfficeTokens;
import vn.haiphong.gddt.reports.store.ReminderClaims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;
import vn.haiphong.gddt.reports.store.UploadGrantQuota;

/**
 * What the use cases run on: AWS's services in Lambda and on the emulators ({@link AwsPorts}), maps in
 * the rule and handler tests ({@code InMemoryPorts}, each held to its adapter's contract test). Each
 * is built once and then shared.
 */
public interface Ports {
    SubmissionLedger ledger();

    UnitDirectory units();

    ReminderClaims reminderClaims();

    ExportJobs exportJobs();

    UploadGrantQuota uploadGrants();

    OfficeTokens officeTokens();

    SubmissionFiles files();

    StatusArchive statusArchive();

    /** Where export archives are written (S3 multipart in AWS: ZipToS3). */
    ExportArchives archives();

    Mailer mailer();

    /** The token keys, written {@code id:base64[,…]} (see TokenKeys): a secret, read once. */
    String tokenKeys();
}
