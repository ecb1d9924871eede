package vn.haiphong.gddt.reports.domain;

/**
 * Every way a request can be refused: a stable code for programs, an HTTP status, and the words a
 * person reads (Vietnamese).
 */
public enum Problem {
    TOKEN_MISSING(401, "Thiếu mã truy cập. Hãy mở đúng đường liên kết Sở đã gửi cho đơn vị."),
    TOKEN_INVALID(401, "Mã truy cập không hợp lệ. Hãy mở đúng đường liên kết Sở đã gửi cho đơn vị."),
    TOKEN_EXPIRED(401, "Đường liên kết đã hết hạn. Đề nghị liên hệ Văn phòng Sở để được cấp liên kết mới."),
    TOKEN_REVOKED(401, "Đường liên kết đã bị thu hồi. Đề nghị dùng liên kết mới nhất Sở đã gửi."),
    WRONG_TOKEN_KIND(403, "Mã truy cập này không dùng được cho chức năng này."),
    UNIT_UNKNOWN(403, "Đơn vị không có trong danh sách của Sở."),
    OBLIGATION_UNKNOWN(404, "Không có báo cáo hoặc kỳ báo cáo này."),
    OBLIGATION_NOT_OWED(403, "Đơn vị không thuộc diện nộp báo cáo này."),
    OBLIGATION_NOT_OPEN(409, "Kỳ báo cáo này chưa mở nhận báo cáo."),
    OBLIGATION_LOCKED(409, "Kỳ báo cáo này đã khóa, không nhận thêm báo cáo."),
    FILE_NAME_INVALID(400, "Tên tệp không hợp lệ (trống, chỉ có dấu chấm, chứa đường dẫn hoặc ký tự điều khiển, hoặc quá dài)."),
    CONTENT_TYPE_NOT_ALLOWED(415, "Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX, ODT hoặc ODS."),
    FILE_TYPE_MISMATCH(400, "Phần mở rộng của tên tệp không khớp với loại tệp."),
    SIZE_INVALID(400, "Kích thước tệp không hợp lệ."),
    SIZE_TOO_LARGE(413, "Tệp vượt quá dung lượng cho phép."),
    SHA256_INVALID(400, "Thiếu hoặc sai mã SHA-256 của tệp (phải là 32 byte mã hóa base64)."),
    BODY_INVALID(400, "Nội dung yêu cầu không đúng định dạng."),
    BODY_TOO_LARGE(413, "Nội dung yêu cầu quá lớn."),
    NOT_FOUND(404, "Không tìm thấy địa chỉ này."),
    METHOD_NOT_ALLOWED(405, "Phương thức không được hỗ trợ."),
    INTERNAL(500, "Hệ thống gặp lỗi. Xin vui lòng thử lại sau ít phút.");

    private final int status;
    private final String detail;

    Problem(int status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** The stable code, as programs see it: {@code token-missing}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
