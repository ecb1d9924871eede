package vn.haiphong.gddt.reports.handlers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;
import vn.haiphong.gddt.reports.JsonOut;
import vn.haiphong.gddt.reports.domain.Problem;
import vn.haiphong.gddt.reports.domain.RequestRefused;

/** One ObjectMapper per JVM, strict on input: duplicate keys, trailing tokens and wrong types are refused. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static String write(Object value) {
        return JsonOut.write(value);
    }

    static void onlyFields(JsonNode object, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new RequestRefused(Problem.BODY_INVALID, "Trường không được hỗ trợ: " + name + ".");
            }
        }
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new RequestRefused(Problem.BODY_INVALID, "Thiếu trường " + field + ".");
        }
        if (!value.isTextual()) {
            throw new RequestRefused(Problem.BODY_INVALID, "Trường " + field + " phải là chuỗi ký tự.");
        }
        return value.textValue();
    }

    static long wholeNumber(JsonNode object, String field, Problem whenWrong) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new RequestRefused(whenWrong, whenWrong.detail() + " Trường " + field + " phải là số nguyên.");
        }
        return value.longValue();
    }
}
