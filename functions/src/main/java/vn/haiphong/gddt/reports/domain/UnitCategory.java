package vn.haiphong.gddt.reports.domain;

/** The kinds of unit the plan sends to and hears back from (DOMAIN.md). */
public enum UnitCategory {
    PHONG_SO("Các phòng chuyên môn nghiệp vụ Sở"),
    PHONG_GDDT("Phòng GDĐT quận, huyện, thành phố"),
    THPT("Trường THPT"),
    PT_NHIEU_CAP("Trường phổ thông nhiều cấp học"),
    GDNN_GDTX("Trung tâm GDNN-GDTX"),
    TRUC_THUOC("Đơn vị trực thuộc Sở");

    private final String label;

    UnitCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
