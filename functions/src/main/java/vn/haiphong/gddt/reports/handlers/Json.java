package vn.haiphong.gddt.reports.handlers;

import java.util.Map;
import java.util.Set;
import vn.haiphong.gddt.reports.JsonOut;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;

/** Request bodies (read strictly by {@link vn.haiphong.gddt.reports.JsonIn}) field by field, and responses. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        return JsonOut.write(value);
    }

    static void onlyFields(Map<String, Object> object, Set<String> allowed) {
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                throw new RequestRefused(Problem.BODY_INVALID, "Trường không được hỗ trợ: " + name + ".");
            }
        }
    }

    static String text(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (value == null) {
            throw new RequestRefused(Problem.BODY_INVALID, "Thiếu trường " + field + ".");
        }
        if (!(value instanceof String text)) {
            throw new RequestRefused(Problem.BODY_INVALID, "Trường " + field + " phải là chuỗi ký tự.");
        }
        return text;
    }

    static long wholeNumber(Map<String, Object> object, String field, Problem whenWrong) {
        if (!(object.get(field) instanceof Long number)) {
            throw new RequestRefused(whenWrong, whenWrong.detail() + " Trường " + field + " phải là số nguyên.");
        }
        return number;
    }
}
