package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's targets for the deployment jar that sam build ships (functions/target/…-lambda.jar, shaded
 * right after the functions module compiles, so before this module's tests): its size, one HTTP client, no
 * reflection-heavy library, and no such library's classes on a handler's init path (bench-cold's
 * class-load log of real cold starts).
 */
@Order(-40)
class LambdaJarTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final long MAX_BYTES = 20_000_000;

    private static Path jar() throws IOException {
        return ColdStartBench.lambdaJar(ROOT.resolve("functions/target"));
    }

    @Test
    void the_lambda_jar_is_at_most_20_MB() throws IOException {
        assertThat(jar().toFile().length()).as("bytes of %s", jar()).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void it_holds_exactly_one_http_client_implementation_the_url_connection_one() throws IOException {
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            assertThat(services(zip, "META-INF/services/software.amazon.awssdk.http.SdkHttpService"))
                    .containsExactly("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
            assertThat(zip.getEntry("META-INF/services/software.amazon.awssdk.http.async.SdkAsyncHttpService")).isNull();
            assertThat(classesUnder(zip, List.of("software/amazon/awssdk/http/apache", "software/amazon/awssdk/http/apache5",
                    "software/amazon/awssdk/http/nio", "software/amazon/awssdk/http/crt", "software/amazon/awssdk/crt/",
                    "io/netty/", "org/apache/http/", "org/apache/hc/", "okhttp3/"))).isEmpty();
        }
    }

    @Test
    void the_api_functions_jar_holds_neither_pdfbox_nor_bouncy_castle_which_only_the_inspect_function_carries()
            throws IOException {
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            assertThat(classesUnder(zip, List.of("org/apache/pdfbox/", "org/bouncycastle/", "vn/haiphong/gddt/reports/inspect/")))
                    .isEmpty();
        }
        Path inspect;
        try (var files = java.nio.file.Files.list(ROOT.resolve("functions/inspect/target"))) {
            inspect = files.filter(f -> f.getFileName().toString().matches("reports-inspect-.*-lambda\\.jar")).findFirst()
                    .orElseThrow();
        }
        try (ZipFile zip = new ZipFile(inspect.toFile())) {
            assertThat(zip.getEntry("vn/haiphong/gddt/reports/inspect/InspectSubmissionHandler.class")).isNotNull();
            assertThat(zip.getEntry("org/apache/pdfbox/Loader.class")).isNotNull();
        }
    }

    @Test
    void it_holds_the_catalog_compiled_at_build_time_and_not_the_tool_that_compiled_it() throws IOException {
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            assertThat(zip.getEntry("vn/haiphong/gddt/reports/catalog/CompiledCatalog.class")).isNotNull();
            assertThat(zip.getEntry("vn/haiphong/gddt/reports/catalog/CatalogCompiler.class")).isNull();
        }
    }

    @Test
    void no_reflection_heavy_library_is_in_the_jar() throws IOException {
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            assertThat(classesUnder(zip, ColdStartBench.REFLECTION_HEAVY.stream().map(p -> p.replace('.', '/')).toList()))
                    .isEmpty();
        }
    }

    @Test
    void cold_starts_load_no_reflection_heavy_class_and_the_bench_runs_without_moving_the_test_jvm() throws Exception {
        String allowed = ColdStartBench.allowedCpus();
        // Against this very build: each function also runs as its own twin, and is compared with it.
        Map<String, Object> report = ColdStartBench.run(ROOT.resolve("template.yaml"),
                ROOT.resolve("infrastructure/seed/units.csv"), 2, 3,
                Set.of("GetMeFunction", "RecordSubmissionFunction", "SendRemindersFunction"), null, ROOT, System.out);

        // Only the bench-cold command moves its JVM off CPU 0: other tests' processes started meanwhile keep theirs.
        assertThat(report.get("runnerAndEmulatorsOnCpus")).as("where the runner ran, reported").isEqualTo(allowed);
        assertThat(ColdStartBench.allowedCpus()).as("the test JVM's CPUs, untouched").isEqualTo(allowed);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subjects = (List<Map<String, Object>>) report.get("subjects");
        String twin = ColdComparison.AGAINST;
        assertThat(subjects).extracting(s -> s.get("name")).containsExactly("baseline: no-op", "baseline: SDK",
                "GetMeFunction", "GetMeFunction" + twin, "RecordSubmissionFunction", "RecordSubmissionFunction" + twin,
                "SendRemindersFunction", "SendRemindersFunction" + twin);
        Map<Object, Object> jars = subjects.stream().collect(Collectors.toMap(s -> s.get("name"), s -> s.get("jar")));
        assertThat(jars.get("RecordSubmissionFunction" + twin)).as("the twin runs the --against build's jar (this one here)")
                .isEqualTo(jars.get("RecordSubmissionFunction"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> compared = (List<Map<String, Object>>) ((Map<String, Object>) report.get("against"))
                .get("functions");
        assertThat(compared).extracting(c -> c.get("function"))
                .containsExactly("GetMeFunction", "RecordSubmissionFunction", "SendRemindersFunction");
        for (Map<String, Object> subject : subjects) {
            @SuppressWarnings("unchecked")
            Map<String, Object> initPath = (Map<String, Object>) subject.get("initPath");
            assertThat((List<?>) initPath.get("reflectionHeavy")).as("%s", subject.get("name")).isEmpty();
            assertThat((Integer) initPath.get("classes")).as("%s", subject.get("name")).isPositive();
        }
    }

    private static List<String> services(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static Set<String> classesUnder(ZipFile zip, List<String> prefixes) {
        return zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                .filter(n -> prefixes.stream().anyMatch(n::startsWith)).collect(Collectors.toSet());
    }
}
