package vn.haiphong.gddt.reports.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats whose insides are inspected, named by the extension the unit gave the file: the name
 * says what the file claims to be, and the inspection holds it to that claim. DOC and XLS (OLE2) are
 * accepted on their first bytes alone, as before issue 13.
 */
public enum Format {
    PDF(Container.PDF, List.of()),
    DOCX(Container.OOXML, List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml")),
    XLSX(Container.OOXML, List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml")),
    ODT(Container.ODF, List.of("application/vnd.oasis.opendocument.text")),
    ODS(Container.ODF, List.of("application/vnd.oasis.opendocument.spreadsheet"));

    /** A package names its own type in one entry: ODF in {@code mimetype}, OOXML in {@code [Content_Types].xml}. */
    enum Container {
        PDF(""), OOXML("[Content_Types].xml"), ODF("mimetype");

        private final String declaration;

        Container(String declaration) {
            this.declaration = declaration;
        }

        String declaration() {
            return declaration;
        }
    }

    private final Container container;
    private final List<String> declaredTypes;

    Format(Container container, List<String> declaredTypes) {
        this.container = container;
        this.declaredTypes = declaredTypes;
    }

    Container container() {
        return container;
    }

    /**
     * What the package's declaration must name for this extension: ODF's {@code mimetype} is exactly
     * one of these; OOXML's content types give one of these to the main part. A macro-enabled main part
     * is let through, its macros reported, like a {@code vbaProject.bin} anywhere.
     */
    boolean declares(String declaration) {
        return container == Container.ODF ? declaredTypes.contains(declaration) : declaredTypes.stream().anyMatch(declaration::contains);
    }

    /** {@code "Báo cáo.PDF"} -> PDF; a name without one of the inspected extensions -> empty. */
    public static Optional<Format> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(extension)).findFirst();
    }
}
