package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/**
 * {@code GET /v1/status?format=xlsx} is a workbook the Office's own spreadsheet opens: LibreOffice
 * (Debian's, headless, an independent reader) converts each sheet to CSV "as shown", and the test reads
 * the Vietnamese headers, the state words, the deadlines as dd/mm/yyyy and the times in Vietnam time.
 */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusWorkbookTest {
    /** QCDC:2026-Y is due "trước ngày 5/12/2026": its last on-time day is 4/12/2026. */
    private static final String QCDC = "QCDC:2026-Y";
    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-11-30T09:15:00+07:00");

    private Running running;
    private LocalSystem.SessionUnit tranPhu;
    private LocalSystem.SessionUnit extended;

    @BeforeAll
    void start(Emulators emulators) throws Exception {
        running = Running.start(emulators, MORNING.toInstant(), Map.of());
        tranPhu = running.units(u -> u.unit().equals("thpt-tran-phu")).get(0);
        extended = running.units(u -> u.category().equals("GDNN_GDTX")).get(0);
        running.upload(tranPhu.token(), QCDC, "Báo cáo QCDC 2026.pdf", "application/pdf", Running.pdf("workbook"));
        running.awaitSubmissions(tranPhu.token(), QCDC, 1);
        HttpResponse<String> granted = Running.send(running.officeRequest("PUT", "/v1/extensions/" + QCDC + "/" + extended.unit(),
                running.system.officeToken(), "{\"until\":\"2026-12-20\",\"reason\":\"Trung tâm đang sửa chữa\"}"));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void the_workbook_is_sent_as_an_attachment_of_excels_type() {
        HttpResponse<byte[]> answer = running.statusBytes(running.system.officeToken(), Map.of("year", "2026", "format", "xlsx"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.headers().firstValue("content-disposition")).hasValue(
                "attachment; filename=\"trang-thai-bao-cao.xlsx\"");
        assertThat(answer.body()).startsWith('P', 'K');
    }

    @Test
    void libreoffice_reads_vietnamese_headers_states_last_days_and_vietnam_times(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> answer = running.statusBytes(running.system.officeToken(), Map.of("year", "2026", "format", "xlsx"));
        Path workbook = Files.write(dir.resolve("trang-thai.xlsx"), answer.body());

        Map<String, List<List<String>>> sheets = LibreOffice.sheetsAsShown(workbook);

        List<List<String>> summary = sheets.get("Tổng hợp");
        assertThat(summary.get(0)).startsWith("Mã báo cáo", "Kỳ", "Báo cáo", "Nơi nhận", "Hạn nộp (ngày cuối)",
                "Loại đơn vị", "Phải nộp", "Đúng hạn", "Nộp muộn", "Quá hạn – chưa nộp", "Chưa nộp – còn hạn");
        List<String> qcdcAll = row(summary, r -> r.get(0).equals("QCDC") && r.get(1).equals("năm 2026") && r.get(5).equals("Tất cả"));
        assertThat(qcdcAll.get(4)).isEqualTo("04/12/2026");
        assertThat(qcdcAll.get(7)).as("on time").isEqualTo("1");
        assertThat(qcdcAll.get(11)).as("a rate, as a percentage").matches("\\d+(,|\\.)\\d%");

        List<List<String>> qcdc = sheets.get("QCDC 2026-Y");
        assertThat(qcdc.get(0)).startsWith("Mã đơn vị", "Đơn vị", "Loại đơn vị", "Tình trạng", "Hạn nộp (ngày cuối)",
                "Thời điểm nộp");
        List<String> sent = row(qcdc, r -> r.get(0).equals(tranPhu.unit()));
        assertThat(sent.get(1)).isEqualTo("Trường THPT Trần Phú");
        assertThat(sent.get(2)).isEqualTo("Trường THPT");
        assertThat(sent.get(3)).isEqualTo("Đúng hạn");
        assertThat(sent.get(4)).isEqualTo("04/12/2026");
        assertThat(sent.get(5)).as("received, in Vietnam time").startsWith("30/11/2026 09:");
        assertThat(sent.get(7)).isEqualTo("Báo cáo QCDC 2026.pdf");
        List<String> exempt = row(qcdc, r -> r.get(2).equals("Các phòng chuyên môn nghiệp vụ Sở"));
        assertThat(exempt.get(3)).isEqualTo("Không phải nộp");
        assertThat(exempt.get(4)).as("no deadline for a unit that owes nothing").isEmpty();
        List<String> waiting = row(qcdc, r -> r.get(0).equals(extended.unit()));
        assertThat(waiting.get(3)).isEqualTo("Chưa nộp – còn hạn");
        assertThat(waiting.get(4)).as("the extension's last day").isEqualTo("20/12/2026");
        assertThat(waiting.get(10)).isEqualTo("20/12/2026");
        assertThat(waiting.get(11)).isEqualTo("Trung tâm đang sửa chữa");
    }

    private static List<String> row(List<List<String>> sheet, java.util.function.Predicate<List<String>> which) {
        return sheet.stream().filter(r -> r.size() > 5 && which.test(r)).findFirst()
                .orElseThrow(() -> new AssertionError("no such row in " + sheet));
    }

    /** Debian's LibreOffice, headless: every sheet of a workbook to CSV, cells as shown. */
    static final class LibreOffice {
        /** Comma, quotes, UTF-8 (76), cells as shown (the 9th token), every sheet to its own file (-1, LibreOffice 7.2+). */
        private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

        static Map<String, List<List<String>>> sheetsAsShown(Path workbook) throws IOException, InterruptedException {
            Path out = Files.createDirectories(workbook.resolveSibling("csv"));
            Path profile = Files.createDirectories(workbook.resolveSibling("profile"));
            Process soffice = new ProcessBuilder(executable(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                    "--convert-to", CSV_FILTER, "--outdir", out.toString(), workbook.toString())
                    .redirectErrorStream(true).start();
            String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(soffice.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).as(output).isTrue();
            assertThat(soffice.exitValue()).as(output).isZero();
            String stem = workbook.getFileName().toString().replaceFirst("\\.xlsx$", "");
            Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
            try (var files = Files.list(out)) {
                for (Path csv : files.sorted().toList()) {
                    String name = csv.getFileName().toString();
                    sheets.put(name.substring(stem.length() + 1, name.length() - ".csv".length()),
                            StatusApiTest.parseCsv(Files.readString(csv).replace("\r\n", "\n").replace("\n", "\r\n")));
                }
            }
            assertThat(sheets).as(output).isNotEmpty();
            return sheets;
        }

        private static String executable() {
            for (String name : List.of("soffice", "libreoffice")) {
                for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                    if (Files.isExecutable(Path.of(dir, name))) {
                        return Path.of(dir, name).toString();
                    }
                }
            }
            throw new AssertionError("LibreOffice is needed to read the workbook back: apt-get install libreoffice-calc-nogui"
                    + " (.ci/run installs it)");
        }
    }
}
