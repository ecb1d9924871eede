package vn.haiphong.gddt.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.reports.app.Downloads;
import vn.haiphong.gddt.reports.app.Exports;
import vn.haiphong.gddt.reports.app.Extensions;
import vn.haiphong.gddt.reports.app.OfficeAccess;
import vn.haiphong.gddt.reports.app.OfficeCredentials;
import vn.haiphong.gddt.reports.app.Reconciliation;
import vn.haiphong.gddt.reports.app.Reminders;
import vn.haiphong.gddt.reports.app.Returns;
import vn.haiphong.gddt.reports.app.StatusQuery;
import vn.haiphong.gddt.reports.app.StatusSnapshots;
import vn.haiphong.gddt.reports.app.SubmissionRecorder;
import vn.haiphong.gddt.reports.app.UnitAccess;
import vn.haiphong.gddt.reports.app.UnitOverview;
import vn.haiphong.gddt.reports.app.Uploads;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.DeadlineRule;
import vn.haiphong.gddt.reports.domain.ReminderSchedule;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.WorkingDays;
import vn.haiphong.gddt.reports.files.S3StatusArchive;
import vn.haiphong.gddt.reports.files.S3SubmissionFiles;
import vn.haiphong.gddt.reports.files.ZipToS3;
import vn.haiphong.gddt.reports.mail.ReminderEmails;
import vn.haiphong.gddt.reports.mail.SesMailer;
import vn.haiphong.gddt.reports.mail.SubmissionEmails;
import vn.haiphong.gddt.reports.store.DynamoDbExportJobs;
import vn.haiphong.gddt.reports.store.DynamoDbOfficeTokens;
import vn.haiphong.gddt.reports.store.DynamoDbReminderClaims;
import vn.haiphong.gddt.reports.store.DynamoDbSubmissionLedger;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;
import vn.haiphong.gddt.reports.store.DynamoDbUploadGrantQuota;

/**
 * Builds the use cases from the environment that template.yaml declares. Each handler's public
 * constructor asks for what it needs; nothing here runs per request.
 */
public final class Wiring {
    /** How long a link e-mailed to a unit still opens after its deadline (or the lock), for a late file. */
    private static final Duration UNIT_LINK_AFTER_DEADLINE = Duration.ofDays(60);

    private final Env env;
    private final Clock clock;
    private final AwsClients aws;
    private DynamoDbClient dynamo;
    private Catalog catalog;

    public Wiring(Env env, Clock clock) {
        this(env, clock, new AwsClients(env));
    }

    /** With clients built elsewhere from the same environment (a bench counting their calls). */
    public Wiring(Env env, Clock clock, AwsClients aws) {
        this.env = env;
        this.clock = clock;
        this.aws = aws;
    }

    public Catalog catalog() {
        if (catalog == null) {
            catalog = CatalogFile.bundled(catalogSettings(env));
        }
        return catalog;
    }

    public static CatalogSettings catalogSettings(Env env) {
        DeadlineRule rule = DeadlineRule.valueOf(env.optional("DEADLINE_RULE").orElse(DeadlineRule.BEFORE_NAMED_DAY.name()));
        Duration grace = Duration.ofMinutes(env.number("GRACE_MINUTES", 0, 0, 60L * 24 * 30));
        Duration openBefore = Duration.ofDays(env.number("OPEN_DAYS_BEFORE_DUE", 30, 0, 366));
        long lockDays = env.number("LOCK_DAYS_AFTER_DUE", -1, -1, 3660);
        return new CatalogSettings(rule, grace, openBefore,
                lockDays < 0 ? Optional.empty() : Optional.of(Duration.ofDays(lockDays)), env.optional("GO_LIVE_DATE").map(Wiring::day));
    }

    private static LocalDate day(String goLive) {
        try {
            return LocalDate.parse(goLive);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("GO_LIVE_DATE must be a date written YYYY-MM-DD, not " + goLive, e);
        }
    }

    public UnitAccess unitAccess() {
        return new UnitAccess(tokens(), units(), clock);
    }

    public UnitOverview unitOverview() {
        return new UnitOverview(catalog(), ledger(), uploadLimits().maxBytes(), receiverContacts(catalog(), env), clock);
    }

    public Uploads uploads() {
        return new Uploads(catalog(), ledger(), files(), new DynamoDbUploadGrantQuota(dynamo(), env.required("TABLE_NAME")),
                uploadLimits(), clock);
    }

    private Uploads.Limits uploadLimits() {
        return new Uploads.Limits(env.number("MAX_UPLOAD_BYTES", 25L * 1024 * 1024, 1, 5L << 30),
                Duration.ofSeconds(env.number("UPLOAD_URL_TTL_SECONDS", 900, 30, 900)),
                (int) env.number("UPLOAD_GRANTS_PER_MINUTE", 20, 1, 1000));
    }

    public OfficeAccess officeAccess() {
        return new OfficeAccess(tokens(), officeTokens(), clock);
    }

    /** For the Office's token commands: issue, list, revoke. */
    public OfficeCredentials officeCredentials() {
        return new OfficeCredentials(tokens(), officeTokens(), clock);
    }

