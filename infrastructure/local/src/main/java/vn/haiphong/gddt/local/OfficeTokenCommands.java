package vn.haiphong.gddt.local;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.domain.OfficeToken;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.DynamoDbOfficeTokens;
import vn.haiphong.gddt.reports.store.OfficeTokens;

/**
 * {@code list-tokens --table <name> [--endpoint URL]}: every office token issued, newest first.
 * {@code revoke-token <id> --table <name> [--endpoint URL]}: that token stops working within a minute
 * (the functions re-read a token's record at most every 30 s); other office tokens and every school
 * link are untouched. Neither needs the signing keys.
 */
final class OfficeTokenCommands {
    private OfficeTokenCommands() {
    }

    static int list(List<String> argv, PrintStream out, PrintStream err, Clock clock) {
        Args args = new Args(argv);
        if (!args.positional().isEmpty() || !args.has("--table")) {
            err.println("usage: list-tokens --table <name> [--endpoint URL]");
            return 2;
        }
        return withRegister(args, register -> {
            Instant now = clock.instant();
            out.println(String.join("\t", "id", "tên hiển thị / display name", "actor", "phạm vi / scope",
                    "cấp lúc / issued", "hết hạn / expires", "trạng thái / state"));
            register.all().stream().sorted(Comparator.comparing(OfficeToken::issuedAt).reversed()).forEach(t ->
                    out.println(String.join("\t", t.tokenId(), t.displayName(), t.actor(), t.scope(),
                            VietnamTime.dateTime(t.issuedAt()), VietnamTime.dateTime(t.expiresAt()), state(t, now))));
            return 0;
        });
    }

    static int revoke(List<String> argv, PrintStream out, PrintStream err, Clock clock) {
        Args args = new Args(argv);
        if (args.positional().size() != 1 || !args.has("--table")) {
            err.println("usage: revoke-token <id> --table <name> [--endpoint URL]");
            return 2;
        }
        String tokenId = args.positional().get(0);
        return withRegister(args, register -> {
            Optional<OfficeToken> revoked = register.revoke(tokenId, clock.instant());
            if (revoked.isEmpty()) {
                err.println("Không có mã truy cập " + tokenId + " / no office token " + tokenId + " (list-tokens lists them)");
                return 1;
            }
            OfficeToken t = revoked.get();
            out.println("đã thu hồi / revoked " + t.tokenId() + " (" + t.displayName() + ") lúc / at "
                    + VietnamTime.dateTime(t.revokedAt().orElseThrow()) + "; hết hiệu lực trong vòng 1 phút / stops within a minute");
            return 0;
        });
    }

    private static String state(OfficeToken t, Instant now) {
        if (t.revokedAt().isPresent()) {
            return "đã thu hồi / revoked " + VietnamTime.dateTime(t.revokedAt().get());
        }
        return now.isBefore(t.expiresAt()) ? "đang dùng / active" : "hết hạn / expired";
    }

    private interface Command {
        int run(OfficeTokens register);
    }

    private static int withRegister(Args args, Command command) {
        String table = args.value("--table", null);
        var env = ToolEnv.from(args);
        args.rejectUnknown();
        try (DynamoDbClient dynamo = new AwsClients(env).dynamoDb()) {
            return command.run(new DynamoDbOfficeTokens(dynamo, table));
        }
    }
}
