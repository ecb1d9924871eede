package vn.haiphong.gddt.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.haiphong.gddt.reports.app.ConcurrentReads;
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
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.mail.ReminderEmails;
import vn.haiphong.gddt.reports.mail.SubmissionEmails;
import vn.haiphong.gddt.reports.store.ReminderClaims;
import vn.haiphong.gddt.reports.store.SubmissionLedger;

/**
 * Builds the use cases from the environment that template.yaml declares, on the {@link Ports} given
 * (AWS's, or the tests' in-memory ones). Every handler has the same two constructors: the runtime's,
 * with no argument, which takes {@link #live()}, and one taking a Wiring (the local runner, the tests).
 * What reads the environment, SSM or the catalog is built once; nothing here runs per request.
 */
public final class Wiring {
    /** How long a link e-mailed to a unit still opens after its deadline (or the lock), for a late file. */
    private static final Duration UNIT_LINK_AFTER_DEADLINE = Duration.ofDays(60);
    private static Wiring live;

    private final Env env;
    private final Clock clock;
    private final Ports ports;
    private Catalog catalog;
    private CapabilityTokens tokens;
    private ConcurrentReads reads;

    public Wiring(Env env, Clock clock) {
        this(env, clock, new AwsPorts(env));
    }

    /** With clients built elsewhere from the same environment (a bench counting their calls). */
    public Wiring(Env env, Clock clock, AwsClients aws) {
        this(env, clock, new AwsPorts(env, aws));
    }

    public Wiring(Env env, Clock clock, Ports ports) {
        this.env = env;
        this.clock = clock;
        this.ports = ports;
    }

    /** The function's own: its environment, the real clock and AWS; built once per JVM. */
    public static synchronized Wiring live() {
        if (live == null) {
            live = new Wiring(new Env(System.getenv()), Clock.systemUTC());
        }
        return live;
    }

    /** For a handler's own settings (STACK_NAME, STORAGE_ORIGIN). */
    public Env env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    public synchronized Catalog catalog() {
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
        return new UnitAccess(tokens(), ports.units(), clock);
    }

    public UnitOverview unitOverview() {
        return new UnitOverview(catalog(), ports.ledger(), uploadLimits().maxBytes(), receiverContacts(catalog(), env), clock);
    }

    public Uploads uploads() {
        return new Uploads(catalog(), ports.ledger(), ports.files(), ports.uploadGrants(), uploadLimits(), clock);
    }

    private Uploads.Limits uploadLimits() {
        return new Uploads.Limits(env.number("MAX_UPLOAD_BYTES", 25L * 1024 * 1024, 1, 5L << 30),
                Duration.ofSeconds(env.number("UPLOAD_URL_TTL_SECONDS", 900, 30, 900)),
                (int) env.number("UPLOAD_GRANTS_PER_MINUTE", 20, 1, 1000));
    }

    public OfficeAccess officeAccess() {
        return new OfficeAccess(tokens(), ports.officeTokens(), clock);
    }

    /** For the Office's token commands: issue, list, revoke. */
    public OfficeCredentials officeCredentials() {
        return new OfficeCredentials(tokens(), ports.officeTokens(), clock);
    }

    public StatusQuery statusQuery() {
        return new StatusQuery(catalog(), ports.units(), ports.ledger(), ports.reminderClaims()::suppressed, reads(), clock);
    }

    public Extensions extensions() {
        return new Extensions(catalog(), ports.units(), ports.ledger(), clock);
    }

    public Downloads downloads() {
        return new Downloads(catalog(), ports.ledger(), ports.files());
    }

    public Returns returns() {
        return new Returns(catalog(), ports.units(), ports.ledger(), ports.mailer(), new ReminderEmails(env.required("PUBLIC_BASE_URL")),
                tokens(), ports.reminderClaims()::suppressed, UNIT_LINK_AFTER_DEADLINE, reads(), clock);
    }

    public StatusSnapshots statusSnapshots() {
        return new StatusSnapshots(catalog(), statusQuery(), ports.statusArchive(), clock);
    }

    public Exports exports() {
        return new Exports(catalog(), ports.units(), ports.ledger(), ports.exportJobs(), ports.archives(), reads(), clock);
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
                UNIT_LINK_AFTER_DEADLINE, Duration.ofMillis((long) env.number("REMINDER_RETRY_PAUSE_MS", 250, 0, 10_000)));
        return new Reminders(catalog(), ports.units(), ports.ledger(), ports.reminderClaims(), ports.mailer(),
                new ReminderEmails(env.required("PUBLIC_BASE_URL")), tokens(), WorkingDays.vietnam(), settings, clock);
    }

    public ReminderClaims reminderClaims() {
        return ports.reminderClaims();
    }

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

    /** {@code a=x;b=y}; a malformed entry stops the function at init with its name. */
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
        return new Reconciliation(catalog(), ports.ledger(), ports.files(), submissionRecorder(), returns(), ServerTime.of(clock),
                reads(), clock);
    }

    public SubmissionRecorder submissionRecorder() {
        return new SubmissionRecorder(catalog(), ports.units(), ports.ledger(), ports.files(),
                ports.mailer(), new SubmissionEmails(), ports.reminderClaims()::suppressed, clock);
    }

    /**
     * Five reads at once (a year's status reads one partition per obligation, the sweep two per obligation):
     * the JDK keeps five idle connections to a host ({@code http.maxConnections}), so a sixth would be
     * opened, TLS and all, and closed again on every request.
     */
    private synchronized ConcurrentReads reads() {
        if (reads == null) {
            reads = ConcurrentReads.pooled(5, env.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("function"));
        }
        return reads;
    }

    /** The tokens' signer and checker, over the keys the ports read once (SSM in AWS). */
    public synchronized CapabilityTokens tokens() {
        if (tokens == null) {
            tokens = new CapabilityTokens(TokenKeys.parse(ports.tokenKeys()));
        }
        return tokens;
    }

    public SubmissionLedger ledger() {
        return ports.ledger();
    }

    public SubmissionFiles files() {
        return ports.files();
    }
}
