package vn.haiphong.gddt.reports.app;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.FileName;
import vn.haiphong.gddt.reports.domain.FileType;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.SubmissionKey;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.files.SubmissionFiles.PresignedUpload;
import vn.haiphong.gddt.reports.files.SubmissionFiles;
import vn.haiphong.gddt.reports.store.SubmissionLedger;
import vn.haiphong.gddt.reports.store.UploadGrantQuota;

/**
 * Grants a unit one upload: checks the obligation, the window and the file, then asks storage for
 * a short-lived URL that accepts exactly that file under a key of our choosing.
 */
public final class Uploads {
    /** Metadata carried by the object itself, so the storage event alone says what arrived. */
    public static final String META_FILE_NAME = "file-name";
    public static final String META_SHA256 = "sha256";

    /** @param grantsPerMinute presigned URLs one unit may be given in a minute */
    public record Limits(long maxBytes, Duration urlValidFor, int grantsPerMinute) {
        public Limits {
            if (maxBytes < 1 || urlValidFor.isNegative() || urlValidFor.compareTo(Duration.ofMinutes(15)) > 0
                    || grantsPerMinute < 1) {
                throw new IllegalArgumentException("max bytes ≥ 1, URL validity ≤ 15 minutes, grants a minute ≥ 1");
            }
        }
    }

    public record Grant(String submissionId, String key, PresignedUpload upload) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Catalog catalog;
    private final SubmissionLedger ledger;
    private final SubmissionFiles files;
    private final UploadGrantQuota quota;
    private final Limits limits;
    private final Clock clock;

    public Uploads(Catalog catalog, SubmissionLedger ledger, SubmissionFiles files, UploadGrantQuota quota, Limits limits,
                   Clock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.files = files;
        this.quota = quota;
        this.limits = limits;
        this.clock = clock;
    }

    public Grant grant(Unit unit, UploadRequest request) {
        Obligation obligation = catalog.find(request.obligation()).filter(catalog::collects)
                .orElseThrow(() -> new RequestRefused(Problem.OBLIGATION_UNKNOWN));
        if (!obligation.owedBy(unit)) {
            throw new RequestRefused(Problem.OBLIGATION_NOT_OWED);
        }
        Instant now = clock.instant();
        Instant dueForUnit = ObligationStatus.row(obligation, unit, List.of(),
                ledger.records(obligation.id(), unit.id()).extensions(), now).dueForUnit();
        if (obligation.isLocked(now, dueForUnit)) {
            throw new RequestRefused(Problem.OBLIGATION_LOCKED);
        }
        if (!obligation.acceptsUploadsAt(now, dueForUnit)) {
            throw new RequestRefused(Problem.OBLIGATION_NOT_OPEN);
        }
        FileName name = FileName.of(request.fileName()).orElseThrow(() -> new RequestRefused(Problem.FILE_NAME_INVALID));
        FileType type = FileType.ofContentType(request.contentType())
                .orElseThrow(() -> new RequestRefused(Problem.CONTENT_TYPE_NOT_ALLOWED));
        if (!type.fitsName(name.original())) {
            throw new RequestRefused(Problem.FILE_TYPE_MISMATCH);
        }
        if (request.size() < 1) {
            throw new RequestRefused(Problem.SIZE_INVALID);
        }
        if (request.size() > limits.maxBytes()) {
            throw new RequestRefused(Problem.SIZE_TOO_LARGE,
                    Problem.SIZE_TOO_LARGE.detail() + " Tối đa " + limits.maxBytes() + " byte.");
        }
        String sha256 = canonicalSha256(request.sha256());
        // Counted last: only a grant that would be given uses up the unit's minute.
        if (!quota.tryTake(unit.id(), now, limits.grantsPerMinute())) {
            throw new RequestRefused(Problem.TOO_MANY_REQUESTS,
                    Duration.ofSeconds(60 - now.atZone(java.time.ZoneOffset.UTC).getSecond()));
        }

        String submissionId = newSubmissionId();
        SubmissionKey key = new SubmissionKey(obligation.period(), obligation.report().id(), unit.id(), submissionId,
                name.safe());
        Map<String, String> metadata = Map.of(
                META_FILE_NAME, URLEncoder.encode(name.original(), StandardCharsets.UTF_8).replace("+", "%20"),
                META_SHA256, sha256);
        PresignedUpload upload = files.presignUpload(
                new SubmissionFiles.UploadSpec(key.key(), type.contentType(), request.size(), sha256, metadata),
                limits.urlValidFor());
        return new Grant(submissionId, key.key(), upload);
    }

    /** A SHA-256 is 32 bytes; accepted in base64 (as S3 wants it) and returned in canonical base64. */
    private static String canonicalSha256(String given) {
        if (given == null) {
            throw new RequestRefused(Problem.SHA256_INVALID);
        }
        try {
            byte[] digest = Base64.getDecoder().decode(given.strip());
            if (digest.length == 32) {
                return Base64.getEncoder().encodeToString(digest);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below: not base64
        }
        throw new RequestRefused(Problem.SHA256_INVALID);
    }

    private static String newSubmissionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
