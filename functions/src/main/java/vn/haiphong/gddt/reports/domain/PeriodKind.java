package vn.haiphong.gddt.reports.domain;

/** Reporting periods of the plan: the first half-year (6 tháng) and the whole year (năm). */
public enum PeriodKind {
    H1("H1", "6 tháng"),
    YEAR("Y", "năm");

    private final String code;
    private final String label;

    PeriodKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static PeriodKind ofCode(String code) {
        for (PeriodKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kỳ báo cáo không hợp lệ: " + code);
    }
}
