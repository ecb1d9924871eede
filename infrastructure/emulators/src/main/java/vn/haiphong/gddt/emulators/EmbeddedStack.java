package vn.haiphong.gddt.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts S3Proxy and ElasticMQ in this JVM and dynalite and aws-ses-v2-local as child processes, all at once. */
final class EmbeddedStack {

    static final String ACCESS_KEY_ID = "local";
    static final String SECRET_ACCESS_KEY = "local-secret";
    /** The account queue URLs and ARNs name; the local runner's function ARNs name the same. */
    static final String ACCOUNT_ID = "000000000000";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final String PRELOAD = "emulator-preload.cjs";

    private EmbeddedStack() {
    }

    static Emulators start(EmulatorOptions options, NodeModules nodeModules) {
        long began = System.nanoTime();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Path workDir = Files.createTempDirectory("emulators-");
            started.add(() -> deleteTree(workDir));
            Path preload = copyPreload(workDir);
            Path dataDir = options.dataDir();
            Path logDir = dataDir == null ? workDir : Files.createDirectories(dataDir.resolve("logs"));

            // Both node processes boot while S3Proxy starts in this thread; then wait for their ports.
            int[] ports = Ports.distinctFree(4);
            int dynamoDbPort = ports[0];
            int sesPort = ports[1];
            List<String> dynaliteArgs = new ArrayList<>(List.of("--host", Ports.HOST, "--port", String.valueOf(dynamoDbPort),
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            if (dataDir != null) {
                dynaliteArgs.addAll(List.of("--path", Files.createDirectories(dataDir.resolve("dynamodb")).toString()));
            }
            NodeProcess dynalite = NodeProcess.start(
                    "dynalite", nodeModules.dynalite(), preload, dynaliteArgs, logDir.resolve("dynalite.log"));
            started.add(dynalite);

            NodeProcess ses = NodeProcess.start("aws-ses-v2-local", nodeModules.sesV2Local(), preload,
                    List.of("--host", Ports.HOST, "--port", String.valueOf(sesPort)), logDir.resolve("ses.log"));
            started.add(ses);

            // The bus is listed before S3Proxy so that closing, in reverse, stops the producer first.
            ObjectCreatedBus events = new ObjectCreatedBus();
            started.add(events);
            EmbeddedS3 s3 = EmbeddedS3.start(ports[2], new NotifyingBlobStore(blobStore(dataDir), events),
                    options.corsOrigins(), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
            started.add(s3);
            EmbeddedSqs sqs = EmbeddedSqs.start(ports[3], Emulators.REGION, ACCOUNT_ID);
            started.add(sqs);

            dynalite.awaitPort(dynamoDbPort, READY_TIMEOUT);
            ses.awaitPort(sesPort, READY_TIMEOUT);

            URI sesEndpoint = loopback(sesPort);
            Emulators emulators = new Emulators(true, s3.endpoint(), loopback(dynamoDbPort), sesEndpoint,
                    sesEndpoint.resolve("/store"), sqs.endpoint(), ACCESS_KEY_ID, SECRET_ACCESS_KEY, events, started);
            log.info("Emulators started in {} ms: S3 {}, DynamoDB {}, SES {}, SQS {}",
                    Duration.ofNanos(System.nanoTime() - began).toMillis(),
                    emulators.s3Endpoint(), emulators.dynamoDbEndpoint(), emulators.sesEndpoint(), emulators.sqsEndpoint());
            return emulators;
        } catch (IOException e) {
            Emulators.closeInReverse(started);
            throw new UncheckedIOException("Could not prepare the emulators' files", e);
        } catch (RuntimeException | Error e) {
            Emulators.closeInReverse(started);
            throw e;
        }
    }

    private static URI loopback(int port) {
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    private static BlobStore blobStore(Path dataDir) throws IOException {
        if (dataDir == null) {
            return new TransientNio2BlobStore();
        }
        return new FilesystemNio2BlobStore(Files.createDirectories(dataDir.resolve("s3")).toString());
    }

    /** node needs a real file to preload, not a class path resource inside a jar. */
    private static Path copyPreload(Path workDir) throws IOException {
        Path target = workDir.resolve(PRELOAD);
        try (InputStream script = EmbeddedStack.class.getResourceAsStream(PRELOAD)) {
            if (script == null) {
                throw new IllegalStateException(PRELOAD + " is missing from the emulators jar");
            }
            Files.copy(script, target);
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
