package vn.haiphong.gddt.reports.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a submission's file lives: {@code submissions/<year>/<report>/<period>/<unit>/<id>/<safe-name>}.
 * The server chooses it, so the key alone says whose file it is and for what.
 */
public record SubmissionKey(Period period, String reportId, String unitId, String submissionId, String safeName) {
    public static final String PREFIX = "submissions/";
    public static final String QUARANTINE_PREFIX = "quarantine/";
    private static final Pattern KEY = Pattern.compile(
            "submissions/(\\d{4})/([A-Z0-9_]{2,16})/(\\d{4}-[A-Z0-9]+(?:-[A-Z0-9]+)?)/([a-z0-9-]{1,64})/([a-z0-9]{8,64})/([A-Za-z0-9_][A-Za-z0-9._-]{0,119})");

    public String key() {
        return prefix(period, reportId) + unitId + "/" + submissionId + "/" + safeName;
    }

    /** Where every file of one obligation lives: {@code submissions/<year>/<report>/<period>/}. */
    public static String prefixOf(Obligation obligation) {
        return prefix(obligation.period(), obligation.report().id());
    }

    private static String prefix(Period period, String reportId) {
        return PREFIX + period.year() + "/" + reportId + "/" + period.id() + "/";
    }

    public String obligationId() {
        return reportId + ":" + period.id();
    }

    public String quarantineKey() {
        return QUARANTINE_PREFIX + key().substring(PREFIX.length());
    }

    public static Optional<SubmissionKey> parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Period.parse(m.group(3))
                .filter(p -> p.year() == Integer.parseInt(m.group(1)))
                .map(p -> new SubmissionKey(p, m.group(2), m.group(4), m.group(5), m.group(6)));
    }
}
