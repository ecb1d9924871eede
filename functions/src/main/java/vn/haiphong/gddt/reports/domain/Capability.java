package vn.haiphong.gddt.reports.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a token lets its bearer do. A unit capability acts for one unit; an office capability
 * reads status and files, for every report ({@code scope = "*"}) or for one receiving department
 * ({@code TCCB}, {@code VP}), and names the person it was issued to, for the audit trail. Its
 * subject is written {@code <scope>@<actor>}.
 *
 * @param version for a unit, must equal the unit's current token version (raising it revokes)
 * @param tokenId  for an office token, the id it is recorded under (revoking the record revokes it);
 *                 empty for a unit
 */
public record Capability(Kind kind, String subject, int version, Instant expiresAt, String tokenId) {
    public enum Kind {
        UNIT('u'), OFFICE('o');

        final char tag;

        Kind(char tag) {
            this.tag = tag;
        }

        static Kind ofTag(String tag) {
            for (Kind kind : values()) {
                if (tag.length() == 1 && kind.tag == tag.charAt(0)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind");
        }
    }

    public static final String ALL_REPORTS = "*";
    private static final Pattern SCOPE = Pattern.compile("\\*|[A-Z0-9_]{1,16}");
    private static final Pattern ACTOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public static Capability unit(String unitId, int version, Instant expiresAt) {
        return new Capability(Kind.UNIT, unitId, version, expiresAt, "");
    }

    public static Capability office(String scope, String actor, Instant expiresAt, String tokenId) {
        if (!SCOPE.matcher(scope).matches() || !ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException("office scope is * or a receiver code; actor is a lowercase name");
        }
        if (!OfficeToken.validId(tokenId)) {
            throw new IllegalArgumentException("an office token id is 16 lowercase letters and digits");
        }
        return new Capability(Kind.OFFICE, scope + "@" + actor, 1, expiresAt, tokenId);
    }

    /** For an office capability: {@code *} or the one receiving department it may see. */
    public String scope() {
        int at = subject.indexOf('@');
        return kind == Kind.OFFICE && at > 0 ? subject.substring(0, at) : "";
    }

    /** Who acts: the unit, or the person an office token was issued to. */
    public String actor() {
        int at = subject.indexOf('@');
        return kind == Kind.OFFICE && at > 0 ? subject.substring(at + 1) : subject;
    }

    public boolean mayRead(Report report) {
        return kind == Kind.OFFICE && (scope().equals(ALL_REPORTS) || scope().equals(report.receiverCode()));
    }
}
