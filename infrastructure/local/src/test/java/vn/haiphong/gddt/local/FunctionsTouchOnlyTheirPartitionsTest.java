package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * Least privilege, checked against what the functions really do: every DynamoDB call a handler makes
 * on a whole day's work (an upload and its receipt, the unit's page, the status, an extension granted
 * and revoked, a return, a download, an export, reminders, a bounce, snapshots, a reconciliation) must
 * be allowed by its function's {@code dynamodb:LeadingKeys} in template.yaml. IAM is not enforced by the
 * emulators, so {@link TableKeyRecorder} records each call's partition and this test holds it to the
 * template. Calls other tests in the same JVM made are held to it too.
 */
@Order(-15)
@ExtendWith(EmulatorsExtension.class)
class FunctionsTouchOnlyTheirPartitionsTest {
    private static final Instant MORNING = OffsetDateTime.parse("2026-12-08T08:00:00+07:00").toInstant();
    private static final String DVCQ = "DVCQ:2026-Y";

    @Test
    void every_partition_a_function_touched_on_a_days_work_is_one_its_policy_grants(Emulators emulators) throws Exception {
        try (Running running = Running.start(emulators, MORNING, Map.of())) {
            aDaysWork(running);
        }
        SamTemplate template = SamTemplate.read(Running.ROOT.resolve("template.yaml"));
        Map<String, String> functionOfCaller = new HashMap<>();
        template.functions().forEach(f -> {
            functionOfCaller.put(f.handlerClass(), f.logicalId());
            functionOfCaller.put(f.logicalId(), f.logicalId()); // its concurrent reads
        });

        Set<TableKeyRecorder.Call> calls = TableKeyRecorder.calls();
        List<String> denied = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (TableKeyRecorder.Call call : calls) {
            String function = functionOfCaller.get(call.handler());
            seen.add(function);
            if (function == null || !allowed(template, function, call.operation(), call.partition())) {
                denied.add(function + " " + call.operation() + " " + call.partition());
            }
        }

        assertThat(seen).as("functions whose calls were recorded").contains("CreateUploadFunction",
                "RecordSubmissionFunction", "GetMeFunction", "GetStatusFunction", "GrantExtensionFunction",
                "RevokeExtensionFunction", "ReturnSubmissionFunction", "StartExportFunction", "GetExportFunction",
                "BuildExportFunction", "SendRemindersFunction", "RecordSesFeedbackFunction",
                "WriteStatusSnapshotsFunction", "ReconcileSubmissionsFunction");
        assertThat(denied).as("calls template.yaml would deny (of %d recorded)", calls.size()).isEmpty();
    }

    private static void aDaysWork(Running running) {
        LocalSystem.SessionUnit school = running.unit("THPT");
        String office = running.system.officeToken();
        String first = running.upload(school.token(), DVCQ, "bao-cao.pdf", "application/pdf", Running.pdf("first"));
        running.awaitSubmissions(school.token(), DVCQ, 1);
        assertThat(running.me(school.token()).statusCode()).isEqualTo(200);
        assertThat(running.status(office, Map.of("obligation", DVCQ)).statusCode()).isEqualTo(200);
        String extension = "/v1/extensions/" + DVCQ + "/" + running.unit("PT_NHIEU_CAP").unit();
        ok(Running.send(running.officeRequest("PUT", extension, office,
                "{\"until\":\"2026-12-20\",\"reason\":\"Trường đang sửa chữa\"}")));
        ok(Running.send(running.officeRequest("DELETE", extension, office, null)));
        ok(Running.send(running.officeRequest("GET", "/v1/submissions/" + first + "/file", office, null)));
        ok(Running.send(running.officeRequest("POST", "/v1/submissions/" + first + "/return", office,
                "{\"reason\":\"Thiếu chữ ký\"}")));
        String exportId = Running.read(ok(Running.send(running.officeRequest("POST", "/v1/exports/" + DVCQ, office, null)))
                .body()).get("exportId").asText();
        ok(Running.send(running.officeRequest("GET", "/v1/exports/" + exportId, office, null)));
        running.sweep(false);
        ok(running.publish("SesFeedbackTopic", ReminderExactlyOnceTest.bounce("bounced@example.edu.vn", "Permanent")));
        ok(running.runSchedule("WriteStatusSnapshotsFunction", null));
        ok(running.runSchedule("ReconcileSubmissionsFunction", null));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    /** Whether a statement of the function allows {@code dynamodb:<operation>} on the table for this partition. */
    private static boolean allowed(SamTemplate template, String function, String operation, String partition) {
        for (Map<String, Object> statement : template.policyStatements(function)) {
            Object action = statement.get("Action");
            List<?> actions = action instanceof List<?> list ? list : List.of(String.valueOf(action));
            if (!"Allow".equals(statement.get("Effect")) || !actions.contains("dynamodb:" + operation)
                    || String.valueOf(statement.get("Resource")).contains("/index/")) {
                continue;
            }
            Object condition = statement.get("Condition") instanceof Map<?, ?> c && c.get("ForAllValues:StringLike")
                    instanceof Map<?, ?> like ? like.get("dynamodb:LeadingKeys") : null;
            List<?> patterns = condition instanceof List<?> list ? list : List.of("*");
            if (patterns.stream().anyMatch(p -> partition.matches(String.valueOf(p).replace("*", ".*")))) {
                return true;
            }
        }
        return false;
    }
}
