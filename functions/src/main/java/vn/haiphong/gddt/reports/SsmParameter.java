package vn.haiphong.gddt.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * SSM Parameter Store's {@code GetParameter} with decryption: one signed JSON request through the
 * SDK's own signer, credentials and HTTP client. The SDK's SSM client would do the same call, but
 * its jar is 6 MB for the one operation the functions use, a quarter of the deployment jar; see
 * docs/benchmarks.md ("Cold start"). Throttling, 5xx and I/O failures are tried three times, as
 * the SDK's standard retry mode does: every function calls this at init, so a burst of cold starts
 * may meet SSM's rate limit.
 */
final class SsmParameter {
    private static final int ATTEMPTS = 3;
    private static final Duration BACKOFF = Duration.ofMillis(100);

    private SsmParameter() {
    }

    static String read(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint, String name) {
        byte[] body = JsonOut.bytes(Map.of("Name", name, "WithDecryption", true));
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(BACKOFF.multipliedBy(1L << (attempt - 2)));
            }
            try {
                Answer answer = call(http, credentials, region, endpoint, body);
                if (answer.status() == 200) {
                    Map<String, Object> parameter = JsonIn.object(answer.json().get("Parameter"));
                    return parameter == null ? "" : String.valueOf(parameter.getOrDefault("Value", ""));
                }
                String type = String.valueOf(answer.json().getOrDefault("__type", ""));
                last = new IllegalStateException("SSM GetParameter " + name + " failed: HTTP " + answer.status() + " "
                        + type + " " + answer.json().getOrDefault("message", answer.json().getOrDefault("Message", "")));
                if (answer.status() < 500 && !type.endsWith("ThrottlingException")) {
                    throw last;
                }
            } catch (IOException e) {
                last = new UncheckedIOException("SSM GetParameter " + name + " failed", e);
            }
        }
        throw last;
    }

    private record Answer(int status, Map<String, Object> json) {
    }

    private static Answer call(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint,
                               byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElseThrow())
                .build()).call();
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
            byte[] bytes = in.readAllBytes();
            Map<String, Object> json = bytes.length == 0 ? null : JsonIn.object(JsonIn.parse(bytes));
            return new Answer(response.httpResponse().statusCode(), json == null ? Map.of() : json);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading an SSM parameter", e);
        }
    }
}
