package vn.haiphong.gddt.reports.domain;

/**
 * One of the plan's tasks (section II.2): its lead departments upload their evidence through the
 * same link and upload path as a periodic report, under the report id {@code NV03}.
 *
 * @param lead         the plan's words for the lead unit ("đơn vị chủ trì")
 * @param coordinating the plan's words for the coordinating units ("đơn vị phối hợp")
 * @param report       who owes it (the lead) and who receives it (the department following the plan)
 */
public record Task(int number, String content, String lead, String coordinating, TimeFrame timeFrame, Report report) {
    public static String reportId(int number) {
        return (number < 10 ? "NV0" : "NV") + number;
    }

    /** "Nhiệm vụ 3: Triển khai thực hiện …". */
    public String title() {
        return "Nhiệm vụ " + number + ": " + content;
    }
}
