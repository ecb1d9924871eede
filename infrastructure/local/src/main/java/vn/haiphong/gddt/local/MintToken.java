package vn.haiphong.gddt.local;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.app.OfficeCredentials;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.DynamoDbOfficeTokens;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * {@code mint-token unit <unit-id> --table <name> [--days 365] [--base-url https://…]}
 * {@code mint-token office --actor <id> --name "<display name>" --table <name> [--scope *|TCCB|VP] [--days 30]}
 *
 * <p>The keys come from TOKEN_KEYS in the environment ({@code kid:base64secret,…}, the same value
 * kept in SSM); {@code --endpoint URL} points at a DynamoDB other than AWS's (the local runner's). A
 * unit token carries the unit's current token version, read from the table, so a revoked link is
 * never reissued by mistake. An office token is recorded in the table before it is printed; its id,
 * on stderr, is what {@code revoke-token} takes.
 */
final class MintToken {
    private MintToken() {
    }

    static int main(List<String> argv) {
        Args args = new Args(argv);
        List<String> what = args.positional();
        String keys = System.getenv("TOKEN_KEYS");
        boolean unit = !what.isEmpty() && what.get(0).equals("unit") && what.size() == 2;
        boolean office = !what.isEmpty() && what.get(0).equals("office") && what.size() == 1;
        if (keys == null || !(unit || office) || !args.has("--table")) {
            System.err.println("usage: TOKEN_KEYS=kid:base64secret mint-token unit <unit-id> --table <name> [--endpoint URL] [--days 365] [--base-url URL]");
            System.err.println("       TOKEN_KEYS=kid:base64secret mint-token office --actor <id> --name \"<display name>\" --table <name>"
                    + " [--endpoint URL] [--scope *|TCCB|VP] [--days 30]");
            return 2;
        }
        CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse(keys));
        Clock clock = Clock.systemUTC();
        String table = args.value("--table", null);
        return office ? office(args, tokens, table, clock) : unit(args, what.get(1), tokens, table, clock);
    }

    private static int office(Args args, CapabilityTokens tokens, String table, Clock clock) {
        String days = args.value("--days", "30");
        String scope = args.value("--scope", Capability.ALL_REPORTS);
        String actor = args.value("--actor", null);
        String name = args.value("--name", null);
        var env = ToolEnv.from(args);
        args.rejectUnknown();
        if (actor == null || name == null) {
            System.err.println("--actor <id> and --name \"<display name>\" are required: extensions, returns and exports"
                    + " record who acted (cần mã người dùng và tên hiển thị, ví dụ \"Nguyễn Thị Hoa — Văn phòng\")");
            return 2;
        }
        if (!days.matches("\\d{1,4}")) {
            System.err.println("--days " + days + ": a number of days, 1 to 90");
            return 2;
        }
        try (DynamoDbClient dynamo = new AwsClients(env).dynamoDb()) {
            OfficeCredentials.Issued issued = new OfficeCredentials(tokens, new DynamoDbOfficeTokens(dynamo, table), clock)
                    .issue(scope, actor, name, Duration.ofDays(Long.parseLong(days)));
            System.out.println(issued.token());
            System.err.println("id " + issued.record().tokenId() + ": " + issued.record().displayName() + " ("
                    + issued.record().scope() + "), hết hạn / expires " + VietnamTime.dateTime(issued.record().expiresAt())
                    + "; thu hồi / revoke: revoke-token " + issued.record().tokenId() + " --table " + table);
            return 0;
        } catch (IllegalArgumentException refused) {
            System.err.println("--days " + days + ", --scope " + scope + ", --actor " + actor + ": " + refused.getMessage());
            return 2;
        }
    }

    private static int unit(Args args, String unitId, CapabilityTokens tokens, String table, Clock clock) {
        Duration validity = Duration.ofDays(Long.parseLong(args.value("--days", "365")));
        String baseUrl = args.value("--base-url", null);
        var env = ToolEnv.from(args);
        args.rejectUnknown();
        try (DynamoDbClient dynamo = new AwsClients(env).dynamoDb()) {
            Unit unit = new DynamoDbUnitDirectory(dynamo, table).find(unitId).orElse(null);
            if (unit == null) {
                System.err.println("Không có đơn vị " + unitId + " trong bảng " + table + ".");
                return 1;
            }
            String token = tokens.mint(Capability.unit(unit.id(), unit.tokenVersion(), clock.instant().plus(validity)));
            System.out.println(baseUrl == null ? token : baseUrl + "/u/" + token);
            return 0;
        }
    }
}
