package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.catalog.CatalogFile;

@DisplayName("Nothing due before go-live is owed by anyone")
class GoLiveTest {
    private static Catalog liveFrom(LocalDate day) {
        return CatalogFile.bundled(CatalogSettings.defaults().withGoLive(day));
    }

    @Test
    void a_year_before_go_live_has_no_obligations_and_a_note_saying_why() {
        Catalog catalog = liveFrom(LocalDate.of(2025, 1, 1));

        assertThat(catalog.obligationsOf(2024)).isEmpty();
        assertThat(catalog.goLiveNote(2024)).hasValueSatisfying(note -> assertThat(note)
                .isEqualTo("Hệ thống nhận báo cáo từ ngày 1/1/2025: các báo cáo và nhiệm vụ có hạn nộp trước ngày đó"
                        + " không được tính cho đơn vị nào."));
        assertThat(catalog.obligationsOf(2025)).isNotEmpty();
        assertThat(catalog.goLiveNote(2025)).as("nothing of 2025 is left out").isEmpty();
    }

    @Test
    void a_report_due_before_the_go_live_day_is_not_owed_and_one_due_on_a_later_day_is() {
        Catalog catalog = liveFrom(LocalDate.of(2025, 6, 10));

        assertThat(catalog.collects(catalog.find("QCDC:2025-H1").orElseThrow())).as("trước ngày 10/6: its last day was 9/6").isFalse();
        assertThat(catalog.collects(catalog.find("DVCQ:2025-H1").orElseThrow())).as("trước ngày 15/6").isTrue();
        assertThat(catalog.obligationsOf(2025)).extracting(Obligation::id)
                .doesNotContain("QCDC:2025-H1").contains("DVCQ:2025-H1", "QCDC:2025-Y");
        assertThat(catalog.goLiveNote(2025)).isPresent();
        assertThat(catalog.owedBy(Fixtures.unitOf(UnitCategory.THPT), 2024, 2025)).extracting(Obligation::id)
                .doesNotContain("QCDC:2024-H1", "QCDC:2024-Y", "QCDC:2025-H1").contains("QCDC:2025-Y");
    }

    @Test
    void a_go_live_the_day_before_a_deadline_owes_it() {
        Catalog catalog = liveFrom(LocalDate.of(2025, 6, 9));

        assertThat(catalog.collects(catalog.find("QCDC:2025-H1").orElseThrow())).isTrue();
    }

    @Test
    void without_a_go_live_every_year_of_the_plan_is_owed() {
        Catalog catalog = CatalogFile.bundled(CatalogSettings.defaults());

        assertThat(catalog.obligationsOf(2020)).isNotEmpty();
        assertThat(catalog.goLiveNote(2020)).isEmpty();
    }
}
