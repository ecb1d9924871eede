package vn.haiphong.gddt.reports;

import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
 * (the pages' function none) and reads SSM at most once.
 */
public final class AwsPorts implements Ports {
    private final Env env;
    private final Once<AwsClients> aws;
    private final Once<DynamoDbClient> dynamo;
    private final Once<SubmissionLedger> ledger;
    private final Once<UnitDirectory> units;
    private final Once<ReminderClaims> reminderClaims;
    private final Once<ExportJobs> exportJobs;
    private final Once<UploadGrantQuota> uploadGrants;
    private final Once<OfficeTokens> officeTokens;
    private final Once<SubmissionFiles> files;
    private final Once<StatusArchive> statusArchive;
    private final Once<ExportArchives> archives;
    private final Once<Mailer> mailer;
    private final Once<String> tokenKeys;

    public AwsPorts(Env env) {
        this(env, new Once<>(() -> new AwsClients(env)));
    }

    /** With clients built elsewhere from the same environment (a bench counting their calls). */
    public AwsPorts(Env env, AwsClients aws) {
        this(env, new Once<>(() -> aws));
    }

    private AwsPorts(Env env, Once<AwsClients> aws) {
        this.env = env;
        this.aws = aws;
        dynamo = new Once<>(() -> aws.get().dynamoDb());
        ledger = new Once<>(() -> new DynamoDbSubmissionLedger(dynamo.get(), table()));
        units = new Once<>(() -> new DynamoDbUnitDirectory(dynamo.get(), table()));
        reminderClaims = new Once<>(() -> new DynamoDbReminderClaims(dynamo.get(), table()));
        exportJobs = new Once<>(() -> new DynamoDbExportJobs(dynamo.get(), table()));
        uploadGrants = new Once<>(() -> new DynamoDbUploadGrantQuota(dynamo.get(), table()));
        officeTokens = new Once<>(() -> new DynamoDbOfficeTokens(dynamo.get(), table()));
        files = new Once<>(() -> new S3SubmissionFiles(aws.get().s3(), aws.get().s3Presigner(), bucket()));
        statusArchive = new Once<>(() -> new S3StatusArchive(aws.get().s3(), bucket()));
        archives = new Once<>(() -> new ZipToS3(aws.get().s3(), aws.get().s3Presigner(), bucket()));
        mailer = new Once<>(() -> new SesMailer(aws.get().ses(), env.required("SENDER_ADDRESS"),
                env.optional("SES_CONFIGURATION_SET").orElse(null)));
        // From SSM Parameter Store (a SecureString named by TOKEN_KEYS_PARAMETER) in AWS, or straight
        // from TOKEN_KEYS on a laptop. Never a literal in the template.
        tokenKeys = new Once<>(() -> env.optional("TOKEN_KEYS")
                .orElseGet(() -> aws.get().secureParameter(env.required("TOKEN_KEYS_PARAMETER"))));
    }

    private String table() {
        return env.required("TABLE_NAME");
    }

    private String bucket() {
        return env.required("BUCKET_NAME");
    }

    @Override
    public SubmissionLedger ledger() {
        return ledger.get();
    }

    @Override
    public UnitDirectory units() {
        return units.get();
    }

    @Override
    public ReminderClaims reminderClaims() {
        return reminderClaims.get();
    }

    @Override
    public ExportJobs exportJobs() {
        return exportJobs.get();
    }

    @Override
    public UploadGrantQuota uploadGrants() {
        return uploadGrants.get();
    }

    @Override
    public OfficeTokens officeTokens() {
        return officeTokens.get();
    }

    @Override
    public SubmissionFiles files() {
        return files.get();
    }

    @Override
    public StatusArchive statusArchive() {
        return statusArchive.get();
    }

    @Override
    public ExportArchives archives() {
        return archives.get();
    }

    @Override
    public Mailer mailer() {
        return mailer.get();
    }

    @Override
    public String tokenKeys() {
        return tokenKeys.get();
    }

    /** A value built on first use, then kept; init runs on one thread, but a handler may be shared. */
    static final class Once<T> {
        private final Supplier<T> build;
        private volatile T value;

        Once(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = build.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
