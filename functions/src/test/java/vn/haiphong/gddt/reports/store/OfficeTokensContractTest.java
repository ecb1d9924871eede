package vn.haiphong.gddt.reports.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.OnEmulators;
import vn.haiphong.gddt.reports.domain.OfficeToken;

/** One set of rules for the office token register, held by DynamoDB (dynalite) and by the map the rule tests use. */
class OfficeTokensContractTest {
    private static final Instant T0 = Instant.parse("2025-06-11T01:00:00Z");

    abstract static class Contract {
        abstract OfficeTokens register();

        private static OfficeToken hoa(String id) {
            return OfficeToken.issue(id, "*", "hoa.nt", "Nguyễn Thị Hoa — Văn phòng", T0, Duration.ofDays(30));
        }

        @Test
        void a_token_is_recorded_once_and_read_back_as_it_was_issued() {
            OfficeToken hoa = hoa("aaaaaaaaaaaaaaa2");
            assertThat(register().record(hoa)).isTrue();
            assertThat(register().record(OfficeToken.issue("aaaaaaaaaaaaaaa2", "VP", "mallory", "Mallory", T0,
                    Duration.ofDays(90)))).as("a second record under a taken id").isFalse();

            assertThat(register().find("aaaaaaaaaaaaaaa2")).contains(hoa);
            assertThat(register().find("aaaaaaaaaaaaaaa3")).isEmpty();
            assertThat(register().find("../UNITS")).as("not an id").isEmpty();
            assertThat(register().all()).contains(hoa);
        }

        @Test
        void a_revocation_is_kept_with_its_first_instant() {
            register().record(hoa("bbbbbbbbbbbbbbb2"));

            OfficeToken revoked = register().revoke("bbbbbbbbbbbbbbb2", T0.plusSeconds(60)).orElseThrow();
            assertThat(revoked.revokedAt()).contains(T0.plusSeconds(60));
            assertThat(register().revoke("bbbbbbbbbbbbbbb2", T0.plusSeconds(120)).orElseThrow().revokedAt())
                    .as("revoked again").contains(T0.plusSeconds(60));
            assertThat(register().find("bbbbbbbbbbbbbbb2").orElseThrow().revokedAt()).contains(T0.plusSeconds(60));
        }

        @Test
        void revoking_an_id_never_issued_changes_nothing() {
            assertThat(register().revoke("ccccccccccccccc2", T0)).isEmpty();
            assertThat(register().find("ccccccccccccccc2")).isEmpty();
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryOfficeTokens register = new InMemoryOfficeTokens();

        @Override
        OfficeTokens register() {
            return register;
        }
    }

    @Nested
    @OnEmulators
    class OnDynamoDb extends Contract {
        private final DynamoDbClient dynamo;
        private final String table;
        private final DynamoDbOfficeTokens register;

        OnDynamoDb(Emulators emulators) {
            dynamo = EmulatorClients.dynamoDb(emulators);
            table = EmulatorClients.newTable(emulators, "office-tokens");
            register = new DynamoDbOfficeTokens(dynamo, table);
        }

        @Override
        OfficeTokens register() {
            return register;
        }

        @Test
        void the_register_is_one_partition_keyed_by_token_id() {
            register.record(OfficeToken.issue("ddddddddddddddd2", "TCCB", "lan.pt", "Phạm Thị Lan — Phòng TCCB", T0,
                    Duration.ofDays(7)));

            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of(
                    "PK", AttributeValue.fromS("OFFICE_TOKENS"), "SK", AttributeValue.fromS("ddddddddddddddd2")))).item();
            assertThat(item.get("displayName").s()).isEqualTo("Phạm Thị Lan — Phòng TCCB");
            assertThat(item.get("expiresAt").s()).isEqualTo(T0.plus(Duration.ofDays(7)).toString());
            assertThat(Optional.ofNullable(item.get("revokedAt"))).isEmpty();
        }
    }
}
