package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.haiphong.gddt.reports.domain.Fixtures.vn;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The status of one of the plan's tasks")
class TaskStatusTest {
    private final Obligation nv03 = Fixtures.obligation(DeadlineRule.BEFORE_NAMED_DAY, "NV03:2025-Q1-Q3");
    private final Unit tccb = new Unit("phong-to-chuc-can-bo", "Phòng Tổ chức cán bộ", UnitCategory.PHONG_SO, List.of(), 1);
    private final Unit vp = new Unit("van-phong-so", "Văn phòng Sở", UnitCategory.PHONG_SO, List.of(), 1);
    private final Unit school = new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT, List.of(), 1);

    private Submission evidence(java.time.Instant at) {
        Submission s = Fixtures.accepted("NV03:2025-Q1-Q3", at);
        return new Submission(s.submissionId(), tccb.id(), s.obligationId(), s.key(), s.eTag(), s.versionId(), s.size(),
                s.sha256(), s.contentType(), s.fileName(), at, false, s.refusal());
    }

    @Test
    void lists_only_its_lead_department_not_every_unit_as_exempt() {
        ObligationStatus status = ObligationStatus.of(nv03, List.of(tccb, vp, school), List.of(), List.of(),
                vn(2025, 5, 1, 8, 0, 0));

        assertThat(status.units()).extracting(u -> u.unit().id()).containsExactly("phong-to-chuc-can-bo");
        assertThat(status.summary().expected()).isEqualTo(1);
        assertThat(status.summary().exempt()).isZero();
    }

    @Test
    void is_open_through_its_time_frame_and_missing_after_it() {
        assertThat(ObligationStatus.of(nv03, List.of(tccb), List.of(), List.of(), vn(2025, 9, 30, 23, 59, 59))
                .units().get(0).state()).isEqualTo(ObligationState.OPEN);
        assertThat(ObligationStatus.of(nv03, List.of(tccb), List.of(), List.of(), vn(2025, 10, 1, 0, 0, 0))
                .units().get(0).state()).isEqualTo(ObligationState.MISSING);
    }

    @Test
    void evidence_sent_within_the_time_frame_is_on_time() {
        ObligationStatus status = ObligationStatus.of(nv03, List.of(tccb), List.of(evidence(vn(2025, 9, 30, 16, 0, 0))),
                List.of(), vn(2025, 11, 1, 8, 0, 0));

        assertThat(status.units().get(0).state()).isEqualTo(ObligationState.ON_TIME);
        assertThat(status.summary().completeness()).isEqualTo(1.0);
    }

    @Test
    void a_lead_department_closed_before_the_end_of_the_time_frame_is_not_expected() {
        Unit closed = new Unit(tccb.id(), tccb.name(), tccb.category(), List.of(), 1, null, java.time.LocalDate.of(2025, 8, 31));

        assertThat(ObligationStatus.of(nv03, List.of(closed), List.of(), List.of(), vn(2025, 11, 1, 8, 0, 0)).units())
                .isEmpty();
    }
}
