package vn.haiphong.gddt.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * {@code import-units <units.csv> --table <name> [--region r] [--endpoint http://…]}
 *
 * <p>Checks every row first and imports nothing when any row is wrong. Running it twice changes
 * nothing; a unit's token version (its revocations) survives a re-import.
 */
final class ImportUnits {
    private ImportUnits() {
    }

    static int main(List<String> argv) throws Exception {
        Args args = new Args(argv);
        if (args.positional().size() != 1 || !args.has("--table")) {
            System.err.println("usage: import-units <units.csv> --table <name> [--region r] [--endpoint http://127.0.0.1:port]");
            return 2;
        }
        String table = args.value("--table", null);
        AwsClients aws = new AwsClients(ToolEnv.from(args));
        args.rejectUnknown();
        UnitCsv.Result parsed = UnitCsv.parse(Files.readString(Path.of(args.positional().get(0)), StandardCharsets.UTF_8));
        if (!parsed.valid()) {
            System.err.println("Không nhập đơn vị nào: tệp có " + parsed.errors().size() + " dòng lỗi.");
            parsed.errors().forEach(System.err::println);
            return 1;
        }
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
            DynamoDbUnitDirectory directory = new DynamoDbUnitDirectory(dynamo, table);
            parsed.units().forEach(directory::upsert);
        }
        System.out.println("Đã nhập " + parsed.units().size() + " đơn vị vào bảng " + table + ".");
        return 0;
    }
}
