package vn.haiphong.gddt.reports;

import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.haiphong.gddt.reports.files.InMemoryStatusArchive;
import vn.haiphong.gddt.reports.files.InMemorySubmissionFiles;
import vn.haiphong.gddt.reports.files.ZipToS3;
import vn.haiphong.gddt.reports.mail.InMemoryMailer;
import vn.haiphong.gddt.reports.store.InMemoryExportJobs;
import vn.haiphong.gddt.reports.store.InMemoryOfficeTokens;
import vn.haiphong.gddt.reports.store.InMemoryReminderClaims;
import vn.haiphong.gddt.reports.store.InMemorySubmissionLedger;
import vn.haiphong.gddt.reports.store.InMemoryUnitDirectory;
import vn.haiphong.gddt.reports.store.InMemoryUploadGrantQuota;

/**
 * Every port in memory, each held to its adapter's contract test; for {@code new Wiring(env, clock,
 * ports)} in the rule and handler tests. Export archives are the one exception: {@link #archives()}
 * presigns (local arithmetic) but writes nothing, so building an archive stays an emulator test.
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
    private final ZipToS3 archives = offlineArchives();

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
    public ZipToS3 archives() {
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

    /** Clients that never connect: presigning is local; anything else fails at once. */
    private static ZipToS3 offlineArchives() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        S3Client s3 = S3Client.builder().region(Region.AP_SOUTHEAST_1).credentialsProvider(credentials)
                .endpointOverride(java.net.URI.create("http://127.0.0.1:9")).build();
        S3Presigner presigner = S3Presigner.builder().region(Region.AP_SOUTHEAST_1).credentialsProvider(credentials).build();
        return new ZipToS3(s3, presigner, "hp-reports-submissions");
    }
}
