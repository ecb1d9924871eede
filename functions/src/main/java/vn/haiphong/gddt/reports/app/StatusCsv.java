package vn.haiphong.gddt.reports.app;

import java.util.List;

/**
 * The status as one CSV row per unit and obligation, for Excel on an Office PC: UTF-8 with a byte
 * order mark (or Excel guesses the wrong code page for Vietnamese), CRLF line ends, RFC 4180 quoting,
 * and cells that would start a formula defused with a leading apostrophe.
 */
public final class StatusCsv {
    public static final List<String> COLUMNS = List.of("obligation", "report", "period", "title", "receiver", "due",
            "unit", "name", "category", "state", "dueForUnit", "extensionUntil", "extensionReason", "submittedAt",
            "submissions", "latestSubmissionId", "latestFileName", "latestSize", "latestSha256", "latestReceivedAt",
            "emails", "contactable", "undeliverable", "returnedSubmissionId", "returnedAt", "returnedBy", "returnReason",
            "extensionGrantedByName", "returnedByName", "latestInspection", "latestSignatures");

    /** Free text a person typed: the only cells a formula could hide in (a SHA-256 may start with "+"). */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("title", "receiver", "name",
            "extensionReason", "latestFileName", "returnReason", "extensionGrantedByName", "returnedByName", "latestSignatures");

    private StatusCsv() {
    }

    public static String of(StatusDocument document) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        header(csv);
        List<StatusDocument.ObligationView> reportsThenTasks = new java.util.ArrayList<>(document.obligations());
        reportsThenTasks.addAll(document.tasks());
        for (StatusDocument.ObligationView o : reportsThenTasks) {
            for (StatusDocument.UnitView u : o.units()) {
                var ext = u.extension();
                var latest = u.latest();
                var returned = u.returned();
                row(csv, List.of(o.obligation(), o.report(), o.period(), o.title(), o.receiver(), o.due(),
                        u.unit(), u.name(), u.category(), u.state(), u.dueForUnit(),
                        ext == null ? "" : ext.until(), ext == null ? "" : ext.reason(),
                        nullToEmpty(u.submittedAt()), Integer.toString(u.submissions()),
                        latest == null ? "" : latest.submissionId(), latest == null ? "" : latest.fileName(),
                        latest == null ? "" : Long.toString(latest.size()), latest == null ? "" : latest.sha256(),
                        latest == null ? "" : latest.receivedAt(), String.join(";", u.emails()), Boolean.toString(u.contactable()),
                        String.join(";", u.undeliverable()), returned == null ? "" : returned.submissionId(),
                        returned == null ? "" : returned.returnedAt(), returned == null ? "" : returned.returnedBy(),
                        returned == null ? "" : returned.reason(), ext == null ? "" : ext.grantedByName(),
                        returned == null ? "" : returned.returnedByName(), latest == null ? "" : inspection(latest.inspection()),
                        latest == null ? "" : signatures(latest.inspection())));
            }
        }
        return csv.toString();
    }

    /** {@code PENDING}, or the verdict with the problem codes: {@code OK}, {@code REFUSED pdf-encrypted}. */
    private static String inspection(InspectionView i) {
        return i.state().equals("PENDING") ? "PENDING" : (i.verdict() + " " + String.join(" ", i.problems())).strip();
    }

    /** One signature per {@code ;}: {@code signer — organization: VALID, whole|partial, TRUSTED|UNTRUSTED}. */
    private static String signatures(InspectionView i) {
        return i.signatures().stream().map(s -> s.signer() + (s.organization().isEmpty() ? "" : " — " + s.organization())
                + ": " + s.integrity() + ", " + (s.coversWholeDocument() ? "whole" : "partial") + ", " + s.trust())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static void header(StringBuilder csv) {
        csv.append(String.join(",", COLUMNS)).append("\r\n");
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i), FREE_TEXT.contains(COLUMNS.get(i))));
        }
        csv.append("\r\n");
    }

    static String cell(String value, boolean freeText) {
        String v = value;
        if (freeText && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
