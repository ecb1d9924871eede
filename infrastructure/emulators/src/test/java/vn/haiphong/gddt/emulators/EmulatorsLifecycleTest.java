package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stacks of its own, not the shared one: these tests start, stop and kill them. They are about the
 * embedded stack, so they ask for it whatever -Demulators the run was given.
 */
class EmulatorsLifecycleTest {

    private static final UnaryOperator<String> EMBEDDED = name ->
            name.equals("emulators") || name.equals("emulators.endpoint") ? null : System.getProperty(name);

    private static final Logger log = LoggerFactory.getLogger(EmulatorsLifecycleTest.class);

    @Test
    void close_leaves_no_child_process_alive_and_may_be_called_twice() {
        Set<Long> before = descendantPids();
        Emulators emulators = Emulators.start(EmulatorOptions.inMemory(), EMBEDDED);
        List<ProcessHandle> spawned = ProcessHandle.current().descendants()
                .filter(process -> !before.contains(process.pid()))
                .toList();
        assertThat(spawned).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);

        emulators.close();
        emulators.close();

        assertThat(spawned).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> emulators.onObjectCreated(event -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_node_emulators_exit_when_their_jvm_is_killed(@TempDir Path tmp) throws Exception {
        Process jvm = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A killed JVM cannot delete its work directory: let JUnit do it.
                "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"),
                StackInAnotherJvm.class.getName())
                .redirectErrorStream(true)
                .start();
        List<ProcessHandle> nodes;
        try {
            nodes = CompletableFuture.supplyAsync(() -> spawnedProcesses(jvm)).get(60, TimeUnit.SECONDS);
            assertThat(nodes).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
        } finally {
            jvm.destroyForcibly();
        }
        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();

        for (ProcessHandle node : nodes) {
            node.onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(nodes).noneMatch(ProcessHandle::isAlive);
    }

    /** Reads what {@link StackInAnotherJvm} prints up to READY. */
    private static List<ProcessHandle> spawnedProcesses(Process jvm) {
        List<ProcessHandle> spawned = new ArrayList<>();
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = output.readLine(); line != null && !line.equals("READY"); line = output.readLine()) {
                if (line.startsWith("PID ")) {
                    ProcessHandle.of(Long.parseLong(line.substring(4))).ifPresent(spawned::add);
                } else {
                    log.info("Child JVM: {}", line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spawned;
    }

    @Test
    void tables_and_objects_in_a_data_dir_survive_a_restart(@TempDir Path dataDir) {
        EmulatorOptions options = EmulatorOptions.builder().dataDir(dataDir).build();
        try (Emulators first = Emulators.start(options, EMBEDDED); S3Client s3 = Clients.s3(first)) {
            HttpResponse<String> created = Clients.dynamoDb(first, "CreateTable", """
                    {"TableName": "reports",
                     "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                     "BillingMode": "PAY_PER_REQUEST"}
                    """);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            s3.createBucket(b -> b.bucket("uploads"));
            s3.putObject(b -> b.bucket("uploads").key("truong/bao-cao.csv").contentType("text/csv"),
                    RequestBody.fromString("mã trường;số học sinh", StandardCharsets.UTF_8));
        }

        try (Emulators second = Emulators.start(options, EMBEDDED); S3Client s3 = Clients.s3(second)) {
            assertThat(Clients.dynamoDb(second, "ListTables", "{}").body()).contains("\"reports\"");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("uploads").key("truong/bao-cao.csv")).asUtf8String())
                    .isEqualTo("mã trường;số học sinh");
        }
        assertThat(dataDir.resolve("logs").resolve("dynalite.log")).exists();
    }

    @Test
    void missing_node_modules_are_reported_with_the_command_that_installs_them(@TempDir Path empty) {
        EmulatorOptions options = EmulatorOptions.builder().nodeModules(empty).build();

        assertThatThrownBy(() -> Emulators.start(options, EMBEDDED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.resolve("dynalite").toString())
                .hasMessageContaining("npm ci --prefix infrastructure");
    }

    @Test
    void an_external_endpoint_starts_nothing_and_serves_every_api() {
        Set<Long> before = descendantPids();
        Map<String, String> properties = Map.of("emulators.endpoint", "http://localhost:4566");

        try (Emulators external = Emulators.start(EmulatorOptions.inMemory(), properties::get)) {
            assertThat(external.embedded()).isFalse();
            assertThat(List.of(external.s3Endpoint(), external.dynamoDbEndpoint(), external.sesEndpoint()))
                    .containsOnly(URI.create("http://localhost:4566"));
            assertThat(external.sesStore()).isEqualTo(URI.create("http://localhost:4566/_aws/ses"));
            assertThat(external.accessKeyId()).isEqualTo("test");
            assertThat(external.secretAccessKey()).isEqualTo("test");
            assertThat(external.region()).isEqualTo("ap-southeast-1");
            assertThat(descendantPids()).isEqualTo(before);
        }
    }

    @Test
    void an_unknown_emulator_kind_is_refused() {
        Map<String, String> properties = Map.of("emulators", "docker");

        assertThatThrownBy(() -> Emulators.start(EmulatorOptions.inMemory(), properties::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, localstack, floci");
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
