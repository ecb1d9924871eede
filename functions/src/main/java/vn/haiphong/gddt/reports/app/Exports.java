package vn.haiphong.gddt.reports.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Text;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitStatus;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.files.SubmissionFiles.PresignedDownload;
import vn.haiphong.gddt.reports.files.ExportArchives;
import vn.haiphong.gddt.reports.store.Claims;
import vn.haiphong.gddt.reports.store.ExportJobs.Job;
import vn.haiphong.gddt.reports.store.ExportJobs.State;
import vn.haiphong.gddt.reports.store.ExportJobs;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UnitDirectory;

/**
 * {@code POST /v1/exports/{obligation}} and {@code GET /v1/exports/{exportId}}: a ZIP of the latest
 * accepted file of every unit, one folder per category and unit, with a {@code manifest.csv}.
 *
 * <p>Asynchronous without another AWS service: {@link #start} records a PENDING job and writes
 * {@code export-requests/<id>.json}; that object's storage event runs {@link #build}, which claims
 * the job (PENDING -> RUNNING, conditionally, so a repeated event does nothing), streams the archive
 * into S3 and marks it READY, or FAILED. A failure is recorded, never thrown: a retry would start
 * the whole archive again, and the Office can simply ask again. A build cut off by Lambda's
 * 15-minute limit cannot record anything; the job then reads as FAILED once no run could still be
 * going ({@link #LONGEST_RUN} after it started).
 *
 * <p>The archive is the status as of the request: the submissions and extensions recorded by then.
 */
public final class Exports {
    public static final String REQUEST_PREFIX = "export-requests/";
    public static final String ARCHIVE_PREFIX = "exports/";
    public static final String MANIFEST = "manifest.csv";
    public static final Duration LINK_VALIDITY = Duration.ofMinutes(5);
    /** Lambda stops every run at 15 minutes; a minute more for clocks and the last write. */
    public static final Duration LONGEST_RUN = Duration.ofMinutes(16);

