package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.haiphong.gddt.reports.app.InMemorySystem.DO_SON;
import static vn.haiphong.gddt.reports.app.InMemorySystem.NGO_QUYEN;
import static vn.haiphong.gddt.reports.app.InMemorySystem.TRAN_PHU;
import static vn.haiphong.gddt.reports.app.InMemorySystem.VAN_PHONG;
import static vn.haiphong.gddt.reports.app.InMemorySystem.at;
import static vn.haiphong.gddt.reports.app.InMemorySystem.pdf;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.RequestRefused;
import vn.haiphong.gddt.reports.domain.StatusSummary;

@DisplayName("The status the Office reads: per unit, with totals, as of any instant, within its scope")
class StatusRulesTest {
    private final InMemorySystem system = new InMemorySystem("2026-12-01T09:00:00+07:00");

    private ObligationStatus qcdc(Map<String, String> query) {
        return system.status().run(system.office, query).obligations().stream()
                .filter(o -> o.obligation().id().equals("QCDC:2026-Y")).findFirst().orElseThrow();
    }

    private String state(ObligationStatus status, String unit) {
        return status.units().stream().filter(u -> u.unit().id().equals(unit)).findFirst().orElseThrow().state().name();
    }

    @Test
    void each_unit_is_on_time_late_or_missing_and_the_totals_count_them() {
        system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("đúng hạn"));
        system.clock.set(at("2026-12-05T10:00:00+07:00"));
        system.upload(NGO_QUYEN, "QCDC:2026-Y", "bc.pdf", pdf("muộn"));

        ObligationStatus status = qcdc(Map.of("year", "2026"));

        assertThat(state(status, TRAN_PHU.id())).isEqualTo("ON_TIME");
        assertThat(state(status, NGO_QUYEN.id())).isEqualTo("LATE");
        assertThat(state(status, DO_SON.id())).isEqualTo("MISSING");
        assertThat(state(status, VAN_PHONG.id())).isEqualTo("EXEMPT");
        StatusSummary summary = status.summary();
        assertThat(summary.expected()).isEqualTo(3);
        assertThat(summary.onTime()).isEqualTo(1);
        assertThat(summary.late()).isEqualTo(1);
        assertThat(summary.missing()).isEqualTo(1);
        assertThat(summary.exempt()).isEqualTo(1);
    }

    @Test
    void asked_as_of_an_instant_before_a_file_arrived_the_unit_shows_as_it_was_then() {
        system.upload(TRAN_PHU, "QCDC:2026-Y", "bc.pdf", pdf("sau"));
        system.clock.advance(Duration.ofDays(1));

        assertThat(state(qcdc(Map.of("asOf", "2026-12-01T08:00:00+07:00")), TRAN_PHU.id())).isEqualTo("OPEN");
        assertThat(state(qcdc(Map.of()), TRAN_PHU.id())).isEqualTo("ON_TIME");
    }

    @Test
    void a_department_token_reads_its_own_reports_only() {
        OfficeToken tccb = OfficeToken.issue("bbbbbbbbbbbbbbb2", "TCCB", "lan.pt", "Phạm Thị Lan — Phòng TCCB",
                system.clock.instant(), Duration.ofDays(30));

        assertThat(system.status().run(tccb, Map.of("report", "QCDC")).obligations()).isNotEmpty();
        assertThatThrownBy(() -> system.status().run(tccb, Map.of("report", "DVCQ")))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.problem().code()).isEqualTo("out-of-scope"));
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource({
            "colour,   red,         query-invalid",
            "period,   2026-X,      obligation-unknown",
            "report,   ABC,         obligation-unknown",
            "category, TRUONG_MOI,  category-unknown",
            "asOf,     hôm qua,     as-of-invalid"})
    void a_query_it_cannot_answer_is_refused_with_a_stable_code(String name, String value, String code) {
        assertThatThrownBy(() -> system.status().run(system.office, Map.of(name, value)))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.problem().code()).isEqualTo(code));
    }
}
