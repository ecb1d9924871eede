package vn.haiphong.gddt.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonLocation;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.core.StreamReadFeature;

/**
 * Reads JSON into plain Java values with Jackson's streaming parser (the copy the SDK ships, see JsonOut):
 * an object is a {@code Map<String, Object>} in document order, an array a {@code List}, a whole number a
 * {@code Long} (a {@code BigInteger} past its range), any other number a {@code Double}, and
 * {@code true}, {@code false}, {@code null} themselves. Strict: a key written twice, anything after
 * the value, bytes that are not UTF-8, a lone surrogate (raw or as a {@code \\u} escape) and anything past
 * Jackson's stream limits (a number of 1,000 digits, nesting 1,000 deep) are refused, never replaced. The counterpart of {@link JsonOut}: no databind on a cold start.
 */
public final class JsonIn {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Not JSON, or not strict JSON: says where, as a person reads it (line and column). */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    private JsonIn() {
    }

    public static Object parse(String json) {
        // getBytes would write a lone surrogate as '?', turning a broken text into a valid one.
        if (hasLoneSurrogate(json)) {
            throw new Malformed("chuỗi chứa ký tự UTF-16 không hợp lệ (surrogate đứng riêng)");
        }
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static Object parse(byte[] json) {
        utf8(json);
        try (JsonParser parser = FACTORY.createParser(json)) {
            return document(parser);
        } catch (JsonParseException e) {
            throw malformed(e.getLocation(), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            // StreamConstraintsException (too long a number, too deep a nesting) is not a
            // JsonParseException, yet it is as much the document's fault.
            throw new Malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes as text, refusing what is not UTF-8 rather than replacing it with U+FFFD. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("nội dung không phải UTF-8 hợp lệ");
        }
    }

    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The value as a JSON object, or null when it is another kind of value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static Object document(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw malformed(parser.currentLocation(), "no content");
        }
        Object value = value(parser, first);
        if (parser.nextToken() != null) {
            throw malformed(parser.currentLocation(), "more content after the value");
        }
        return value;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = checked(parser, parser.currentName());
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return checked(parser, parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw malformed(parser.currentLocation(), "unexpected " + token);
        }
    }

    /** A {@code \\ud800} escape decodes to a lone surrogate that no UTF-8 byte check can see. */
    private static String checked(JsonParser parser, String text) {
        if (hasLoneSurrogate(text)) {
            throw malformed(parser.currentLocation(), "surrogate đứng riêng trong chuỗi");
        }
        return text;
    }

    private static Malformed malformed(JsonLocation where, String what) {
        return new Malformed("dòng " + where.getLineNr() + ", cột " + where.getColumnNr() + ": " + what);
    }
}
