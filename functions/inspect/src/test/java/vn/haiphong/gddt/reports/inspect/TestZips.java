package vn.haiphong.gddt.reports.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Office documents and hostile ZIPs, built entry by entry. */
final class TestZips {
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private TestZips() {
    }

    record Part(String name, byte[] content, boolean stored) {
        static Part of(String name, String content) {
            return new Part(name, content.getBytes(StandardCharsets.UTF_8), false);
        }

        /** Stored, not deflated: the way ODF requires its mimetype entry. */
        static Part storedOf(String name, String content) {
            return new Part(name, content.getBytes(StandardCharsets.UTF_8), true);
        }
    }

    static byte[] zip(List<Part> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Part part : parts) {
                ZipEntry entry = new ZipEntry(part.name());
                if (part.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(part.content());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.content().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static final String OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String MAIN = "application/vnd.openxmlformats-officedocument.";

    /** {@code [Content_Types].xml}, overriding each part named in {@code partTypes} (name, type, name, type…). */
    private static Part contentTypes(String... partTypes) {
        StringBuilder xml = new StringBuilder(XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        for (int i = 0; i < partTypes.length; i += 2) {
            xml.append("<Override PartName=\"").append(partTypes[i]).append("\" ContentType=\"").append(partTypes[i + 1]).append("\"/>");
        }
        return Part.of("[Content_Types].xml", xml + "</Types>");
    }

    private static Part relationship(String name, String type, String target) {
        return Part.of(name, XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + type + "\" Target=\"" + target + "\"/></Relationships>");
    }

    static List<Part> docxParts() {
        return new ArrayList<>(List.of(
                contentTypes("/word/document.xml", MAIN + "wordprocessingml.document.main+xml"),
                relationship("_rels/.rels", OFFICE_DOCUMENT, "word/document.xml"),
                Part.of("word/document.xml", XML + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>Báo cáo định kỳ — Trường THPT Trần Phú</w:t></w:r></w:p></w:body></w:document>")));
    }

    static byte[] docx() {
        return zip(docxParts());
    }

    static byte[] xlsx() {
        return zip(List.of(
                contentTypes("/xl/workbook.xml", MAIN + "spreadsheetml.sheet.main+xml",
                        "/xl/worksheets/sheet1.xml", MAIN + "spreadsheetml.worksheet+xml"),
                relationship("_rels/.rels", OFFICE_DOCUMENT, "xl/workbook.xml"),
                Part.of("xl/workbook.xml", XML + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                        + "<sheets><sheet name=\"Số liệu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
                relationship("xl/_rels/workbook.xml.rels",
                        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
                Part.of("xl/worksheets/sheet1.xml", XML + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Số học sinh</t></is></c><c r=\"B1\"><v>1250</v></c></row></sheetData>"
                        + "</worksheet>")));
    }

    static List<Part> odfParts(String mimetype) {
        return new ArrayList<>(List.of(
                Part.storedOf("mimetype", mimetype),
                Part.of("META-INF/manifest.xml", XML + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"" + mimetype + "\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "</manifest:manifest>"),
                Part.of("content.xml", XML + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
                        + "<office:body><office:text><text:p>Báo cáo định kỳ</text:p></office:text></office:body></office:document-content>")));
    }

    static byte[] odt() {
        return zip(odfParts("application/vnd.oasis.opendocument.text"));
    }

    /**
     * A .docx whose document part inflates to {@code inflatedBytes} of zeros: at the best compression
     * 200 MB fit in about 200 KB, the file of issue 13.
     */
    static byte[] bomb(long inflatedBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Part part : docxParts().subList(0, 2)) {
                zip.putNextEntry(new ZipEntry(part.name()));
                zip.write(part.content());
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long left = inflatedBytes; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
