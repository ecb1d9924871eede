package vn.haiphong.gddt.reports.domain;

import java.time.LocalDate;

/** The first and last day whose figures a periodic report covers, both included. */
public record DataWindow(LocalDate from, LocalDate to) {
    /** "Số liệu tính từ 15/12/2024 đến 14/6/2025", as the school and the reminders read it. */
    public String text() {
        return "Số liệu tính từ " + VietnamTime.date(from) + " đến " + VietnamTime.date(to);
    }
}
