package vn.haiphong.gddt.reports.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.catalog.CatalogFile;
import vn.haiphong.gddt.reports.domain.Catalog;
import vn.haiphong.gddt.reports.domain.CatalogSettings;
import vn.haiphong.gddt.reports.domain.ObligationStatus;
import vn.haiphong.gddt.reports.domain.SortedUnits;
import vn.haiphong.gddt.reports.domain.Unit;
import vn.haiphong.gddt.reports.domain.UnitCategory;

/** What the workbook is made of; that a spreadsheet reads it as meant is StatusWorkbookTest, with LibreOffice. */
class StatusWorkbookPartsTest {
    private static final Catalog CATALOG = CatalogFile.bundled(CatalogSettings.defaults());

    @Test
    void a_deadline_before_the_named_day_ends_on_the_day_before_and_an_extension_to_the_end_of_a_day_on_that_day() {
        assertThat(StatusWorkbook.lastDay("2025-06-10T00:00:00+07:00")).as("trước ngày 10/6/2025").isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(StatusWorkbook.lastDay("2025-06-21T00:00:00+07:00")).as("đến hết ngày 20/6/2025").isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(StatusWorkbook.lastDay("2025-06-10T17:00:00+07:00")).as("a grace into the day").isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void every_sheet_has_a_frozen_filtered_header_and_a_name_excel_accepts() throws IOException {
        Map<String, String> parts = parts(StatusWorkbook.of(document(2025)));

        String workbook = parts.get("xl/workbook.xml");
        assertThat(workbook).contains("name=\"Tổng hợp\"", "name=\"QCDC 2025-H1\"", "name=\"DVCQ 2025-Y\"",
                "name=\"NV04 2025-H1\"");
        List<String> sheets = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/sheet")).toList();
        assertThat(sheets).hasSizeGreaterThan(4);
        for (String sheet : sheets) {
            assertThat(parts.get(sheet)).as(sheet).contains("state=\"frozen\"", "<autoFilter ref=\"A1:");
        }
    }

    private static StatusDocument document(int year) {
        Instant asOf = Instant.parse("2025-07-01T02:00:00Z");
        List<Unit> units = List.of(new Unit("thpt-tran-phu", "Trường THPT Trần Phú", UnitCategory.THPT,
                List.of("thpt-tran-phu@example.edu.vn"), 1));
        List<ObligationStatus> statuses = CATALOG.obligationsOf(year).stream()
                .map(o -> ObligationStatus.of(o, SortedUnits.of(units), List.of(), List.of(), asOf)).toList();
        return StatusDocument.of(new StatusQuery.Result(asOf, asOf, statuses, Set.of(), Optional.empty(), Optional.empty()));
    }

    /** fastexcel writes every non-ASCII character as a character reference ({@code &#x1ed5;}). */
    private static String unescaped(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
    }

    /** Read by its central directory, as Excel reads it (the entries' sizes follow them, in Zip64 descriptors). */
    private static Map<String, String> parts(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("status-", ".xlsx");
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    parts.put(e.getName(), unescaped(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return parts;
    }
}
