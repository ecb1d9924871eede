package vn.haiphong.gddt.reports.handlers;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a person reaches outside the two pages ({@code /}, {@code /u}, a mistyped address): a short page
 * in Vietnamese saying what happened, what to do and whom to write to (each receiving department's
 * address), never the JSON a program gets. Nothing of the address asked for is echoed back.
 */
final class PeoplePages {
    record Page(int status, String html) {
    }

    private final String contacts;

    /** @param contacts each receiving department's name and its address */
    PeoplePages(Map<String, String> contacts) {
        this.contacts = contacts.isEmpty() ? ""
                : "<p class=\"contact\">Cần hỗ trợ, xin liên hệ: " + contacts.entrySet().stream()
                        .map(c -> escape(c.getKey()) + " — <a href=\"mailto:" + escape(c.getValue()) + "\">"
                                + escape(c.getValue()) + "</a>")
                        .collect(Collectors.joining("; ")) + ".</p>";
    }

    Page pageFor(String path) {
        if (path.equals("/")) {
            return page(200, "Hệ thống nhận báo cáo định kỳ",
                    "Đây là nơi các đơn vị nộp báo cáo định kỳ cho Sở Giáo dục và Đào tạo Hải Phòng.",
                    "Mỗi đơn vị có một đường liên kết riêng, Sở đã gửi qua thư điện tử (dạng …/u/ và một mã dài)."
                            + " Hãy mở đường liên kết đó để xem các báo cáo phải nộp, hạn nộp và nộp tệp.",
                    "Cán bộ Văn phòng Sở theo dõi tình hình nộp tại <a href=\"/office\">trang theo dõi</a>.");
        }
        if (path.equals("/u") || path.equals("/u/")) {
            return page(404, "Đường liên kết thiếu mã đơn vị",
                    "Đường liên kết này thiếu phần mã riêng của đơn vị, nên hệ thống không biết đơn vị nào đang mở.",
                    "Hãy mở lại đúng đường liên kết trong thư của Sở: bấm vào liên kết trong thư, hoặc sao chép"
                            + " cả dòng (dạng …/u/ và một mã dài), đừng gõ lại bằng tay.");
        }
        return page(404, "Không có trang này",
                "Địa chỉ vừa mở không có trong hệ thống nhận báo cáo.",
                "Nếu đơn vị cần nộp báo cáo, hãy mở đường liên kết riêng trong thư của Sở. Cán bộ Văn phòng Sở"
                        + " vào <a href=\"/office\">trang theo dõi</a>.");
    }

    /** {@code paragraphs} are our own sentences, with our own links: nothing a visitor sent goes in. */
    private Page page(int status, String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>");
        }
        return new Page(status, "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " — Sở GDĐT Hải Phòng</title><link rel=\"stylesheet\" href=\"/assets/upload.css\"></head>"
                + "<body><header class=\"top\"><div class=\"wrap\"><p class=\"org\">Sở Giáo dục và Đào tạo Hải Phòng</p>"
                + "<p class=\"app\">Nộp báo cáo định kỳ</p></div></header>"
                + "<main id=\"main\" class=\"wrap people-page\"><h1>" + title + "</h1>" + body + contacts + "</main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
