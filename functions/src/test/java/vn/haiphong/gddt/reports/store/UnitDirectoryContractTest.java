package vn.haiphong.gddt.reports.store;

import vn.haiphong.gddt.reports.OnEmulators;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/** One set of rules for the unit list, held by DynamoDB (dynalite) and by the map the rule tests use. */
class UnitDirectoryContractTest {
    private static final Unit TRAN_PHU = new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
            List.of("van-thu@thpt-tran-phu.example.edu.vn"), 1);

    abstract static class Contract {
        abstract UnitDirectory units();

        @Test
        void a_unit_is_read_back_as_written_and_listed_by_id() {
            Unit anDuong = new Unit("thpt-an-duong", "Trường THPT An Dương", UnitCategory.THPT, List.of(), 1,
                    LocalDate.of(2025, 9, 1), null);
            units().upsert(TRAN_PHU);
            units().upsert(anDuong);

            assertThat(units().find("thpt-tran-phu")).contains(TRAN_PHU);
            assertThat(units().find("thpt-an-duong")).contains(anDuong);
            assertThat(units().all()).containsExactly(anDuong, TRAN_PHU);
            assertThat(units().find("../OFFICE_TOKENS")).as("not an id").isEmpty();
            assertThat(units().find("thpt-khong-co")).isEmpty();
        }

        @Test
        void an_update_changes_name_category_emails_and_dates_but_keeps_the_token_version() {
            units().upsert(new Unit("thpt-do-son", "Trường THPT Đồ Sơn", UnitCategory.THPT, List.of(), 4,
                    LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1)));

            Unit renamed = new Unit("thpt-do-son", "Trường THPT Đồ Sơn (mới)", UnitCategory.PT_NHIEU_CAP,
                    List.of("hieu-truong@thpt-do-son.example.edu.vn"), 1, null, null);
            units().upsert(renamed);

            assertThat(units().find("thpt-do-son")).contains(new Unit("thpt-do-son", "Trường THPT Đồ Sơn (mới)",
                    UnitCategory.PT_NHIEU_CAP, List.of("hieu-truong@thpt-do-son.example.edu.vn"), 4, null, null));
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryUnitDirectory units = new InMemoryUnitDirectory();

        @Override
        UnitDirectory units() {
            return units;
        }
    }

    @Nested
    @OnEmulators
    class OnDynamoDb extends Contract {
        private final Emulators emulators;
        private final DynamoDbUnitDirectory units;

        OnDynamoDb(Emulators emulators) {
            this.emulators = emulators;
            units = new DynamoDbUnitDirectory(EmulatorClients.dynamoDb(emulators), EmulatorClients.newTable(emulators, "units"));
        }

        @Override
        UnitDirectory units() {
            return units;
        }

        @Test
        void units_added_to_a_new_table_in_batches_read_back_exactly_as_upserted_ones_and_keep_their_token_versions() {
            List<Unit> sixty = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                sixty.add(new Unit("thpt-so-" + (100 + i), "Trường THPT Số " + i, UnitCategory.values()[i % UnitCategory.values().length],
                        i % 3 == 0 ? List.of() : List.of("van-thu-" + i + "@example.edu.vn", "hieu-truong-" + i + "@example.edu.vn"),
                        1 + i % 4, i % 2 == 0 ? LocalDate.of(2025, 9, 1) : null, i % 5 == 0 ? LocalDate.of(2027, 6, 30) : null));
            }
            DynamoDbUnitDirectory upserted = new DynamoDbUnitDirectory(EmulatorClients.dynamoDb(emulators),
                    EmulatorClients.newTable(emulators, "upserted"));
            sixty.forEach(upserted::upsert);

            units.addToNewTable(sixty);

            assertThat(units.all()).as("three requests' worth").hasSize(60).isEqualTo(upserted.all());
            assertThat(units.find("thpt-so-103")).contains(sixty.get(3));
        }
    }
}
