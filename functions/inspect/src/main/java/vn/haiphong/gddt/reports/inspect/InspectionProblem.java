package vn.haiphong.gddt.reports.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;

/**
 * What an inspection can find, with a stable code for programs and the Vietnamese words a unit
 * reads. A problem that {@linkplain #refuses() refuses} the file makes it a bad file (quarantined, not
 * counted): the file is not what its name says, cannot be opened by the Office, or would endanger the
 * machine that unpacks it. The others are reported beside an accepted file: a macro, a script or an
 * attachment is common in real reports and harmless in a reader that does not run it, and a broken
 * signature is a fact the Office judges against the report's signature rule (issue 13, part 5), not a
 * reason to lose the unit's submission.
 */
public enum InspectionProblem {
    NOT_A_PDF(true, "tệp không phải là PDF hợp lệ"),
    PDF_ENCRYPTED(true, "tệp có mật khẩu"),
    PDF_JAVASCRIPT(false, "tệp PDF chứa mã JavaScript"),
    PDF_LAUNCH_ACTION(false, "tệp PDF chứa lệnh mở chương trình khác"),
    PDF_EMBEDDED_FILE(false, "tệp PDF có tệp đính kèm bên trong"),
    SIGNATURE_INVALID(false, "chữ ký số không hợp lệ (tệp đã bị sửa trong phần được ký hoặc chữ ký hỏng)"),
    SIGNATURE_CERTIFICATE_NOT_VALID(false, "chứng thư số của người ký không còn hiệu lực vào thời điểm ký"),
    NOT_A_ZIP(true, "tệp không phải là tệp văn bản Office/OpenDocument hợp lệ"),
    ZIP_TOO_LARGE(true, "tệp giải nén ra quá lớn"),
    ZIP_RATIO(true, "tệp có phần nén bất thường (tỷ lệ nén quá cao)"),
    ZIP_TOO_MANY_ENTRIES(true, "tệp chứa quá nhiều thành phần"),
    ZIP_UNSAFE_NAME(true, "tệp chứa thành phần có tên đường dẫn không an toàn"),
    ZIP_NOT_OOXML(true, "tệp không phải là văn bản Word/Excel (thiếu [Content_Types].xml)"),
    OOXML_WRONG_TYPE(true, "tệp không đúng loại Word/Excel của phần mở rộng"),
    ODF_WRONG_MIMETYPE(true, "tệp không đúng loại OpenDocument của phần mở rộng"),
    MACROS(false, "tệp chứa macro");

    private final boolean refuses;
    private final String reason;

    InspectionProblem(boolean refuses, String reason) {
        this.refuses = refuses;
        this.reason = reason;
    }

    public boolean refuses() {
        return refuses;
    }

    /** The Vietnamese words for it, e.g. "tệp có mật khẩu". */
    public String reason() {
        return reason;
    }

    /** The stable code, as programs see it: {@code pdf-encrypted}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The verdict follows from the problems: the first refusing one refuses the file and gives the reason. */
    static Inspection inspection(List<InspectionProblem> problems, List<Signature> signatures) {
        Optional<String> reason = problems.stream().filter(InspectionProblem::refuses).findFirst()
                .map(InspectionProblem::reason);
        return new Inspection(reason.isPresent() ? Inspection.Verdict.REFUSED : Inspection.Verdict.OK,
                problems.stream().map(InspectionProblem::code).toList(), reason, signatures);
    }

    /** This problem alone, as the whole finding. */
    Inspection alone() {
        return inspection(List.of(this), List.of());
    }
}
