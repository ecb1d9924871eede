package vn.haiphong.gddt.reports.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.ReminderPlan;
import vn.haiphong.gddt.reports.domain.UnitCategory;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * The status as an Excel workbook for the Office's own reports to the city: a summary sheet (per
 * obligation, all units then each category: expected, on time, late, missing, and the rates) and one
 * sheet per obligation, one row per unit. Vietnamese headers and state words; deadlines as the last
 * day a file is on time ("trước ngày 10/6/2025" is 09/06/2025), times as real Excel date-times in
 * Vietnam time; a frozen, filtered header row on every sheet. The CSV stays the format for programs.
 */
public final class StatusWorkbook {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> SUMMARY_HEADERS = List.of("Mã báo cáo", "Kỳ", "Báo cáo", "Nơi nhận", "Hạn nộp (ngày cuối)",
            "Loại đơn vị", "Phải nộp", ObligationState.ON_TIME.words(), ObligationState.LATE.words(),
            ObligationState.MISSING.words(), ObligationState.OPEN.words(), "Tỷ lệ đã nộp", "Tỷ lệ đúng hạn");
    static final List<String> UNIT_HEADERS = List.of("Mã đơn vị", "Đơn vị", "Loại đơn vị", "Tình trạng",
            "Hạn nộp (ngày cuối)", "Thời điểm nộp", "Số tệp đã nộp", "Tên tệp", "Dung lượng (byte)", "Chữ ký số",
            "Gia hạn đến (ngày cuối)", "Lý do gia hạn", "Người cấp gia hạn", "Trả lại lúc", "Lý do trả lại",
            "Người trả lại");

    private static final String DATE = "dd/mm/yyyy";
    private static final String DATE_TIME = "dd/mm/yyyy hh:mm:ss";
    private static final String PERCENT = "0.0%";
    private static final String COUNT = "#,##0";
    /** Sheet names: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    private static final int SHEET_NAME_MAX = 31;

    private StatusWorkbook() {
    }

    public static byte[] of(StatusDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "He thong bao cao dinh ky", "1.0")) {
            List<StatusDocument.ObligationView> all = new ArrayList<>(document.obligations());
            all.addAll(document.tasks());
            summary(workbook.newWorksheet("Tổng hợp"), all);
            for (StatusDocument.ObligationView o : all) {
                units(workbook.newWorksheet(sheetName(o)), o);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void summary(Worksheet sheet, List<StatusDocument.ObligationView> obligations) throws IOException {
        header(sheet, SUMMARY_HEADERS, new double[] {12, 22, 60, 24, 14, 34, 10, 10, 10, 18, 18, 12, 14});
        int row = 1;
        for (StatusDocument.ObligationView o : obligations) {
            StatusDocument.SummaryView s = o.summary();
            summaryRow(sheet, row++, o, "Tất cả", s.expected(), s.onTime(), s.late(), s.missing(), s.notDue(),
                    s.completeness(), s.timeliness());
            for (Map.Entry<String, StatusDocument.CategoryView> byCategory : s.byCategory().entrySet()) {
                StatusDocument.CategoryView c = byCategory.getValue();
                summaryRow(sheet, row++, o, UnitCategory.valueOf(byCategory.getKey()).label(), c.expected(), c.onTime(),
                        c.late(), c.missing(), c.notDue(), c.completeness(), c.timeliness());
            }
        }
        sheet.setAutoFilter(0, 0, SUMMARY_HEADERS.size() - 1);
        sheet.finish();
    }

    private static void summaryRow(Worksheet sheet, int row, StatusDocument.ObligationView o, String category,
                                   int expected, int onTime, int late, int missing, int notDue,
                                   double completeness, double timeliness) {
        sheet.value(row, 0, o.report());
        sheet.value(row, 1, o.periodText());
        sheet.value(row, 2, o.title());
        sheet.value(row, 3, o.receiver());
        date(sheet, row, 4, lastDay(o.due()));
        sheet.value(row, 5, category);
        int column = 6;
        for (int count : new int[] {expected, onTime, late, missing, notDue}) {
            sheet.value(row, column, count);
            sheet.style(row, column++).format(COUNT).set();
        }
        for (double rate : new double[] {completeness, timeliness}) {
            sheet.value(row, column, rate);
            sheet.style(row, column++).format(PERCENT).set();
        }
    }

    private static void units(Worksheet sheet, StatusDocument.ObligationView o) throws IOException {
        header(sheet, UNIT_HEADERS, new double[] {22, 44, 30, 20, 14, 20, 10, 40, 14, 50, 14, 36, 28, 20, 36, 28});
        int row = 1;
        for (StatusDocument.UnitView u : o.units()) {
            sheet.value(row, 0, u.unit());
            sheet.value(row, 1, u.name());
            sheet.value(row, 2, UnitCategory.valueOf(u.category()).label());
            ObligationState state = ObligationState.valueOf(u.state());
            sheet.value(row, 3, u.stateText());
            if (state != ObligationState.EXEMPT) {
                date(sheet, row, 4, lastDay(u.dueForUnit()));
            }
            if (u.submittedAt() != null) {
                sheet.value(row, 5, vietnamTime(u.submittedAt()));
                sheet.style(row, 5).format(DATE_TIME).set();
            }
            sheet.value(row, 6, u.submissions());
            if (u.latest() != null) {
                sheet.value(row, 7, u.latest().fileName());
                sheet.value(row, 8, u.latest().size());
                sheet.style(row, 8).format(COUNT).set();
                InspectionView.SealView seal = u.latest().inspection().seal();
                sheet.value(row, 9, seal == null ? "" : seal.text());
            }
            if (u.extension() != null) {
                date(sheet, row, 10, lastDay(u.extension().until()));
                sheet.value(row, 11, u.extension().reason());
                sheet.value(row, 12, u.extension().grantedByName());
            }
            if (u.returned() != null) {
                sheet.value(row, 13, vietnamTime(u.returned().returnedAt()));
                sheet.style(row, 13).format(DATE_TIME).set();
                sheet.value(row, 14, u.returned().reason());
                sheet.value(row, 15, u.returned().returnedByName());
            }
            row++;
        }
        sheet.setAutoFilter(0, 0, UNIT_HEADERS.size() - 1);
        sheet.finish();
    }

    private static void header(Worksheet sheet, List<String> headers, double[] widths) {
        for (int column = 0; column < headers.size(); column++) {
            sheet.value(0, column, headers.get(column));
            sheet.width(column, widths[column]);
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").wrapText(true).set();
        sheet.freezePane(0, 1);
    }

    private static void date(Worksheet sheet, int row, int column, LocalDate day) {
        sheet.value(row, column, day);
        sheet.style(row, column).format(DATE).set();
    }

    /** The last day a file is on time before an instant from which it is late: the Vietnam date of the instant just before it. */
    static LocalDate lastDay(String isoInstant) {
        return ReminderPlan.lastOnTimeDay(OffsetDateTime.parse(isoInstant).toInstant());
    }

    private static LocalDateTime vietnamTime(String isoInstant) {
        return OffsetDateTime.parse(isoInstant).atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
    }

    /** {@code QCDC 2025-H1}: the obligation's id without the colon Excel forbids in a sheet's name. */
    static String sheetName(StatusDocument.ObligationView o) {
        String name = (o.report() + " " + o.period()).replaceAll("[:\\\\/?*\\[\\]]", "-");
        return name.length() > SHEET_NAME_MAX ? name.substring(0, SHEET_NAME_MAX) : name;
    }
}
