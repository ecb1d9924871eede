package vn.haiphong.gddt.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;

/**
 * Writes what the functions answer (records, lists, maps, strings, numbers, booleans, null) as JSON,
 * with Jackson's streaming generator only: the copy of jackson-core the SDK itself ships and loads for
 * DynamoDB and SES (a second copy cost each cold start some 25 ms). Jackson databind would introspect
 * every record type on the first response, several hundred classes and a good part of a cold start
 * (docs/benchmarks.md); these shapes need none of its features. Record components come out in declaration order, nulls included;
 * any other type as its {@code toString()}.
 */
public final class JsonOut {
    private static final JsonFactory FACTORY = new JsonFactory();
    /**
     * A record component read through its field: the JDK reads a field with {@code Unsafe}, generating no
     * class. Reading it through its accessor generated classes on a cold start: {@code Method.invoke} spins a
     * bytecode accessor per component after its 15th call, and a method handle called from one site more
     * than 127 times gets a LambdaForm class of its own; the first status document spun some thirty of
     * them (docs/benchmarks.md). The same value as long as no record declares an accessor of its own, which
     * {@code RecordsDeclareNoAccessorTest} holds.
     */
    private record Component(String name, Field field) {
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] declared = type.getRecordComponents();
            Component[] components = new Component[declared.length];
            for (int i = 0; i < declared.length; i++) {
                try {
                    Field field = type.getDeclaredField(declared[i].getName());
                    field.setAccessible(true);
                    components[i] = new Component(declared[i].getName(), field);
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException("no field for " + declared[i], e);
                }
            }
            return components;
        }
    };

    private JsonOut() {
    }

    public static String write(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            value(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else if (value instanceof Optional<?> o) {
            value(json, o.orElse(null));
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Record record) {
            json.writeStartObject();
            for (Component component : COMPONENTS.get(record.getClass())) {
                json.writeFieldName(component.name());
                value(json, read(component.field(), record));
            }
            json.writeEndObject();
        } else {
            // Anything else (an Instant, a LocalDate…) as its text: a log line or an answer must not fail on it.
            json.writeString(value.toString());
        }
    }

    private static Object read(Field field, Record record) {
        try {
            return field.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
