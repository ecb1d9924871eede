package vn.haiphong.gddt.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitListChanges;
import vn.haiphong.gddt.reports.domain.UnitListChanges.Change;
import vn.haiphong.gddt.reports.domain.UnitListChanges.FieldChange;
import vn.haiphong.gddt.reports.domain.UnitListChanges.Kind;
import vn.haiphong.gddt.reports.domain.VietnamTime;
import vn.haiphong.gddt.reports.store.DynamoDbUnitDirectory;

/**
 * {@code import-units <units.csv> --table <name> [--region r] [--endpoint http://…] [--apply] [--close-missing]}
 *
 * <p>Without {@code --apply} it only prints what would change; with it, it writes exactly that plan
 * (only the units that change) and prints the same lines. Any bad row refuses the whole file. Exit
 * codes: 0 done, 1 the file or the plan is refused (nothing written), 2 wrong usage.
 */
final class ImportUnits {
    private static final String USAGE = "usage: import-units <units.csv> --table <name> [--region r] "
            + "[--endpoint http://127.0.0.1:port] [--apply] [--close-missing]";

    private ImportUnits() {
    }

    static int main(List<String> argv) throws IOException {
        return run(argv, Clock.systemUTC(), System.out, System.err);
    }

    /** @param clock says which day "today" is in Vietnam, the day before which --close-missing closes */
    static int run(List<String> argv, Clock clock, PrintStream out, PrintStream err) throws IOException {
        Args args;
        AwsClients aws;
        boolean apply;
        boolean closeMissing;
        String table;
        try {
            args = new Args(argv, Set.of("--apply", "--close-missing"));
            table = args.value("--table", null);
            apply = args.flag("--apply");
            closeMissing = args.flag("--close-missing");
            aws = new AwsClients(ToolEnv.from(args));
            args.rejectUnknown();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (args.positional().size() != 1 || table == null) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args.positional().get(0));
        UnitCsv.Result parsed;
        try {
            parsed = UnitCsv.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            err.println("Không đọc được tệp " + file + ": " + e.getMessage());
            return 1;
        }
        if (!parsed.valid()) {
            err.println("Không nhập đơn vị nào: tệp " + file.getFileName() + " có " + parsed.errors().size() + " lỗi.");
            parsed.errors().forEach(err::println);
            return 1;
        }
        LocalDate today = VietnamTime.dateOf(clock.instant());
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
            DynamoDbUnitDirectory directory = new DynamoDbUnitDirectory(dynamo, table);
            List<Unit> stored = directory.all();
            UnitListChanges changes = UnitListChanges.between(stored, parsed.units(), parsed.fields(), today, closeMissing);
            if (!changes.valid()) {
                err.println("Không nhập đơn vị nào: " + changes.errors().size() + " đơn vị không ghép được với bảng.");
                changes.errors().forEach(err::println);
                return 1;
            }
            out.println("Tệp " + file.getFileName() + ": " + parsed.units().size() + " đơn vị; bảng " + table + ": "
                    + stored.size() + " đơn vị.");
            describe(changes, today).forEach(out::println);
            if (changes.changes().isEmpty()) {
                out.println("Không có thay đổi.");
            } else if (apply) {
                changes.toWrite().forEach(directory::upsert);
                out.println("Đã áp dụng: ghi " + changes.changes().size() + " đơn vị vào bảng " + table + ".");
            } else {
                out.println("Chạy thử: chưa ghi gì. Thêm --apply để áp dụng đúng các thay đổi trên.");
            }
        }
        return 0;
    }

    /** One line per change, then one per unit left out of the file, then the counts. */
    static List<String> describe(UnitListChanges changes, LocalDate today) {
        List<String> lines = new ArrayList<>();
        for (Change c : changes.changes()) {
            lines.add(switch (c.kind()) {
                case ADDED -> "+ thêm     " + c.after().id() + "  " + added(c.after());
                case UPDATED -> "~ sửa      " + c.after().id() + ": " + fields(c.fields());
                case CLOSED -> "× đóng     " + c.after().id() + "  đến hết " + VietnamTime.date(c.after().activeUntil())
                        + others(c);
                case REOPENED -> "↺ mở lại   " + c.after().id() + "  bỏ ngày đóng " + VietnamTime.date(c.before().activeUntil())
                        + others(c);
            });
        }
        Set<String> changed = changes.changes().stream().map(c -> c.after().id()).collect(Collectors.toSet());
        List<Unit> leftOut = changes.notInFile().stream().filter(u -> !changed.contains(u.id())).toList();
        for (Unit u : leftOut) {
            lines.add("! không có trong tệp  " + u.id() + "  " + u.name() + ": giữ nguyên"
                    + (u.activeUntil() == null ? " (vẫn mở; thêm --close-missing để đóng đến hết " + VietnamTime.date(today.minusDays(1)) + ")"
                    : " (đã đóng đến hết " + VietnamTime.date(u.activeUntil()) + ")"));
        }
        lines.add("Tổng: " + changes.of(Kind.ADDED).size() + " thêm, " + changes.of(Kind.UPDATED).size() + " sửa, "
                + changes.of(Kind.CLOSED).size() + " đóng, " + changes.of(Kind.REOPENED).size() + " mở lại, "
                + changes.unchanged() + " không đổi; " + leftOut.size() + " có trong bảng nhưng không có trong tệp.");
        return lines;
    }

    private static String added(Unit u) {
        return u.name() + " (" + u.category() + ")"
                + (u.activeFrom() == null ? "" : " từ " + VietnamTime.date(u.activeFrom()))
                + (u.activeUntil() == null ? "" : " đến hết " + VietnamTime.date(u.activeUntil()))
                + "; e-mail: " + value(UnitListChanges.Field.EMAILS, u.emails());
    }

    private static String others(Change c) {
        List<FieldChange> others = c.fields().stream().filter(f -> f.field() != UnitListChanges.Field.EFFECTIVE_TO).toList();
        return others.isEmpty() ? "" : "; " + fields(others);
    }

    private static String fields(List<FieldChange> fields) {
        return fields.stream().map(f -> label(f.field()) + " " + value(f.field(), f.before()) + " → "
                + value(f.field(), f.after())).collect(Collectors.joining("; "));
    }

    private static String label(UnitListChanges.Field field) {
        return switch (field) {
            case NAME -> "tên";
            case CATEGORY -> "loại";
            case EMAILS -> "e-mail";
            case EFFECTIVE_FROM -> "từ ngày";
            case EFFECTIVE_TO -> "đến hết ngày";
        };
    }

    private static String value(UnitListChanges.Field field, Object value) {
        return switch (field) {
            case NAME -> "\"" + value + "\"";
            case CATEGORY -> String.valueOf(value);
            case EMAILS -> ((List<?>) value).isEmpty() ? "(không có)"
                    : ((List<?>) value).stream().map(String::valueOf).collect(Collectors.joining("; "));
            case EFFECTIVE_FROM, EFFECTIVE_TO -> value == null ? "(để trống)" : VietnamTime.date((LocalDate) value);
        };
    }
}
