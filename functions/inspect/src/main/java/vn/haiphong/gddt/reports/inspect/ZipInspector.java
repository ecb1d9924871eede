package vn.haiphong.gddt.reports.inspect;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import vn.haiphong.gddt.reports.domain.Inspection;

/**
 * Reads an Office document (DOCX, XLSX, ODT, ODS) as the ZIP it must be, entry by entry, inflating
 * every byte once and stopping at the first bound crossed: a ZIP bomb is refused after about one
 * bound's worth of inflation, in bounded memory (a 64 KB buffer, and the first megabyte of the entry
 * that declares the package's type).
 */
final class ZipInspector {
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Enough for the content types of a workbook of many sheets; an ODF mimetype is a few dozen bytes. */
    private static final int DECLARATION_BYTES = 1024 * 1024;
    private static final Pattern DRIVE_LETTER = Pattern.compile("[A-Za-z]:");

    private final ZipLimits limits;

    ZipInspector(ZipLimits limits) {
        this.limits = limits;
    }

    /** The entry names seen, for a caller that can compare them with the central directory. */
    record Entries(Inspection inspection, Set<String> names) {
    }

    Entries inspect(InputStream in, Format format) throws IOException {
        CountingInputStream counted = new CountingInputStream(in);
        Reading reading = new Reading(format);
        try (ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                // ZipInputStream reads compressed bytes in blocks of 512 and pushes back what an entry
                // did not use, so this count is off by at most 512 either way: nothing beside the 10 KB
                // that a 1 MB entry at 100:1 has compressed.
                long compressedFrom = counted.count();
                InspectionProblem problem = reading.entry(entry.getName(), zip, () -> counted.count() - compressedFrom);
                if (problem != null) {
                    return refused(problem);
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // A damaged or truncated archive, or entry names not in UTF-8 (which no Office program writes).
            return refused(InspectionProblem.NOT_A_ZIP);
        }
        return reading.finish();
    }

    /**
     * The entries as Excel, Word and LibreOffice read them, through the central directory: for an archive
     * whose local headers a stream cannot follow (a streaming writer's Zip64 data descriptors, as
     * fastexcel writes them). Each entry's compressed size is the one the directory declares, which the
     * reader cannot read past.
     */
    Entries inspect(ZipFile zip, Format format) throws IOException {
        if (zip.size() > limits.maxEntries()) {
            return refused(InspectionProblem.ZIP_TOO_MANY_ENTRIES);
        }
        Reading reading = new Reading(format);
        try {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream data = zip.getInputStream(entry)) {
                    InspectionProblem problem = reading.entry(entry.getName(), data, entry::getCompressedSize);
                    if (problem != null) {
                        return refused(problem);
                    }
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            return refused(InspectionProblem.NOT_A_ZIP);
        }
        return reading.finish();
    }

    /** One pass over the entries, in order, with what the bounds need to remember between them. */
    private final class Reading {
        private final Format format;
        private final Set<String> names = new HashSet<>();
        private final List<InspectionProblem> problems = new ArrayList<>();
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private long total;

        Reading(Format format) {
            this.format = format;
        }

        /** Inflates one entry; the problem that refuses the file, or null. */
        InspectionProblem entry(String name, InputStream data, LongSupplier compressedSoFar) throws IOException {
            if (names.size() == limits.maxEntries()) {
                return InspectionProblem.ZIP_TOO_MANY_ENTRIES;
            }
            // Two entries under one name: which one a reader opens is up to the reader.
            if (!isSafe(name) || !names.add(name)) {
                return InspectionProblem.ZIP_UNSAFE_NAME;
            }
            if (format.container() == Format.Container.ODF && names.size() == 1 && !name.equals("mimetype")) {
                return InspectionProblem.ODF_WRONG_MIMETYPE;
            }
            boolean declaration = name.equals(format.container().declaration());
            byte[] head = new byte[declaration ? DECLARATION_BYTES : 0];
            int kept = 0;
            long inflated = 0;
            for (int n; (n = data.read(buffer)) > 0; ) {
                int keep = Math.min(n, head.length - kept);
                System.arraycopy(buffer, 0, head, kept, keep);
                kept += keep;
                inflated += n;
                total += n;
                if (total > limits.maxUncompressedBytes()) {
                    return InspectionProblem.ZIP_TOO_LARGE;
                }
                long compressed = Math.max(1, compressedSoFar.getAsLong());
                if (inflated > limits.ratioCheckedAboveBytes() && inflated / compressed > limits.maxRatio()) {
                    return InspectionProblem.ZIP_RATIO;
                }
            }
            if (declaration && !format.declares(new String(head, 0, kept, StandardCharsets.UTF_8))) {
                return format.container() == Format.Container.ODF
                        ? InspectionProblem.ODF_WRONG_MIMETYPE : InspectionProblem.OOXML_WRONG_TYPE;
            }
            if (isMacro(name, format) && !problems.contains(InspectionProblem.MACROS)) {
                problems.add(InspectionProblem.MACROS);
            }
            return null;
        }

        Entries finish() {
            if (names.isEmpty()) {
                return refused(InspectionProblem.NOT_A_ZIP);
            }
            if (format.container() == Format.Container.OOXML && !names.contains("[Content_Types].xml")) {
                problems.add(0, InspectionProblem.ZIP_NOT_OOXML);
            }
            return new Entries(InspectionProblem.inspection(problems, List.of()), Set.copyOf(names));
        }
    }

    private static Entries refused(InspectionProblem problem) {
        return new Entries(problem.alone(), Set.of());
    }

    /** A name that unpacks inside the folder it is unpacked into, on Windows as on Linux. */
    static boolean isSafe(String name) {
        return !name.isEmpty() && !name.startsWith("/") && name.indexOf('\\') < 0 && name.indexOf('\0') < 0
                && !DRIVE_LETTER.matcher(name).lookingAt()
                && Arrays.stream(name.split("/", -1)).noneMatch(".."::equals);
    }

    /**
     * VBA in OOXML lives in {@code vbaProject.bin}; ODF keeps Basic modules under {@code Basic/} (beside
     * the library indexes {@code script-lc.xml} and {@code script-lb.xml}, which hold no code) and other
     * script languages under {@code Scripts/}.
     */
    private static boolean isMacro(String name, Format format) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (format.container() == Format.Container.OOXML) {
            return lower.endsWith("vbaproject.bin");
        }
        return lower.startsWith("scripts/") && !lower.endsWith("/")
                || lower.startsWith("basic/") && lower.endsWith(".xml")
                && !lower.endsWith("/script-lc.xml") && !lower.endsWith("/script-lb.xml");
    }

    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
