package vn.haiphong.gddt.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Clients for the tests: the S3 SDK, which S3Proxy brings, and raw HTTP for DynamoDB and SES. */
final class Clients {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** dynalite and aws-ses-v2-local check that a SigV4 header is there, not that it is right. */
    private static final String DUMMY_SIGV4 = "AWS4-HMAC-SHA256 Credential=local/20260101/ap-southeast-1/dynamodb/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";

    private Clients() {
    }

    static S3Client s3(Emulators emulators) {
        return s3(emulators, emulators.s3Endpoint());
    }

    /** An S3 client that connects to {@code endpoint} (a proxy in front of the emulator, say). */
    static S3Client s3(Emulators emulators, URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(emulators.region()))
                .credentialsProvider(credentials(emulators))
                .forcePathStyle(true)
                .build();
    }

    static S3Presigner s3Presigner(Emulators emulators) {
        return s3Presigner(emulators, emulators.s3Endpoint());
    }

    static S3Presigner s3Presigner(Emulators emulators, URI endpoint) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.of(emulators.region()))
                .credentialsProvider(credentials(emulators))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static StaticCredentialsProvider credentials(Emulators emulators) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulators.accessKeyId(), emulators.secretAccessKey()));
    }

    static HttpResponse<String> dynamoDb(Emulators emulators, String operation, String json) {
        return send(HttpRequest.newBuilder(emulators.dynamoDbEndpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", DUMMY_SIGV4)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> sesV2(Emulators emulators, String path, String json) {
        return send(HttpRequest.newBuilder(emulators.sesEndpoint().resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", DUMMY_SIGV4.replace("/dynamodb/", "/ses/"))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
