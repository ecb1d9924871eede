package vn.haiphong.gddt.reports.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpCompressionTest {
    private static final String JSON = "{\"units\":[" + "{\"name\":\"Trường THPT Trần Phú\"},".repeat(200) + "{}]}";

    private static APIGatewayV2HTTPEvent acceptingGzip(String acceptEncoding) {
        return APIGatewayV2HTTPEvent.builder().withHeaders(acceptEncoding == null ? Map.of()
                : Map.of("accept-encoding", acceptEncoding)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*", "GZIP"})
    void a_client_that_accepts_gzip_gets_the_json_gzipped_and_base64_encoded(String acceptEncoding) throws IOException {
        APIGatewayV2HTTPResponse answer = Http.compressed(acceptingGzip(acceptEncoding), Http.json(200, Map.of("raw", JSON)));

        assertThat(answer.getIsBase64Encoded()).isTrue();
        assertThat(answer.getHeaders()).containsEntry("content-encoding", "gzip").containsEntry("vary", "accept-encoding")
                .containsEntry("content-type", "application/json; charset=utf-8");
        byte[] gzipped = Base64.getDecoder().decode(answer.getBody());
        String plain = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(plain).isEqualTo(Http.json(200, Map.of("raw", JSON)).getBody());
        assertThat(gzipped.length).isLessThan(plain.length() / 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip;q=0", "br", "deflate", "*;q=0"})
    void a_client_that_does_not_accept_gzip_gets_plain_text(String acceptEncoding) {
        APIGatewayV2HTTPResponse plain = Http.json(200, Map.of("raw", JSON));

        assertThat(Http.compressed(acceptingGzip(acceptEncoding), plain)).isSameAs(plain);
        assertThat(Http.compressed(acceptingGzip(null), plain)).isSameAs(plain);
    }

    @Test
    void small_answers_and_binary_ones_are_left_as_they_are() {
        APIGatewayV2HTTPResponse small = Http.json(200, Map.of("ok", true));
        APIGatewayV2HTTPResponse workbook = Http.binary(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                JSON.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(Http.compressed(acceptingGzip("gzip"), small)).isSameAs(small);
        assertThat(Http.compressed(acceptingGzip("gzip"), workbook)).isSameAs(workbook);
    }

    @Test
    void an_answer_fits_lambda_up_to_six_mebibytes_less_a_margin_for_its_headers() {
        String justFits = "x".repeat(Http.LARGEST_BODY_BYTES);
        String tooLarge = "x".repeat(Http.LARGEST_BODY_BYTES + 1);

        assertThat(Http.fits(Http.text(200, "text/csv", justFits, Map.of()))).isTrue();
        assertThat(Http.fits(Http.text(200, "text/csv", tooLarge, Map.of()))).isFalse();
        assertThat(Http.fits(Http.text(200, "text/csv", "ệ".repeat(Http.LARGEST_BODY_BYTES / 2), Map.of())))
                .as("counted in UTF-8 bytes, three per Vietnamese letter with its tone").isFalse();
        assertThat(Http.fits(Http.text(200, "application/json", "\"".repeat(Http.LARGEST_BODY_BYTES / 2 + 1), Map.of())))
                .as("each quote escaped in the runtime's JSON").isFalse();
        assertThat(Http.fits(Http.text(200, "application/json", "\"".repeat(Http.LARGEST_BODY_BYTES / 2), Map.of()))).isTrue();
    }
}
