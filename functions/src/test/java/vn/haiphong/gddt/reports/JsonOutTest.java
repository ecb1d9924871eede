package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonOutTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();

    enum State { ON_TIME }

    record Inner(String name, double rate, Boolean flag, List<String> emails) {
    }

    record Outer(String id, int count, long size, Inner inner, Inner missing, Map<String, Object> byKey,
                 List<Inner> rows, State state) {
    }

    private static Outer sample() {
        Map<String, Object> byKey = new LinkedHashMap<>();
        byKey.put("THPT", new Inner("Trường THPT Trần Phú \"A\"\n", 0.858, true, List.of("a@example.edu.vn")));
        byKey.put("empty", null);
        return new Outer("QCDC:2025-H1", 3, 9_000_000_000L, new Inner("Đặng Vũ", 1.0, null, List.of()), null, byKey,
                List.of(new Inner("ặ ậ ệ ộ", 0.0, false, Arrays.asList("x", null))), State.ON_TIME);
    }

    @Test
    void records_lists_maps_and_scalars_come_out_as_jackson_databind_would_write_them() throws Exception {
        Outer value = sample();

        String written = JsonOut.write(value);

        assertThat(DATABIND.readTree(written)).isEqualTo(DATABIND.valueToTree(value));
        assertThat(written).startsWith("{\"id\":\"QCDC:2025-H1\",\"count\":3,\"size\":9000000000,");
    }

    @Test
    void vietnamese_text_is_utf_8_and_quotes_and_newlines_are_escaped() {
        String written = new String(JsonOut.bytes(Map.of("name", "Trường \"THPT\"\nLê Chân")), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\"name\":\"Trường \\\"THPT\\\"\\nLê Chân\"}");
    }

    @Test
    void an_empty_optional_is_null_and_a_present_one_its_value() {
        assertThat(JsonOut.write(Arrays.asList(Optional.empty(), Optional.of(BigDecimal.ONE)))).isEqualTo("[null,1]");
    }

    @Test
    void any_other_type_is_written_as_its_text_rather_than_failing_a_response_or_a_log_line() {
        assertThat(JsonOut.write(Map.of("at", Instant.EPOCH))).isEqualTo("{\"at\":\"1970-01-01T00:00:00Z\"}");
    }
}
