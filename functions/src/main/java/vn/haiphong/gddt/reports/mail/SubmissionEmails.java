package vn.haiphong.gddt.reports.mail;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.gddt.reports.domain.Obligation;
import vn.haiphong.gddt.reports.domain.ObligationState;
import vn.haiphong.gddt.reports.domain.Submission;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.VietnamTime;

/** The receipt (biên nhận) and the refusal a unit gets for each file it sends; Vietnamese, HTML and text. */
public final class SubmissionEmails {

    public Mailer.Email receipt(Unit unit, Obligation obligation, Submission s, List<String> to) {
        String subject = "Biên nhận: " + obligation.name() + " — " + unit.name();
        String lead = "Sở GDĐT Hải Phòng đã nhận báo cáo của " + unit.name() + ". Thông tin biên nhận:";
        Map<String, String> rows = facts(obligation, s);
        rows.put("Tình trạng", (s.onTime() ? ObligationState.ON_TIME : ObligationState.LATE).words());
        // The receipt proves the time of receipt and never waits for the inspection; its verdict follows on the page.
        rows.put("Chữ ký số và nội dung tệp", "Đang được kiểm tra; kết quả hiện trên trang nộp báo cáo của đơn vị trong"
                + " vòng một phút. Nếu tệp không đạt, đơn vị sẽ nhận thêm một thư báo.");
        return render(unit, to, subject, lead, rows,
                "Đơn vị lưu lại thư này làm biên nhận. Mã SHA-256 giúp đối chiếu đúng tệp đã gửi.");
    }

    public Mailer.Email refusal(Unit unit, Obligation obligation, Submission s, List<String> to) {
        String subject = "Tệp không hợp lệ, chưa được tính là đã nộp: " + obligation.name();
        String lead = "Tệp " + unit.name() + " vừa gửi KHÔNG được tiếp nhận vì " + s.refusal().orElse("") + ".";
        Map<String, String> rows = facts(obligation, s);
        return render(unit, to, subject, lead, rows,
                "Đề nghị đơn vị kiểm tra lại tệp và gửi lại qua đường liên kết Sở đã cấp. Báo cáo chỉ được tính là đã nộp khi có biên nhận.");
    }

    /** The refusal of a file the inspection refused after its receipt went out: the receipt no longer counts. */
    public Mailer.Email inspectionRefusal(Unit unit, Obligation obligation, Submission s, List<String> to) {
        String subject = "Tệp không đạt khi kiểm tra, chưa được tính là đã nộp: " + obligation.name();
        String lead = "Tệp " + unit.name() + " đã gửi (mã biên nhận " + s.submissionId() + ") KHÔNG được tính là đã nộp vì "
                + s.refusal().orElse("") + ".";
        return render(unit, to, subject, lead, facts(obligation, s),
                "Biên nhận trước đó của tệp này không còn giá trị. Đề nghị đơn vị kiểm tra lại tệp và gửi lại qua đường"
                        + " liên kết Sở đã cấp.");
    }

    private static Map<String, String> facts(Obligation obligation, Submission s) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Báo cáo", obligation.title());
        rows.put("Kỳ báo cáo", obligation.period().text());
        rows.put("Nơi nhận", obligation.report().receiver());
        rows.put("Hạn nộp", obligation.dueWording());
        rows.put("Thời điểm hệ thống nhận", VietnamTime.dateTime(s.receivedAt()) + " (giờ Việt Nam)");
        rows.put("Tên tệp", s.fileName());
        rows.put("Dung lượng", grouped(s.size()) + " byte");
        rows.put("SHA-256", hex(s.sha256()));
        rows.put("Mã biên nhận", s.submissionId());
        return rows;
    }

    private static Mailer.Email render(Unit unit, List<String> to, String subject, String lead, Map<String, String> rows,
                                       String closing) {
        StringBuilder text = new StringBuilder("Kính gửi ").append(unit.name()).append(",\n\n").append(lead).append("\n\n");
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><body>")
                .append("<p>Kính gửi ").append(escape(unit.name())).append(",</p><p>").append(escape(lead))
                .append("</p><table cellpadding=\"4\" style=\"border-collapse:collapse\">");
        rows.forEach((label, value) -> {
            text.append("- ").append(label).append(": ").append(value).append('\n');
            html.append("<tr><th align=\"left\">").append(escape(label)).append("</th><td>").append(escape(value))
                    .append("</td></tr>");
        });
        text.append('\n').append(closing).append("\n\nVăn phòng Sở GDĐT Hải Phòng\n(Thư gửi tự động, xin không trả lời.)\n");
        html.append("</table><p>").append(escape(closing))
                .append("</p><p>Văn phòng Sở GDĐT Hải Phòng<br><small>(Thư gửi tự động, xin không trả lời.)</small></p></body></html>");
        return new Mailer.Email(to, subject, html.toString(), text.toString());
    }

    /**
     * "26.214.400", digits grouped by three with a dot as Vietnamese writes numbers (what the JDK's vi-VN
     * integer format gives, without loading its locale data on the receipt's cold path).
     */
    static String grouped(long number) {
        String digits = Long.toString(number);
        int start = number < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String hex(String base64) {
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
