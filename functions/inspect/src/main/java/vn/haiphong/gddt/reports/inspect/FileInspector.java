package vn.haiphong.gddt.reports.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import vn.haiphong.gddt.reports.domain.Inspection;

/**
 * Inspects one uploaded report against what its extension claims: a PDF must be a readable PDF (its
 * signatures verified), an Office document a bounded ZIP of the right kind. Pure: the file, the
 * trusted roots and the time come in; nothing is stored or sent.
 */
public final class FileInspector {
    private final ZipLimits zipLimits;

    public FileInspector(ZipLimits zipLimits) {
        this.zipLimits = zipLimits;
    }

    public FileInspector() {
        this(ZipLimits.DEFAULT);
    }

    /**
     * The preferred way in: a PDF is read where it lies (only the parts parsed and the signed ranges
     * streamed), and a ZIP's entry names are compared with its central directory, which is what
     * unzip programs and Office read (a stream sees only the local headers).
     */
    public Inspection inspect(Path file, Format format, TrustedRoots roots, Instant now) throws IOException {
        if (format == Format.PDF) {
            return new PdfInspector(roots).inspect(new RandomAccessReadBufferedFile(file), now);
        }
        ZipInspector.Entries entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = new ZipInspector(zipLimits).inspect(in, format);
        }
        if (entries.inspection().problems().equals(List.of(InspectionProblem.NOT_A_ZIP.code()))) {
            // Local headers a stream cannot follow (Zip64 data descriptors) may still be a sound
            // archive for Office, which reads the central directory: every entry is inspected there.
            return throughCentralDirectory(file, format);
        }
        if (entries.inspection().verdict() == Inspection.Verdict.REFUSED) {
            return entries.inspection();
        }
        return centralDirectoryNames(file).equals(entries.names())
                ? entries.inspection()
                : InspectionProblem.NOT_A_ZIP.alone();
    }

    private Inspection throughCentralDirectory(Path file, Format format) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new ZipInspector(zipLimits).inspect(zip, format).inspection();
        } catch (ZipException | IllegalArgumentException e) {
            return InspectionProblem.NOT_A_ZIP.alone();
        }
    }

    /** For a file that is only a stream: a PDF is then held in memory whole, which a Path avoids. */
    public Inspection inspect(InputStream in, Format format, TrustedRoots roots, Instant now) throws IOException {
        if (format == Format.PDF) {
            return new PdfInspector(roots).inspect(new RandomAccessReadBuffer(in), now);
        }
        return new ZipInspector(zipLimits).inspect(in, format).inspection();
    }

    /**
     * The names unzip and Office see; empty when there is no readable central directory. Names hidden
     * from the stream (after a gap, or only in the directory) make the two sets differ.
     */
    private Set<String> centralDirectoryNames(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > zipLimits.maxEntries()) {
                return Collections.emptySet();
            }
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        } catch (ZipException | IllegalArgumentException e) {
            return Collections.emptySet();
        }
    }
}
