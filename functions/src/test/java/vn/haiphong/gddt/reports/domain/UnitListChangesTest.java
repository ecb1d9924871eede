package vn.haiphong.gddt.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.UnitListChanges.Field;
import vn.haiphong.gddt.reports.domain.UnitListChanges.FieldChange;
import vn.haiphong.gddt.reports.domain.UnitListChanges.Kind;

@DisplayName("What importing a unit list would change")
class UnitListChangesTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 20);
    private static final Set<Field> WITH_DATES = EnumSet.allOf(Field.class);
    private static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

    private static Unit unit(String id, String name, int tokenVersion, LocalDate from, LocalDate to) {
        return new Unit(id, name, UnitCategory.THPT, List.of(id + "@example.edu.vn"), tokenVersion, from, to);
    }

    private static Unit open(String id, String name) {
        return unit(id, name, 1, null, null);
    }

    @Test
    void a_merge_closes_the_old_units_and_adds_the_new_one_keeping_token_versions() {
        List<Unit> stored = List.of(unit("thpt-a", "Trường THPT A", 3, null, null), open("thpt-b", "Trường THPT B"),
                open("thpt-khac", "Trường THPT Khác"));
        List<Unit> file = List.of(unit("thpt-a", "Trường THPT A", 1, null, JUNE_30),
                unit("thpt-b", "Trường THPT B", 1, null, JUNE_30), unit("thpt-c", "Trường THPT C", 1, JULY_1, null),
                open("thpt-khac", "Trường THPT Khác"));

        UnitListChanges changes = UnitListChanges.between(stored, file, WITH_DATES, TODAY, false);

        assertThat(changes.valid()).isTrue();
        assertThat(changes.of(Kind.CLOSED)).extracting(c -> c.after().id()).containsExactly("thpt-a", "thpt-b");
        assertThat(changes.of(Kind.CLOSED).get(0).fields())
                .containsExactly(new FieldChange(Field.EFFECTIVE_TO, null, JUNE_30));
        assertThat(changes.of(Kind.ADDED)).singleElement().satisfies(c -> {
            assertThat(c.before()).isNull();
            assertThat(c.after().activeFrom()).isEqualTo(JULY_1);
        });
        assertThat(changes.unchanged()).isEqualTo(1);
        assertThat(changes.notInFile()).isEmpty();
        assertThat(changes.toWrite()).extracting(Unit::id).containsExactly("thpt-a", "thpt-b", "thpt-c");
        assertThat(changes.toWrite().get(0).tokenVersion()).isEqualTo(3);
    }

    @Test
    void an_update_lists_every_field_before_and_after() {
        Unit before = new Unit("thpt-a", "Trường THPT A", UnitCategory.THPT, List.of("a@example.edu.vn"), 2, null, null);
        Unit row = new Unit("thpt-a", "Trường THPT A Mới", UnitCategory.PT_NHIEU_CAP,
                List.of("a@example.edu.vn", "b@example.edu.vn"), 1, JULY_1, null);

        UnitListChanges changes = UnitListChanges.between(List.of(before), List.of(row), WITH_DATES, TODAY, false);

        assertThat(changes.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.UPDATED);
            assertThat(c.fields()).containsExactly(
                    new FieldChange(Field.NAME, "Trường THPT A", "Trường THPT A Mới"),
                    new FieldChange(Field.CATEGORY, UnitCategory.THPT, UnitCategory.PT_NHIEU_CAP),
                    new FieldChange(Field.EMAILS, List.of("a@example.edu.vn"), List.of("a@example.edu.vn", "b@example.edu.vn")),
                    new FieldChange(Field.EFFECTIVE_FROM, null, JULY_1));
            assertThat(c.after().tokenVersion()).isEqualTo(2);
        });
    }

    @Test
    void an_empty_effective_to_in_the_file_reopens_a_closed_unit() {
        UnitListChanges changes = UnitListChanges.between(List.of(unit("thpt-a", "A", 1, null, JUNE_30)),
                List.of(open("thpt-a", "A")), WITH_DATES, TODAY, false);

        assertThat(changes.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.REOPENED);
            assertThat(c.after().activeUntil()).isNull();
        });
    }

    @Test
    void a_file_without_date_columns_keeps_the_stored_dates() {
        UnitListChanges changes = UnitListChanges.between(List.of(unit("thpt-a", "A", 1, JULY_1, JUNE_30.plusYears(1))),
                List.of(open("thpt-a", "A")), Field.ALWAYS, TODAY, false);

        assertThat(changes.changes()).isEmpty();
        assertThat(changes.unchanged()).isEqualTo(1);
    }

    @Test
    void a_closing_day_before_the_stored_opening_day_refuses_the_whole_list() {
        List<Unit> stored = List.of(unit("thpt-c", "C", 1, JULY_1, null), open("thpt-d", "D"));
        List<Unit> file = List.of(unit("thpt-c", "C", 1, null, JUNE_30), open("thpt-moi", "Mới"));

        UnitListChanges changes = UnitListChanges.between(stored, file,
                EnumSet.of(Field.NAME, Field.CATEGORY, Field.EMAILS, Field.EFFECTIVE_TO), TODAY, false);

        assertThat(changes.valid()).isFalse();
        assertThat(changes.errors()).singleElement().asString()
                .isEqualTo("thpt-c: ngày hết hiệu lực 30/6/2025 trước ngày bắt đầu 1/7/2025 (một trong hai ngày là ngày đã lưu)");
    }

    @Test
    void a_unit_missing_from_the_file_is_only_listed_and_never_closed_without_being_asked() {
        List<Unit> stored = List.of(open("thpt-a", "A"), open("thpt-b", "B"));

        UnitListChanges changes = UnitListChanges.between(stored, List.of(open("thpt-a", "A")), WITH_DATES, TODAY, false);

        assertThat(changes.changes()).isEmpty();
        assertThat(changes.notInFile()).extracting(Unit::id).containsExactly("thpt-b");
        assertThat(changes.toWrite()).isEmpty();
    }

    @Test
    void close_missing_closes_an_open_missing_unit_at_the_end_of_yesterday_and_leaves_a_closed_one_alone() {
        List<Unit> stored = List.of(open("thpt-a", "A"), unit("thpt-b", "B", 5, null, null),
                unit("thpt-da-dong", "Đã đóng", 1, null, JUNE_30));

        UnitListChanges changes = UnitListChanges.between(stored, List.of(open("thpt-a", "A")), WITH_DATES, TODAY, true);

        assertThat(changes.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.CLOSED);
            assertThat(c.after().id()).isEqualTo("thpt-b");
            assertThat(c.after().activeUntil()).isEqualTo(LocalDate.of(2025, 12, 19));
            assertThat(c.after().tokenVersion()).isEqualTo(5);
        });
        assertThat(changes.notInFile()).extracting(Unit::id).containsExactly("thpt-b", "thpt-da-dong");
    }

    @Test
    void close_missing_refuses_to_close_a_unit_that_opens_later_than_yesterday() {
        UnitListChanges changes = UnitListChanges.between(List.of(unit("thpt-sap-mo", "Sắp mở", 1, TODAY, null)),
                List.of(), WITH_DATES, TODAY, true);

        assertThat(changes.valid()).isFalse();
        assertThat(changes.errors()).singleElement().asString().contains("thpt-sap-mo", "19/12/2025", "20/12/2025");
    }

    @Test
    void the_same_list_twice_changes_nothing() {
        List<Unit> file = List.of(unit("thpt-a", "A", 1, null, JUNE_30), unit("thpt-c", "C", 1, JULY_1, null));
        UnitListChanges first = UnitListChanges.between(List.of(), file, WITH_DATES, TODAY, false);

        UnitListChanges second = UnitListChanges.between(first.toWrite(), file, WITH_DATES, TODAY, true);

        assertThat(first.of(Kind.ADDED)).hasSize(2);
        assertThat(second.changes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(2);
    }
}
