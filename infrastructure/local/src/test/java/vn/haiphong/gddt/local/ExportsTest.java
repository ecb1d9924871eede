package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * {@code POST /v1/exports/{obligation}} and {@code GET /v1/exports/{id}} through the local runner:
 * the request object's S3 event builds the ZIP, the presigned GET downloads it, and what is inside
 * is checked byte for byte against what the units sent.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {
    /** Five days before QCDC:2026-Y is due (trước ngày 5/12/2026): uploads are open, nobody is late yet. */
    private static final String BEFORE_DUE = "2026-11-30T09:00:00+07:00";
    private static final String OBLIGATION = "QCDC:2026-Y";
    /** The category folders, written out here rather than read from the code. */
    private static final Map<String, String> FOLDERS = Map.of("THPT", "Trường THPT", "GDNN_GDTX", "Trung tâm GDNN-GDTX",
            "PT_NHIEU_CAP", "Trường phổ thông nhiều cấp học", "PHONG_GDDT", "Phòng GDĐT quận, huyện, thành phố",
            "TRUC_THUOC", "Đơn vị trực thuộc Sở");

    private Running running;
    private String office;
    private LocalSystem.SessionUnit once;
    private LocalSystem.SessionUnit twice;
    private LocalSystem.SessionUnit refused;
    private LocalSystem.SessionUnit oddName;
    private final byte[] onceFile = Running.pdf("một lần");
    private final byte[] firstDraft = Running.pdf("bản nháp");
    private final byte[] finalVersion = Running.pdf("bản cuối cùng, dài hơn bản nháp");
    private final byte[] notPdf = "Đây không phải PDF".getBytes(StandardCharsets.UTF_8);
    private final byte[] oddNameFile = Running.pdf("tên lạ");

    @BeforeAll
    void uploadFromSeveralUnits(Emulators emulators) throws Exception {
        running = Running.start(emulators, OffsetDateTime.parse(BEFORE_DUE).toInstant(), Map.of());
        office = running.system.officeToken();
        once = running.unit("THPT");
        twice = running.unit("GDNN_GDTX");
        refused = running.unit("PT_NHIEU_CAP");
        oddName = running.unit("PHONG_GDDT");

        running.upload(once.token(), OBLIGATION, "Báo cáo quy chế dân chủ năm 2026.pdf", "application/pdf", onceFile);
        running.upload(twice.token(), OBLIGATION, "bao-cao-nhap.pdf", "application/pdf", firstDraft);
        running.awaitSubmissions(twice.token(), OBLIGATION, 1);
        running.upload(twice.token(), OBLIGATION, "Báo cáo chính thức.pdf", "application/pdf", finalVersion);
        running.upload(refused.token(), OBLIGATION, "gia-mao.pdf", "application/pdf", notPdf);
        running.upload(oddName.token(), OBLIGATION, "Báo cáo: 6 tháng? <bản \"cuối\">|*.pdf", "application/pdf", oddNameFile);
        running.awaitSubmissions(once.token(), OBLIGATION, 1);
        running.awaitSubmissions(twice.token(), OBLIGATION, 2);
        running.awaitSubmissions(refused.token(), OBLIGATION, 1);
        running.awaitSubmissions(oddName.token(), OBLIGATION, 1);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void the_export_holds_the_latest_accepted_file_of_each_unit_in_windows_safe_folders_with_a_manifest() throws IOException {
        HttpResponse<String> started = post(office, OBLIGATION);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String exportId = Running.read(started.body()).get("exportId").asText();
        assertThat(exportId).matches("[a-z0-9]{32}");

        JsonNode ready = awaitReady(exportId);
        assertThat(ready.get("expiresAt").asText()).endsWith("+07:00");
        HttpResponse<byte[]> download = download(ready.get("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-disposition").orElse(""))
                .contains("attachment", "QCDC-2026-Y_");
        Map<String, byte[]> entries = unzip(download.body());

        String onceEntry = FOLDERS.get("THPT") + "/" + once.name() + "/Báo cáo quy chế dân chủ năm 2026.pdf";
        String twiceEntry = FOLDERS.get("GDNN_GDTX") + "/" + twice.name() + "/Báo cáo chính thức.pdf";
        String oddEntry = FOLDERS.get("PHONG_GDDT") + "/" + oddName.name() + "/Báo cáo_ 6 tháng_ _bản _cuối____.pdf";
        assertThat(entries.keySet()).containsExactlyInAnyOrder(onceEntry, twiceEntry, oddEntry, "manifest.csv");
        assertThat(entries.get(onceEntry)).isEqualTo(onceFile);
        assertThat(entries.get(twiceEntry)).as("only the latest of two uploads").isEqualTo(finalVersion);
        assertThat(entries.get(oddEntry)).isEqualTo(oddNameFile);
        assertThat(entries.keySet()).allSatisfy(name -> {
            for (String part : name.split("/")) {
                assertThat(part).doesNotContainPattern("[<>:\"\\\\|?*\\x00-\\x1f]").doesNotEndWith(".").doesNotEndWith(" ");
            }
        });

        byte[] manifest = entries.get("manifest.csv");
        assertThat(manifest).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(manifest, 3, manifest.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        List<List<String>> rows = parseCsv(csv);
        assertThat(rows.get(0)).containsExactly("unit", "name", "category", "file", "size", "sha256", "received", "state");
        Map<String, List<String>> byUnit = rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r, (a, b) -> a, LinkedHashMap::new));
        List<String> expectedUnits = running.system.units().stream().filter(u -> !u.category().equals("PHONG_SO"))
                .map(LocalSystem.SessionUnit::unit).toList();
        assertThat(byUnit.keySet()).as("every unit that owes the report, once").containsExactlyInAnyOrderElementsOf(expectedUnits);
        assertThat(rows).hasSize(expectedUnits.size() + 1);

        assertManifestRow(byUnit.get(once.unit()), once, onceEntry, onceFile);
        assertManifestRow(byUnit.get(twice.unit()), twice, twiceEntry, finalVersion);
        assertManifestRow(byUnit.get(oddName.unit()), oddName, oddEntry, oddNameFile);
        assertThat(byUnit.get(refused.unit())).as("a refused file is not the unit's report")
                .containsExactly(refused.unit(), refused.name(), refused.category(), "", "", "", "", "OPEN");
        LocalSystem.SessionUnit silent = running.units(u -> u.category().equals("TRUC_THUOC")).get(0);
        assertThat(byUnit.get(silent.unit())).containsExactly(silent.unit(), silent.name(), silent.category(), "", "", "", "",
                "OPEN");
    }

    @Test
    void the_same_request_event_delivered_again_builds_nothing_more() throws Exception {
        String exportId = Running.read(post(office, "DVCQ:2026-Y").body()).get("exportId").asText();
        JsonNode ready = awaitReady(exportId);
        List<String> archives = running.objectKeys("exports/DVCQ-2026-Y/");
        assertThat(archives).hasSize(1);
        String requestKey = "export-requests/" + exportId + ".json";
        assertThat(running.objectKeys(requestKey)).containsExactly(requestKey);

        // S3 delivers at least once: the same object written again is the same event again.
        try (var s3 = running.aws().s3()) {
            byte[] request = s3.getObjectAsBytes(r -> r.bucket(running.bucket()).key(requestKey)).asByteArray();
            s3.putObject(r -> r.bucket(running.bucket()).key(requestKey), RequestBody.fromBytes(request));
        }
        running.awaitQuiet();

        assertThat(running.objectKeys("exports/DVCQ-2026-Y/")).isEqualTo(archives);
        JsonNode again = get(office, exportId);
        assertThat(again.get("state").asText()).isEqualTo("READY");
        assertThat(URI.create(again.get("url").asText()).getPath()).isEqualTo(URI.create(ready.get("url").asText()).getPath());
    }

    @Test
    void an_obligation_nobody_has_sent_anything_for_exports_just_its_manifest() throws IOException {
        String exportId = Running.read(post(office, "DVCQ:2026-H1").body()).get("exportId").asText();

        Map<String, byte[]> entries = unzip(download(awaitReady(exportId).get("url").asText()).body());

        assertThat(entries.keySet()).containsExactly("manifest.csv");
        List<List<String>> rows = parseCsv(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8).substring(1));
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.get(7)).isEqualTo("MISSING"));
    }

    @Test
    void a_file_gone_from_storage_fails_the_export_and_leaves_no_archive_behind() {
        LocalSystem.SessionUnit late = running.units(u -> u.category().equals("TRUC_THUOC")).get(1);
        running.upload(late.token(), "QCDC:2026-H1", "bao-cao-muon.pdf", "application/pdf", Running.pdf("muộn"));
        running.awaitSubmissions(late.token(), "QCDC:2026-H1", 1);
        try (var s3 = running.aws().s3()) {
            List<String> stored = running.objectKeys("submissions/2026/QCDC/2026-H1/");
            assertThat(stored).hasSize(1);
            s3.deleteObject(r -> r.bucket(running.bucket()).key(stored.get(0)));

            String exportId = Running.read(post(office, "QCDC:2026-H1").body()).get("exportId").asText();

            assertThat(awaitFinished(exportId).get("state").asText()).isEqualTo("FAILED");
            assertThat(get(office, exportId).has("url")).isFalse();
            assertThat(running.objectKeys("exports/QCDC-2026-H1/")).isEmpty();
            assertThat(s3.listMultipartUploads(r -> r.bucket(running.bucket()).prefix("exports/")).uploads())
                    .as("the multipart upload was aborted").isEmpty();
        }
    }

    @Test
    void bad_requests_are_refused_with_problem_json() {
        assertProblem(post(null, OBLIGATION), 401, "token-missing");
        assertProblem(post(once.token(), OBLIGATION), 403, "wrong-token-kind");
        assertProblem(post(office, "QCDC:2026-Q3"), 404, "obligation-unknown");
        assertProblem(post(office, "KHONG-CO"), 404, "obligation-unknown");
        // QCDC goes to Phòng Tổ chức cán bộ; a token for Văn phòng Sở may not take its files.
        assertProblem(post(running.system.officeToken("VP", "chanh-van-phong"), OBLIGATION), 403, "out-of-scope");

        assertProblem(send("GET", "/v1/exports/0123456789abcdef0123456789abcdef", office), 404, "export-not-found");
        assertProblem(send("GET", "/v1/exports/not-an-export", office), 404, "export-not-found");
        assertProblem(send("GET", "/v1/exports/0123456789abcdef0123456789abcdef", once.token()), 403, "wrong-token-kind");
        String exportId = Running.read(post(office, OBLIGATION).body()).get("exportId").asText();
        assertProblem(send("GET", "/v1/exports/" + exportId, running.system.officeToken("VP", "chanh-van-phong")), 403,
                "out-of-scope");
        assertThat(get(running.system.officeToken("TCCB", "truong-phong"), exportId).get("state").asText())
                .isIn("PENDING", "RUNNING", "READY");
    }

    private void assertManifestRow(List<String> row, LocalSystem.SessionUnit unit, String entry, byte[] file) {
        assertThat(row.subList(0, 6)).containsExactly(unit.unit(), unit.name(), unit.category(), entry,
                Integer.toString(file.length), Running.sha256Hex(file));
        assertThat(row.get(6)).startsWith("2026-11-30T09:").endsWith("+07:00");
        assertThat(row.get(7)).isEqualTo("ON_TIME");
    }

    private JsonNode awaitReady(String exportId) {
        JsonNode view = awaitFinished(exportId);
        assertThat(view.get("state").asText()).isEqualTo("READY");
        return view;
    }

    private JsonNode awaitFinished(String exportId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode view = get(office, exportId);
            String state = view.get("state").asText();
            assertThat(state).isIn("PENDING", "RUNNING", "READY", "FAILED");
            if (state.equals("READY") || state.equals("FAILED")) {
                return view;
            }
            assertThat(Instant.now()).as("export %s still %s", exportId, state).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private HttpResponse<String> post(String token, String obligation) {
        return send("POST", "/v1/exports/" + obligation, token);
    }

    private JsonNode get(String token, String exportId) {
        HttpResponse<String> response = send("GET", "/v1/exports/" + exportId, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Running.read(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(running.system.baseUrl().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Running.send(request);
    }

    private static HttpResponse<byte[]> download(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(Running.read(response.body()).get("code").asText()).isEqualTo(code);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** RFC 4180, enough for the manifest: quoted cells may hold commas and doubled quotes. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
