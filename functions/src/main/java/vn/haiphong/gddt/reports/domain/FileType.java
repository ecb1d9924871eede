package vn.haiphong.gddt.reports.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a signed report may come in, with the first bytes each must start with: a file
 * called {@code .pdf} that is not a PDF is refused when it arrives.
 */
public enum FileType {
    PDF("application/pdf", List.of("pdf"), Magic.PDF),
    DOC("application/msword", List.of("doc"), Magic.OLE2),
    XLS("application/vnd.ms-excel", List.of("xls"), Magic.OLE2),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), Magic.ZIP),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), Magic.ZIP),
    ODT("application/vnd.oasis.opendocument.text", List.of("odt"), Magic.ZIP),
    ODS("application/vnd.oasis.opendocument.spreadsheet", List.of("ods"), Magic.ZIP);

    /** Bytes needed to tell every type apart from its impostors. */
    public static final int HEAD_BYTES = 8;

    private final String contentType;
    private final List<String> extensions;
    private final byte[] magic;

    FileType(String contentType, List<String> extensions, byte[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<FileType> ofContentType(String contentType) {
        String bare = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.contentType.equals(bare)).findFirst();
    }

    public boolean fitsName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether the file's first bytes are what this type starts with. */
    public boolean fitsHead(byte[] head) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static final class Magic {
        static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        static final byte[] ZIP = {'P', 'K', 3, 4};
    }
}
