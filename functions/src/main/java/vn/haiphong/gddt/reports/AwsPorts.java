package vn.haiphong.gddt.reports;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.haiphong.gddt.reports.files.ExportArchives;
import vn.haiphong.gddt.reports.files.S3StatusArchive;
import vn.haiphong.gddt.reports.files.S3SubmissionFiles;
import vn.haiphong.gddt.reports.files.StatusArchive;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.files.ZipToS3;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.mail.SesMailer;
import vn.haiphong.gddt.reports.store.DynamoDbExportJobs;
import vn.haiphong.gddt.reports.store.DynamoDbOfficeTokens;
import vn.haiphong.gddt.reports.store.DynamoDbReminderClaims;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;
import vn.haiphong.gddt.reports.store.DynamoDbUploadGrantQuota;
import vn.haiphong.gddt.reports.store.ExportJobs;
import vn.haiphong.gddt.reports.store.OfficeTokens;
import vn.haiphong.gddt.reports.store.ReminderClaims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;
import vn.haiphong.gddt.reports.store.UploadGrantQuota;

/**
 * The ports on AWS (or the emulators), from the environment template.yaml declares: one table
 * ({@code TABLE_NAME}), one bucket ({@code BUCKET_NAME}), SES ({@code SENDER_ADDRESS}). Each adapter, and
 * the clients under it, is built on first use and kept, so a function builds only the clients it uses
 * (the pages' function none), one of each, and reads SSM at most once.
 *
 * <p>Plain synchronized getters rather than a lazy holder per field built from lambdas: a function's
 * init would otherwise spin a class for each of them, used or not.
 */
public final class AwsPorts implements Ports {
    private final Env env;
    private AwsClients aws;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private S3Presigner presigner;
    private SubmissionLedger ledger;
    private UnitDirectory units;
    private ReminderClaims reminderClaims;
    private ExportJobs exportJobs;
    private UploadGrantQuota uploadGrants;
    private OfficeTokens officeTokens;
    private SubmissionFiles files;
    private StatusArchive statusArchive;
    private ExportArchives archives;
    private Mailer mailer;
    private String tokenKeys;

    /** Builds its clients from the environment, on first use. */
    public AwsPorts(Env env) {
        this.env = env;
    }

    /** With clients built elsewhere from the same environment (a bench counting their calls). */
    public AwsPorts(Env env, AwsClients aws) {
        this.env = env;
        this.aws = aws;
    }

    private synchronized AwsClients aws() {
        if (aws == null) {
            aws = new AwsClients(env);
        }
        return aws;
    }

    private synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = aws().dynamoDb();
        }
        return dynamo;
    }

    private synchronized S3Client s3() {
        if (s3 == null) {
            s3 = aws().s3();
        }
        return s3;
    }

    private synchronized S3Presigner presigner() {
        if (presigner == null) {
            presigner = aws().s3Presigner();
        }
        return presigner;
    }

    private String table() {
        return env.required("TABLE_NAME");
    }

    private String bucket() {
        return env.required("BUCKET_NAME");
    }

    @Override
    public synchronized SubmissionLedger ledger() {
        if (ledger == null) {
            ledger = new DynamoDbSubmissionLedger(dynamo(), table());
        }
        return ledger;
    }

    @Override
    public synchronized UnitDirectory units() {
        if (units == null) {
            units = new DynamoDbUnitDirectory(dynamo(), table());
        }
        return units;
    }

    @Override
    public synchronized ReminderClaims reminderClaims() {
        if (reminderClaims == null) {
            reminderClaims = new DynamoDbReminderClaims(dynamo(), table());
        }
        return reminderClaims;
    }

    @Override
    public synchronized ExportJobs exportJobs() {
        if (exportJobs == null) {
            exportJobs = new DynamoDbExportJobs(dynamo(), table());
        }
        return exportJobs;
    }

    @Override
    public synchronized UploadGrantQuota uploadGrants() {
        if (uploadGrants == null) {
            uploadGrants = new DynamoDbUploadGrantQuota(dynamo(), table());
        }
        return uploadGrants;
    }

    @Override
    public synchronized OfficeTokens officeTokens() {
        if (officeTokens == null) {
            officeTokens = new DynamoDbOfficeTokens(dynamo(), table());
        }
        return officeTokens;
    }

    @Override
    public synchronized SubmissionFiles files() {
        if (files == null) {
            files = new S3SubmissionFiles(this::s3, this::presigner, bucket());
        }
        return files;
    }

    @Override
    public synchronized StatusArchive statusArchive() {
        if (statusArchive == null) {
            statusArchive = new S3StatusArchive(s3(), bucket());
        }
        return statusArchive;
    }

    @Override
    public synchronized ExportArchives archives() {
        if (archives == null) {
            archives = new ZipToS3(this::s3, this::presigner, bucket());
        }
        return archives;
    }

    @Override
    public synchronized Mailer mailer() {
        if (mailer == null) {
            mailer = new SesMailer(aws().ses(), env.required("SENDER_ADDRESS"),
                    env.optional("SES_CONFIGURATION_SET").orElse(null));
        }
        return mailer;
    }

    /**
     * From SSM Parameter Store (a SecureString named by TOKEN_KEYS_PARAMETER) in AWS, or straight from
     * TOKEN_KEYS on a laptop. Never a literal in the template.
     */
    @Override
    public synchronized String tokenKeys() {
        if (tokenKeys == null) {
            tokenKeys = env.optional("TOKEN_KEYS").orElseGet(() -> aws().secureParameter(env.required("TOKEN_KEYS_PARAMETER")));
        }
        return tokenKeys;
    }
}
