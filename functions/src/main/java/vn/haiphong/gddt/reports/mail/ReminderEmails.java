package vn.haiphong.gddt.reports.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.ReminderStage;
import vn.haiphong.gddt.reports.domain.Returned;
import vn.haiphong.gddt.reports.domain.StatusSummary;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitStatus;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/**
 * The e-mails that ask a unit for a file — reminders and the Office's returns, each with the unit's
 * own link — and digests to a receiving department, from the templates beside this class.
 */
public final class ReminderEmails {
    private final MailTemplate reminderText = MailTemplate.load("reminder.txt");
    private final MailTemplate reminderHtml = MailTemplate.load("reminder.html");
    private final MailTemplate returnedText = MailTemplate.load("returned.txt");
    private final MailTemplate returnedHtml = MailTemplate.load("returned.html");
    private final MailTemplate digestText = MailTemplate.load("digest.txt");
    private final MailTemplate digestHtml = MailTemplate.load("digest.html");
    private final String baseUrl;

    public ReminderEmails(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param today        the day it is sent, which the days left or overdue count from
     * @param receiverEmail the receiving department's address, for questions
     */
    public Mailer.Email reminder(Unit unit, Obligation o, ReminderStage stage, Instant dueForUnit, LocalDate today,
                                 String unitToken, String receiverEmail, List<String> to) {
        long daysLeft = daysLeft(dueForUnit, today);
        String subject;
        String lead;
        if (stage.id().equals("OPEN")) {
            subject = "Mở nhận " + o.title() + " — hạn " + o.dueWording();
            lead = "Sở GDĐT Hải Phòng đã mở nhận " + lower(o.title()) + ". Đơn vị nộp trực tuyến theo đường liên kết dưới đây.";
        } else if (daysLeft > 0) {
            subject = "Nhắc nộp báo cáo: còn " + daysLeft + " ngày — " + o.title();
            lead = "Đơn vị chưa nộp " + lower(o.title()) + ". Đề nghị đơn vị nộp trước hạn.";
        } else if (daysLeft == 0) {
            subject = "Hôm nay là ngày cuối nộp " + lower(o.title());
            lead = "Hôm nay là ngày cuối để nộp đúng hạn " + lower(o.title()) + "; đơn vị chưa nộp.";
        } else {
            subject = "Quá hạn " + (-daysLeft) + " ngày: " + o.title() + " — đề nghị nộp ngay";
            lead = "Đã quá hạn nộp " + lower(o.title()) + " mà hệ thống chưa nhận được báo cáo của đơn vị. Đề nghị đơn vị nộp ngay.";
        }
        Map<String, String> values = new HashMap<>();
        values.put("unitName", unit.name());
        values.put("lead", lead);
        values.put("title", o.title());
        values.put("period", o.task().map(t -> t.timeFrame().text()).orElse(o.period().text()));
        values.put("coverage", coverage(o));
        values.put("dueText", dueText(o, dueForUnit));
        values.put("daysText", daysText(dueForUnit, today));
        values.put("receiver", o.report().receiver());
        values.put("receiverEmail", receiverEmail);
        values.put("link", baseUrl + "/u/" + unitToken);
        return new Mailer.Email(to, subject, reminderHtml.render(values), reminderText.render(values));
    }

    /**
     * The Office sent a file back: which report, which file, why, the deadline that now applies and
     * the unit's link to send a new one.
     */
    public Mailer.Email returned(Unit unit, Obligation o, Submission s, Returned r, Instant dueForUnit,
                                 String unitToken, List<String> to) {
        LocalDate today = VietnamTime.dateOf(r.returnedAt());
        boolean late = !r.returnedAt().isBefore(dueForUnit);
        Map<String, String> values = new HashMap<>();
        values.put("unitName", unit.name());
        values.put("title", o.title());
        values.put("period", o.period().text());
        values.put("fileName", s.fileName());
        values.put("receivedAt", VietnamTime.dateTime(s.receivedAt()));
        values.put("returnedAt", VietnamTime.dateTime(r.returnedAt()));
        values.put("reason", r.reason());
        values.put("dueText", dueText(o, dueForUnit));
        values.put("daysText", daysText(dueForUnit, today));
        values.put("lateNote", late ? "Đã quá hạn nộp: bản nộp lại được ghi nhận là nộp muộn."
                : "Bản nộp lại trước hạn được ghi nhận là nộp đúng hạn.");
        values.put("receiver", o.report().receiver());
        values.put("link", baseUrl + "/u/" + unitToken);
        String subject = "Sở trả lại " + lower(o.name()) + " — đề nghị nộp lại";
        return new Mailer.Email(to, subject, returnedHtml.render(values), returnedText.render(values));
    }

    private static long daysLeft(Instant dueForUnit, LocalDate today) {
        return ChronoUnit.DAYS.between(today, VietnamTime.dateOf(dueForUnit.minusNanos(1)));
    }

    private static String dueText(Obligation o, Instant dueForUnit) {
        return dueForUnit.equals(o.due()) ? o.dueWording() : "trước " + VietnamTime.dateTime(dueForUnit) + " (đã gia hạn)";
    }

    private static String daysText(Instant dueForUnit, LocalDate today) {
        long daysLeft = daysLeft(dueForUnit, today);
        return daysLeft > 0 ? "còn " + daysLeft + " ngày, hạn cuối là hết ngày "
                + VietnamTime.date(VietnamTime.dateOf(dueForUnit.minusNanos(1)))
                : daysLeft == 0 ? "hôm nay là ngày cuối"
                : "đã quá hạn " + (-daysLeft) + " ngày";
    }

    public Mailer.Email digest(Obligation o, ObligationStatus status, Instant asOf, String receiverEmail) {
        StatusSummary s = status.summary();
        List<UnitStatus> missing = status.units().stream()
                .filter(u -> u.state() == ObligationState.MISSING || u.state() == ObligationState.OPEN)
                .toList();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<ol>");
        for (UnitStatus u : missing) {
            String line = u.unit().name() + " — " + u.stateText()
                    + (u.unit().emails().isEmpty() ? " — chưa có địa chỉ e-mail" : "");
            text.append("- ").append(line).append('\n');
            html.append("<li>").append(SubmissionEmails.escape(line)).append("</li>");
        }
        html.append("</ol>");
        Map<String, String> values = new HashMap<>();
        values.put("receiver", o.report().receiver());
        values.put("title", o.title());
        values.put("dueText", o.dueWording());
        values.put("asOf", VietnamTime.dateTime(asOf));
        values.put("expected", Integer.toString(s.expected()));
        values.put("onTime", Integer.toString(s.onTime()));
        values.put("late", Integer.toString(s.late()));
        values.put("missing", Integer.toString(s.missing()));
        values.put("notDue", Integer.toString(s.notDue()));
        values.put("onTimeWords", ObligationState.ON_TIME.words());
        values.put("lateWords", ObligationState.LATE.words());
        values.put("missingWords", ObligationState.MISSING.words());
        values.put("notDueWords", ObligationState.OPEN.words());
        values.put("completeness", percent(s.completeness()));
        values.put("timeliness", percent(s.timeliness()));
        values.put("missingCount", Integer.toString(missing.size()));
        values.put("missingList", missing.isEmpty() ? "(không có)" : text.toString().stripTrailing());
        values.put("missingListHtml", missing.isEmpty() ? "<p>(không có)</p>" : html.toString());
        values.put("dashboard", baseUrl + "/office");
        String subject = "Tổng hợp " + lower(o.name()) + ": " + (s.onTime() + s.late()) + "/"
                + s.expected() + " đơn vị đã nộp, " + missing.size() + " chưa nộp";
        return new Mailer.Email(List.of(receiverEmail), subject, digestHtml.render(values), digestText.render(values));
    }

    /** What the file must cover: the Decree 09 data window of a report, or the evidence of a task. */
    static String coverage(Obligation o) {
        return o.task().map(t -> "Minh chứng thực hiện nhiệm vụ " + t.number() + " của Kế hoạch; chủ trì: " + t.lead()
                        + "; phối hợp: " + t.coordinating())
                .orElseGet(() -> o.dataWindow().orElseThrow().text());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100).replace('.', ',');
    }

    private static String lower(String title) {
        return Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }
}