    private static final Pattern EXPORT_ID = Pattern.compile("[a-z0-9]{32}");
    private static final Pattern REQUEST_KEY = Pattern.compile(Pattern.quote(REQUEST_PREFIX) + "([a-z0-9]{32})\\.json");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(VietnamTime.ZONE);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@code GET /v1/exports/{id}} answers. */
    public record View(State state, Optional<String> url, Optional<Instant> expiresAt) {
    }

    public enum Outcome { BUILT, FAILED, ALREADY_CLAIMED, UNKNOWN }

    /** @param reason why it failed (FAILED only): for the log and the table */
    public record Built(Outcome outcome, long files, long bytes, int parts, String reason) {
    }

    private final Catalog catalog;
    private final UnitDirectory units;
    private final SubmissionLedger ledger;
    private final ExportJobs jobs;
    private final ExportArchives storage;
    private final ConcurrentReads reads;
    private final Clock clock;

    /** @param reads where a build reads the unit list and the obligation's records at once */
    public Exports(Catalog catalog, UnitDirectory units, SubmissionLedger ledger, ExportJobs jobs, ExportArchives storage,
                   ConcurrentReads reads, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.ledger = ledger;
        this.jobs = jobs;
        this.storage = storage;
        this.reads = reads;
        this.clock = clock;
    }

    /** Records the job and asks for the build; returns the export id. */
    public String start(OfficeToken office, String obligationId) {
        Obligation obligation = catalog.find(obligationId).orElseThrow(() -> new RequestRefused(Problem.OBLIGATION_UNKNOWN));
        OfficeAccess.requireReadable(office, obligation.report());
        String exportId = newExportId();
        Instant now = clock.instant();
        if (!jobs.create(Job.pending(exportId, obligation.id(), office.actor(), now))) {
            throw new IllegalStateException("export id " + exportId + " exists already");
        }
        try {
            // Every value is from a closed alphabet (ids, the actor's slug, an ISO instant): no escaping needed.
            storage.putJson(requestKey(exportId), "{\"exportId\":\"" + exportId + "\",\"obligation\":\"" + obligation.id()
                    + "\",\"requestedBy\":\"" + office.actor() + "\",\"requestedAt\":\"" + now + "\"}\n");
        } catch (RuntimeException e) {
            jobs.failedToStart(exportId, "the build request could not be written: " + e.getClass().getSimpleName(), clock.instant());
            throw e;
        }
        return exportId;
    }

    public View view(OfficeToken office, String exportId) {
        if (exportId == null || !EXPORT_ID.matcher(exportId).matches()) {
            throw new RequestRefused(Problem.EXPORT_NOT_FOUND);
        }
        Job job = jobs.find(exportId).orElseThrow(() -> new RequestRefused(Problem.EXPORT_NOT_FOUND));
        catalog.find(job.obligationId()).ifPresent(o -> OfficeAccess.requireReadable(office, o.report()));
        Instant now = clock.instant();
        State state = job.state();
        if (state == State.RUNNING && job.startedAt().map(at -> now.isAfter(at.plus(LONGEST_RUN))).orElse(false)) {
            state = State.FAILED;
        }
        if (state != State.READY) {
            return new View(state, Optional.empty(), Optional.empty());
        }
        PresignedDownload link = storage.presignDownload(job.objectKey().orElseThrow(), downloadName(job), LINK_VALIDITY);
        return new View(State.READY, Optional.of(link.url()), Optional.of(link.expiresAt()));
    }

    /** The export id in a request object's key; empty for any other key. */
    public static Optional<String> exportIdOf(String requestKey) {
        Matcher m = REQUEST_KEY.matcher(requestKey == null ? "" : requestKey);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static String requestKey(String exportId) {
        return REQUEST_PREFIX + exportId + ".json";
    }

    /**
     * Builds the archive of a PENDING job (or of one whose build was cut off); does nothing for a job
     * someone else is building or that is finished. Never throws for a failed build.
     *
     * @param timeLeft what remains of this invocation: the build's claim lapses after it
     */
    public Built build(String exportId, Duration timeLeft) {
        Optional<Job> found = jobs.find(exportId);
        if (found.isEmpty()) {
            return new Built(Outcome.UNKNOWN, 0, 0, 0, "");
        }
        Optional<Claims.Held> claim = jobs.claim(exportId, clock.instant(), Claims.lease(timeLeft));
        if (claim.isEmpty()) {
            return new Built(Outcome.ALREADY_CLAIMED, 0, 0, 0, "");
        }
        Job job = found.get();
        try {
            Built built = write(job);
            jobs.ready(claim.get(), archiveKey(job), built.files(), built.bytes(), clock.instant());
            return built;
        } catch (IOException | RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            jobs.failed(claim.get(), reason.length() > 1000 ? reason.substring(0, 1000) : reason, clock.instant());
            return new Built(Outcome.FAILED, 0, 0, 0, reason);
        }
    }

    private Built write(Job job) throws IOException {
        Obligation obligation = catalog.find(job.obligationId())
                .orElseThrow(() -> new IllegalStateException("no obligation " + job.obligationId() + " in the catalog"));
        Supplier<List<Unit>> everyUnit = reads.start(units::all);
        SubmissionLedger.Records records = ledger.records(obligation.id());
        List<UnitStatus> rows = ObligationStatus.of(obligation, everyUnit.get(), records.submissions(), records.extensions(),
                job.requestedAt()).units().stream().filter(r -> r.state() != ObligationState.EXEMPT).toList();

        ArchiveNames names = new ArchiveNames();
        List<ExportArchives.Source> sources = new ArrayList<>();
        for (UnitStatus row : rows) {
            row.latest().ifPresent(s -> sources.add(new ExportArchives.Source(names.entry(row.unit(), s.fileName()), s.key(),
                    s.versionId(), s.receivedAt())));
        }
        try (ExportArchives.Archive archive = storage.create(archiveKey(job))) {
            List<ExportArchives.Written> written = archive.addObjects(sources);
            Manifest manifest = new Manifest();
            int next = 0;
            for (UnitStatus row : rows) {
                if (row.latest().isPresent()) {
                    ExportArchives.Written w = written.get(next++);
                    requireRecorded(row.unit(), row.latest().get(), w);
                    manifest.row(row, w.source().entryName(), w.size(), w.sha256Hex());
                } else {
                    manifest.row(row, "", -1, "");
                }
            }
            archive.addBytes(MANIFEST, manifest.bytes(), job.requestedAt());
            ExportArchives.Completed done = archive.complete();
            return new Built(Outcome.BUILT, sources.size(), done.bytes(), done.parts(), "");
        }
    }

    /** The bytes in the archive are the bytes the unit's receipt names, or the archive is not made. */
    private static void requireRecorded(Unit unit, Submission s, ExportArchives.Written w) {
        boolean sizeDiffers = w.size() != s.size();
        boolean hashDiffers = !s.sha256().isEmpty()
                && !HexFormat.of().formatHex(Base64.getDecoder().decode(s.sha256())).equals(w.sha256Hex());
        if (sizeDiffers || hashDiffers) {
            throw new IllegalStateException("the stored file of " + unit.id() + " (submission " + s.submissionId()
                    + ") differs from its record: " + (sizeDiffers ? "size" : "SHA-256"));
        }
    }

    private static String archiveKey(Job job) {
        return ARCHIVE_PREFIX + job.obligationId().replace(':', '-') + "/" + STAMP.format(job.requestedAt()) + "-"
                + job.exportId() + ".zip";
    }

    private static String downloadName(Job job) {
        return job.obligationId().replace(':', '-') + "_" + STAMP.format(job.requestedAt()) + ".zip";
    }

    private static String newExportId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Entry names Windows Explorer can extract: {@code <category>/<unit>/<file>}, Vietnamese kept
     * (NFC), no {@code <>:"/\|?*} or control characters, no trailing dot or space, no reserved
     * device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also before an extension), short enough to
     * stay under MAX_PATH when extracted into a typical Downloads folder, and unique without
     * regard to case (two units with one name get their id added).
     */
    static final class ArchiveNames {
        static final int MAX_CATEGORY = 40;
        static final int MAX_UNIT = 60;
        static final int MAX_FILE = 100;
        private static final Set<String> RESERVED = reserved();

        private final Set<String> folders = new HashSet<>();

        String entry(Unit unit, String fileName) {
            String category = component(unit.category().label(), MAX_CATEGORY);
            String folder = component(unit.name(), MAX_UNIT);
            if (!folders.add((category + "/" + folder).toLowerCase(Locale.ROOT))) {
                String suffix = " (" + unit.id() + ")";
                folder = component(truncate(unit.name(), MAX_UNIT - suffix.length()) + suffix, MAX_UNIT + 70);
                folders.add((category + "/" + folder).toLowerCase(Locale.ROOT));
            }
            return category + "/" + folder + "/" + file(fileName);
        }

        /** The file name, its extension kept when the stem has to be shortened. */
        static String file(String fileName) {
            String name = Text.nfc(fileName).strip();
            int dot = name.lastIndexOf('.');
            if (dot > 0 && name.length() - dot <= 11 && name.codePointCount(0, name.length()) > MAX_FILE) {
                String ext = name.substring(dot);
                return component(truncate(name.substring(0, dot), MAX_FILE - ext.length()).strip() + ext, MAX_FILE);
            }
            return component(name, MAX_FILE);
        }

        static String component(String raw, int max) {
            StringBuilder out = new StringBuilder();
            Text.nfc(raw).codePoints().forEach(c -> {
                if ("<>:\"/\\|?*".indexOf(c) >= 0 || isControl(c)) {
                    out.append('_');
                } else {
                    out.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
                }
            });
            String name = truncate(out.toString().strip(), max).replaceAll("[. ]+$", "");
            if (name.isEmpty()) {
                return "_";
            }
            int dot = name.indexOf('.');
            String stem = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
            return RESERVED.contains(stem) ? "_" + name : name;
        }

        private static String truncate(String s, int maxCodePoints) {
            if (s.codePointCount(0, s.length()) <= maxCodePoints) {
                return s;
            }
            return s.substring(0, s.offsetByCodePoints(0, Math.max(0, maxCodePoints)));
        }

        private static boolean isControl(int c) {
            int type = Character.getType(c);
            return c < 0x20 || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        }

        private static Set<String> reserved() {
            Set<String> names = new HashSet<>(Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
            for (String digit : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³")) {
                names.add("COM" + digit);
                names.add("LPT" + digit);
            }
            return Set.copyOf(names);
        }
    }

    /**
     * {@code manifest.csv}: one row per expected unit, with or without a file. UTF-8 with a byte order
     * mark and CRLF, for Excel; RFC 4180 quoting; names that could start a formula defused.
     */
    static final class Manifest {
        static final List<String> COLUMNS = List.of("unit", "name", "category", "file", "size", "sha256", "received", "state");

        private final StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append("\r\n");

        void row(UnitStatus row, String file, long size, String sha256Hex) {
            Optional<Submission> latest = row.latest();
            List<String> cells = List.of(row.unit().id(), StatusCsv.cell(row.unit().name(), true),
                    row.unit().category().name(), StatusCsv.cell(file, true), size < 0 ? "" : Long.toString(size),
                    sha256Hex, latest.map(s -> VietnamTime.iso(s.receivedAt())).orElse(""), row.state().name());
            csv.append(String.join(",", cells)).append("\r\n");
        }

        byte[] bytes() {
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
