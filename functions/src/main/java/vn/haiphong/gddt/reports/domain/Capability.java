package vn.haiphong.gddt.reports.domain;

import java.time.Instant;

/**
 * What a token lets its bearer do. A unit capability acts for one unit; an office capability
 * reads status and files, for every report ({@code scope = "*"}) or for one receiving department.
 *
 * @param version for a unit, must equal the unit's current token version (raising it revokes)
 */
public record Capability(Kind kind, String subject, int version, Instant expiresAt) {
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

    public static Capability unit(String unitId, int version, Instant expiresAt) {
        return new Capability(Kind.UNIT, unitId, version, expiresAt);
    }

    public static Capability office(String scope, Instant expiresAt) {
        return new Capability(Kind.OFFICE, scope, 1, expiresAt);
    }
}