    private DynamoDbOfficeTokens officeTokens() {
        return new DynamoDbOfficeTokens(dynamo(), env.required("TABLE_NAME"));
    }

    public StatusQuery statusQuery() {
        return new StatusQuery(catalog(), units(), ledger(), reminderClaims()::suppressed, clock);
    }

    public Extensions extensions() {
        return new Extensions(catalog(), units(), ledger(), clock);
    }

    public Downloads downloads() {
        return new Downloads(catalog(), ledger(), files());
    }

    public Returns returns() {
        return new Returns(catalog(), units(), ledger(), mailer(), new ReminderEmails(env.required("PUBLIC_BASE_URL")),
                tokens(), reminderClaims()::suppressed, UNIT_LINK_AFTER_DEADLINE, clock);
    }

    public StatusSnapshots statusSnapshots() {
        return new StatusSnapshots(catalog(), statusQuery(), new S3StatusArchive(aws.s3(), env.required("BUCKET_NAME")), clock);
    }

    public Exports exports() {
        return new Exports(catalog(), units(), ledger(), new DynamoDbExportJobs(dynamo(), env.required("TABLE_NAME")),
                new ZipToS3(aws.s3(), aws.s3Presigner(), env.required("BUCKET_NAME")), clock);
    }

    /**
     * REMINDER_STAGES: per report, e.g. {@code QCDC=open,-7,-3,-1,0,+1,every7;DVCQ=…} (default for any
     * report not named); RECEIVER_EMAILS: {@code TCCB=tccb@…;VP=van-phong@…}, where digests go.
     */
    public Reminders reminders() {
        Map<String, ReminderSchedule> schedules = new HashMap<>();
        pairs(env.optional("REMINDER_STAGES").orElse("")).forEach((report, spec) -> schedules.put(report, ReminderSchedule.parse(spec)));
        Reminders.Settings settings = new Reminders.Settings(schedules, pairs(env.required("RECEIVER_EMAILS")),
                env.number("REMINDER_SEND_RATE", 14, 1, 10_000), (int) env.number("REMINDER_PARALLELISM", 8, 1, 64),
                UNIT_LINK_AFTER_DEADLINE);
        return new Reminders(catalog(), units(), ledger(), reminderClaims(), mailer(),
                new ReminderEmails(env.required("PUBLIC_BASE_URL")), tokens(), WorkingDays.vietnam(), settings, clock);
    }

    public DynamoDbReminderClaims reminderClaims() {
        return new DynamoDbReminderClaims(dynamo(), env.required("TABLE_NAME"));
    }

    private SesMailer mailer() {
        return new SesMailer(aws.ses(), env.required("SENDER_ADDRESS"), env.optional("SES_CONFIGURATION_SET").orElse(null));
    }

    /** {@code a=x;b=y}; a malformed entry stops the function at init with its name. */
    /**
     * Each receiving department as the catalog names it, with the address RECEIVER_EMAILS gives its code.
     * Static: the pages' function builds no AWS client.
     */
    public static Map<String, String> receiverContacts(Env env) {
        return receiverContacts(CatalogFile.bundled(catalogSettings(env)), env);
    }

    private static Map<String, String> receiverContacts(Catalog catalog, Env env) {
        Map<String, String> emails = pairs(env.optional("RECEIVER_EMAILS").orElse(""));
        Map<String, String> contacts = new java.util.LinkedHashMap<>();
        catalog.reports().stream().filter(r -> emails.containsKey(r.receiverCode()))
                .forEach(r -> contacts.putIfAbsent(r.receiver(), emails.get(r.receiverCode())));
        return contacts;
    }

    private static Map<String, String> pairs(String spec) {
        Map<String, String> pairs = new HashMap<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalStateException("expected name=value in '" + entry + "'");
            }
            pairs.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return pairs;
    }

    public Reconciliation reconciliation() {
        return new Reconciliation(catalog(), ledger(), files(), submissionRecorder(), returns(), ServerTime.of(clock), clock);
    }

    public SubmissionRecorder submissionRecorder() {
        return new SubmissionRecorder(catalog(), units(), ledger(), files(),
                mailer(), new SubmissionEmails(), reminderClaims()::suppressed, clock);
    }

    /**
     * Token keys come from SSM Parameter Store (a SecureString named by TOKEN_KEYS_PARAMETER) in AWS,
     * or straight from TOKEN_KEYS on a laptop. Never a literal in the template.
     */
    public CapabilityTokens tokens() {
        String spec = env.optional("TOKEN_KEYS").orElseGet(() -> aws.secureParameter(env.required("TOKEN_KEYS_PARAMETER")));
        return new CapabilityTokens(TokenKeys.parse(spec));
    }

    private DynamoDbUnitDirectory units() {
        return new DynamoDbUnitDirectory(dynamo(), env.required("TABLE_NAME"));
    }

    public DynamoDbSubmissionLedger ledger() {
        return new DynamoDbSubmissionLedger(dynamo(), env.required("TABLE_NAME"));
    }

    public S3SubmissionFiles files() {
        return new S3SubmissionFiles(aws.s3(), aws.s3Presigner(), env.required("BUCKET_NAME"));
    }

    private DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = aws.dynamoDb();
        }
        return dynamo;
    }
}
