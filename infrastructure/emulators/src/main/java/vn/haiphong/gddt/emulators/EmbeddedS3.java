package vn.haiphong.gddt.emulators;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/** S3Proxy in this JVM, with SigV4 authentication on a loopback port. */
final class EmbeddedS3 implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://" + Ports.HOST + ":" + proxy.getPort());
    }

    static EmbeddedS3 start(int port, BlobStore store, List<String> corsOrigins, String accessKeyId, String secretAccessKey) {
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://" + Ports.HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKeyId, secretAccessKey);
        if (!corsOrigins.isEmpty()) {
            builder.corsRules(cors(corsOrigins));
        }
        S3Proxy proxy = builder.build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy is " + proxy.getState() + " after " + START_TIMEOUT_MILLIS + " ms");
                }
                Thread.sleep(5);
            }
            return new EmbeddedS3(proxy);
        } catch (Exception e) {
            stopAfterFailure(proxy, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("S3Proxy did not start", e);
        }
    }

    private static void stopAfterFailure(S3Proxy proxy, Exception cause) {
        try {
            proxy.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** S3Proxy matches origins as regular expressions; ours are literal apart from the {@code *} wildcard. */
    static CrossOriginResourceSharing cors(List<String> origins) {
        List<String> patterns = origins.stream()
                .map(origin -> origin.equals("*") ? "*"
                        : Arrays.stream(origin.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]*")))
                .toList();
        // Any request header: browsers send content-type, x-amz-checksum-*, x-amz-meta-*, x-amz-sdk-* ...
        return new CrossOriginResourceSharing(
                patterns, List.of("GET", "PUT", "HEAD"), List.of("*"), List.of("ETag"), "");
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping S3Proxy", e);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }

    @Override
    public String toString() {
        return "S3Proxy at " + endpoint;
    }
}
