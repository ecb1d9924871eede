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
    OUT_OF_SCOPE(403, "Mã truy cập này chỉ xem được báo cáo do phòng mình tiếp nhận."),
    QUERY_INVALID(400, "Tham số truy vấn không hợp lệ."),
    AS_OF_INVALID(400, "Thời điểm asOf không hợp lệ; hãy viết theo ISO-8601, ví dụ 2025-06-10T00:00:00+07:00."),
    AS_OF_IN_FUTURE(400, "Thời điểm asOf ở tương lai; trạng thái chỉ xem được đến thời điểm hiện tại."),
    CATEGORY_UNKNOWN(400, "Không có loại đơn vị này."),
    UNIT_NOT_FOUND(404, "Không có đơn vị này."),
    EXTENSION_UNTIL_INVALID(400, "Thời hạn gia hạn không hợp lệ hoặc không sau hạn nộp của báo cáo."),
    EXTENSION_REASON_INVALID(400, "Cần ghi lý do gia hạn (tối đa 500 ký tự)."),
    EXTENSION_NOT_FOUND(404, "Đơn vị không có gia hạn nào đang có hiệu lực cho báo cáo này."),
    SUBMISSION_NOT_FOUND(404, "Không có bản nộp nào với mã này."),
    RETURN_REASON_INVALID(400, "Cần ghi lý do trả lại (tối đa 1000 ký tự)."),
    SUBMISSION_ALREADY_RETURNED(409, "Bản nộp này đã được trả lại trước đó."),
    SUBMISSION_NOT_LATEST(409, "Chỉ trả lại được bản nộp mới nhất của đơn vị cho báo cáo này; đơn vị đã nộp bản mới hơn."),
    SUBMISSION_NOT_ACCEPTED(409, "Tệp này đã bị hệ thống từ chối nên không được tính; không cần trả lại."),
    SUBMISSION_REFUSED(409, "Tệp này đã bị hệ thống từ chối và được cách ly, không phải là báo cáo của đơn vị. "
            + "Nếu cần xem tệp đã gửi lên, hãy tải tệp bị từ chối (quarantined=true, tệp .bin)."),
    EXPORT_NOT_FOUND(404, "Không có bản xuất nào với mã này."),
    STATUS_TOO_LARGE(413, "Bảng tình trạng quá lớn để gửi trong một lần (quá 6 MB). Hãy thu hẹp: một báo cáo "
            + "(report=QCDC), một kỳ (period=2025-H1), một báo cáo của một kỳ (obligation=QCDC:2025-H1) hoặc một loại "
            + "đơn vị (category=THPT); hoặc nhận bản nén (Accept-Encoding: gzip), như trình duyệt vẫn làm."),
    RESPONSE_TOO_LARGE(413, "Câu trả lời quá lớn để gửi trong một lần (quá 6 MB). Hãy thu hẹp yêu cầu."),
    TOO_MANY_REQUESTS(429, "Đơn vị đã xin quá nhiều lượt tải lên trong một phút. Xin thử lại sau ít giây."),
    NOT_FOUND(404, "Không tìm thấy địa chỉ này."),
    METHOD_NOT_ALLOWED(405, "Phương thức không được hỗ trợ."),
    SERVICE_UNAVAILABLE(503, "Hệ thống tạm thời không truy cập được dữ liệu. Không có gì bị mất; xin thử lại sau ít phút."),
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
