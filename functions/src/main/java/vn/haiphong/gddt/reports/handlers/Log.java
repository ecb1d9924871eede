package vn.haiphong.gddt.reports.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line, with the request id. Callers pass only what is safe to keep: never a
 * token, a presigned URL or a file's contents.
 */
final class Log {
    private Log() {
    }

    static void info(Context context, String event, Map<String, ?> fields) {
        write("INFO", context, event, fields, null);
    }

    static void error(Context context, String event, Map<String, ?> fields, Throwable error) {
        write("ERROR", context, event, fields, error);
    }

    private static void write(String level, Context context, String event, Map<String, ?> fields, Throwable error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("requestId", context == null ? null : context.getAwsRequestId());
        line.put("event", event);
        line.putAll(fields);
        if (error != null) {
            line.put("error", error.getClass().getName());
            line.put("message", String.valueOf(error.getMessage()));
        }
        System.out.println(Json.write(line));
    }
}
