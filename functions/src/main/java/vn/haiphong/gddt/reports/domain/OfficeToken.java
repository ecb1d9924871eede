package vn.haiphong.gddt.reports.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An office token as the Office recorded it when it was issued: whom it was issued to, what it may
 * see, until when, and whether it was revoked. The signed token carries only the id; this record is
 * what makes it revocable one by one, without dropping the signing key every school link depends on.
 *
 * @param actor       the holder's technical id (lowercase), as signed into the token
 * @param displayName the holder as people read it, e.g. "Nguyễn Thị Hoa — Văn phòng"
 * @param scope       {@code *} or the one receiving department it may see
 */
public record OfficeToken(String tokenId, String actor, String displayName, String scope, Instant issuedAt,
                          Instant expiresAt, Optional<Instant> revokedAt) {
    private static final Pattern ID = Pattern.compile("[a-z2-7]{16}");
    /** The longest an office token may live: one leaked is the key to every school's files until then. */
    public static final Duration LONGEST_LIFE = Duration.ofDays(90);
    public static final int MAX_DISPLAY_NAME = 120;

    public OfficeToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        displayName = Text.nfc(displayName).strip();
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    /**
     * A new token's record; refuses a lifetime beyond {@link #LONGEST_LIFE} and a name people could not read.
     *
     * @throws IllegalArgumentException with a message for the person issuing it
     */
    public static OfficeToken issue(String tokenId, String scope, String actor, String displayName, Instant now,
                                    Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_LIFE) > 0) {
            throw new IllegalArgumentException("an office token lives 1 to " + LONGEST_LIFE.toDays()
                    + " days (mã của Văn phòng có hạn tối đa " + LONGEST_LIFE.toDays() + " ngày)");
        }
        OfficeToken token = new OfficeToken(tokenId, actor, displayName, scope, now, now.plus(validity), Optional.empty());
        if (token.displayName.isEmpty() || token.displayName.length() > MAX_DISPLAY_NAME
                || token.displayName.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the display name is 1 to " + MAX_DISPLAY_NAME
                    + " characters on one line, e.g. \"Nguyễn Thị Hoa — Văn phòng\" (tên hiển thị)");
        }
        return token;
    }

    /** Ids are what {@code revoke-token} is typed with: 16 lowercase letters and digits (80 random bits). */
    public static boolean validId(String tokenId) {
        return tokenId != null && ID.matcher(tokenId).matches();
    }

    /** The capability signed into the token this record stands for. */
    public Capability capability() {
        return Capability.office(scope, actor, expiresAt, tokenId);
    }

    /** Whether a verified token of this id may still act: recorded for the same holder and scope, not revoked. */
    public boolean stands(Capability presented) {
        return revokedAt.isEmpty() && presented.tokenId().equals(tokenId) && presented.scope().equals(scope)
                && presented.actor().equals(actor);
    }

    public boolean mayRead(Report report) {
        return capability().mayRead(report);
    }

    /** Who acts with this token, for the records they write. */
    public Actor person() {
        return new Actor(actor, displayName);
    }
}
