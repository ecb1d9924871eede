package vn.haiphong.gddt.local;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.domain.Capability;
import vn.haiphong.gddt.reports.domain.CapabilityTokens;
import vn.haiphong.gddt.reports.domain.TokenKeys;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * {@code mint-token unit <unit-id> --table <name> [--days 365] [--base-url https://…]}
 * {@code mint-token office --actor <name> [--scope *|TCCB|VP] [--days 30]}
 *
 * <p>The keys come from TOKEN_KEYS in the environment ({@code kid:base64secret,…}, the same value
 * kept in SSM). A unit token carries the unit's current token version, read from the table, so a
 * revoked link is never reissued by mistake.
 */
final class MintToken {
    private MintToken() {
    }

    static int main(List<String> argv) {
        Args args = new Args(argv);
        List<String> what = args.positional();
        String keys = System.getenv("TOKEN_KEYS");
        if (keys == null || what.isEmpty() || (what.get(0).equals("unit") && (what.size() != 2 || !args.has("--table")))) {
            System.err.println("usage: TOKEN_KEYS=kid:base64secret mint-token unit <unit-id> --table <name> [--endpoint URL] [--days 365] [--base-url URL]");
            System.err.println("       TOKEN_KEYS=kid:base64secret mint-token office --actor <name> [--scope *|TCCB|VP] [--days 30]");
            return 2;
        }
        CapabilityTokens tokens = new CapabilityTokens(TokenKeys.parse(keys));
        Clock clock = Clock.systemUTC();
        if (what.get(0).equals("office")) {
            Duration validity = Duration.ofDays(Long.parseLong(args.value("--days", "30")));
            String scope = args.value("--scope", Capability.ALL_REPORTS);
            String actor = args.value("--actor", null);
            args.rejectUnknown();
            if (actor == null) {
                System.err.println("--actor <name> is required: extensions and exports record who acted");
                return 2;
            }
            if (validity.isNegative() || validity.isZero() || validity.compareTo(Capability.OFFICE_LONGEST_LIFE) > 0) {
                System.err.println("--days " + validity.toDays() + ": an office token lives 1 to "
                        + Capability.OFFICE_LONGEST_LIFE.toDays() + " days (mã của Văn phòng có hạn tối đa 90 ngày)");
                return 2;
            }
            System.out.println(tokens.mint(Capability.office(scope, actor, clock.instant().plus(validity))));
            return 0;
        }
        Duration validity = Duration.ofDays(Long.parseLong(args.value("--days", "365")));
        String table = args.value("--table", null);
        String baseUrl = args.value("--base-url", null);
        Env env = ToolEnv.from(args);
        args.rejectUnknown();
        try (DynamoDbClient dynamo = new AwsClients(env).dynamoDb()) {
            Unit unit = new DynamoDbUnitDirectory(dynamo, table).find(what.get(1)).orElse(null);
            if (unit == null) {
                System.err.println("Không có đơn vị " + what.get(1) + " trong bảng " + table + ".");
                return 1;
            }
            String token = tokens.mint(Capability.unit(unit.id(), unit.tokenVersion(), clock.instant().plus(validity)));
            System.out.println(baseUrl == null ? token : baseUrl + "/u/" + token);
            return 0;
        }
    }
}
