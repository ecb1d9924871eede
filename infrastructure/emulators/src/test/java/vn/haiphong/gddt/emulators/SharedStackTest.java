package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

@ExtendWith(EmulatorsExtension.class)
class SharedStackTest {

    private static final String BUCKET = "shared-stack";
    private static S3Client s3;

    private final Emulators emulators;

    SharedStackTest(Emulators emulators) {
        this.emulators = emulators;
    }

    @BeforeAll
    static void createBucket(Emulators emulators) {
        s3 = Clients.s3(emulators);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Test
    void every_test_of_the_run_gets_the_same_embedded_stack(Emulators sameEmulators) {
        assertThat(sameEmulators).isSameAs(emulators);
        assertThat(emulators.embedded()).isTrue();
        assertThat(emulators.region()).isEqualTo("ap-southeast-1");
        assertThat(emulators.accessKeyId()).isEqualTo("local");
        assertThat(emulators.secretAccessKey()).isEqualTo("local-secret");
        assertThat(emulators.sesStore()).isEqualTo(emulators.sesEndpoint().resolve("/store"));
    }

    @Test
    void s3_answers_signed_requests_and_refuses_anonymous_ones() {
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(BUCKET);

        HttpResponse<String> anonymous = Clients.get(emulators.s3Endpoint().resolve("/" + BUCKET));
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("AccessDenied");
    }

    @Test
    void dynamodb_answers_on_its_endpoint() {
        HttpResponse<String> response = Clients.dynamoDb(emulators, "ListTables", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"TableNames\"");
    }

    @Test
    void ses_keeps_every_sent_email_in_its_store() {
        HttpResponse<String> sent = Clients.sesV2(emulators, "/v2/email/outbound-emails", """
                {"FromEmailAddress": "bao-cao@haiphong.edu.vn",
                 "Destination": {"ToAddresses": ["hieu-truong@thpt-ngo-quyen.edu.vn"]},
                 "Content": {"Simple": {"Subject": {"Data": "Nhắc nộp báo cáo định kỳ"},
                                        "Body": {"Text": {"Data": "Hạn nộp: 25/12"}}}}}
                """);
        assertThat(sent.statusCode()).isEqualTo(200);

        HttpResponse<String> store = Clients.get(emulators.sesStore());
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains("\"emails\"", "Nhắc nộp báo cáo định kỳ", "hieu-truong@thpt-ngo-quyen.edu.vn");
    }

    @Test
    void a_browser_on_localhost_may_put_with_a_presigned_url_and_read_the_etag() {
        URI object = emulators.s3Endpoint().resolve("/" + BUCKET + "/cors/bao-cao.xlsx");
        HttpResponse<String> preflight = Clients.send(HttpRequest.newBuilder(object)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type, x-amz-checksum-sha256, x-amz-meta-school")
                .build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");

        PresignedPutObjectRequest presigned;
        try (S3Presigner presigner = Clients.s3Presigner(emulators)) {
            presigned = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(BUCKET).key("cors/bao-cao.xlsx").contentType("text/plain")));
        }
        HttpResponse<String> put = Clients.send(HttpRequest.newBuilder(URI.create(presigned.url().toString()))
                .header("Origin", "http://localhost:5173")
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("bảng tổng hợp", StandardCharsets.UTF_8))
                .build());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(put.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).containsIgnoringCase("ETag");
        assertThat(put.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void a_browser_on_another_origin_is_refused() {
        HttpResponse<String> preflight = Clients.send(HttpRequest.newBuilder(
                        emulators.s3Endpoint().resolve("/" + BUCKET + "/cors/x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .build());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void writes_are_served_back() {
        s3.putObject(b -> b.bucket(BUCKET).key("roundtrip.txt"), RequestBody.fromString("xin chào", StandardCharsets.UTF_8));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("roundtrip.txt")).asUtf8String()).isEqualTo("xin chào");
    }
}
