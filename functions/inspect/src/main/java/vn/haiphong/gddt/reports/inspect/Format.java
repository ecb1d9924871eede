package vn.haiphong.gddt.reports.inspect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats whose insides are inspected, named by the extension the unit gave the file: the name
 * says what the file claims to be, and the inspection holds it to that claim. DOC and XLS (OLE2) are
 * accepted on their first bytes alone, as before issue 13.
 */
public enum Format {
    PDF(Container.PDF, ""),
    DOCX(Container.OOXML, ""),
    XLSX(Container.OOXML, ""),
    ODT(Container.ODF, "application/vnd.oasis.opendocument.text"),
    ODS(Container.ODF, "application/vnd.oasis.opendocument.spreadsheet");

    enum Container { PDF, OOXML, ODF }

    private final Container container;
    private final String odfMimetype;

    Format(Container container, String odfMimetype) {
        this.container = container;
        this.odfMimetype = odfMimetype;
    }

    Container container() {
        return container;
    }

    /** What an ODF package's first entry, {@code mimetype}, must hold for this extension. */
    String odfMimetype() {
        return odfMimetype;
    }

    /** {@code "Báo cáo.PDF"} -> PDF; a name without one of the inspected extensions -> empty. */
    public static Optional<Format> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(extension)).findFirst();
    }
}
