package vn.haiphong.gddt.reports.inspect;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.haiphong.gddt.reports.domain.Inspection;

/**
 * Issue 13, part 7: inspection time and peak heap for a 25 MB PDF with two signatures (a person's and
 * the unit's) and a 25 MB XLSX, against reading the same bytes through SHA-256 in the same run, the
 * least any look at a file costs. Run as docs/benchmarks.md says.
 */
public final class InspectionBench {
    private static final int RUNS = 7;
    private static final long TARGET_BYTES = 25L * 1024 * 1024;

    private InspectionBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cold")) {
            cold(args.length > 1 ? Integer.parseInt(args[1]) : 15, args.length > 2 ? Optional.of(Path.of(args[2])) : Optional.empty());
            return;
        }
        Path folder = Files.createTempDirectory("inspection-bench");
        Path pdf = Files.write(folder.resolve("bao-cao-25mb.pdf"), twiceSignedPdf());
        Path dataOnly = xlsx(folder.resolve("so-lieu-25mb.xlsx"), 0);
        Path withPhotos = xlsx(folder.resolve("so-lieu-anh-25mb.xlsx"), 20L * 1024 * 1024);
        TrustedRoots roots = TrustedRoots.fromPem(TestPki.pem(TestPki.ROOT.certificate()));
        FileInspector inspector = new FileInspector();
        System.out.printf("Java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        for (Path file : List.of(pdf, dataOnly, withPhotos)) {
            Format format = Format.ofFileName(file.toString()).orElseThrow();
            System.out.printf("%n%s%n", file.getFileName());
            report("inspection", () -> inspector.inspect(file, format, roots, TestPki.NOW));
            Inspection inspection = inspector.inspect(file, format, roots, TestPki.NOW);
            System.out.printf("  %,d bytes (%,d inflated); verdict %s, problems %s, signatures %s%n",
                    Files.size(file), format == Format.PDF ? Files.size(file) : inflated(file),
                    inspection.verdict(), inspection.problems(), inspection.signatures().stream()
                            .map(s -> s.signer() + " " + s.integrity() + " whole=" + s.coversWholeDocument() + " " + s.trust()).toList());
            report("baseline SHA-256 of the file", () -> sha256(file));
        }
    }

    /**
     * The first inspection in a fresh JVM ({@link FirstInspection}), {@code runs} times round by round, of a
     * small report unsigned (the baseline of the run), signed on P-256 by the tests' signer, signed by
     * poppler's pdfsig with RSA 2048 (as Vietnam's authorities issue keys; bench-cold's event) and signed on
     * Brainpool P-256r1 (which only Bouncy Castle checks). With {@code against}, another built checkout, its
     * inspection classes run too, next to this build's in each round, and the medians are compared.
     */
    private static void cold(int runs, Optional<Path> against) throws Exception {
        Path folder = Files.createTempDirectory("inspection-cold");
        String pdfsigCa;
        try (InputStream pem = InspectionBench.class.getResourceAsStream("pdfsig/ca-pdfsig.pem")) {
            pdfsigCa = new String(pem.readAllBytes(), StandardCharsets.US_ASCII);
        }
        Path roots = Files.writeString(folder.resolve("roots.pem"), TestPki.pem(TestPki.ROOT.certificate()) + pdfsigCa);
        // After pdfsig's signing day: each signature is judged at its signing time, all within their chains.
        Instant now = Instant.parse("2027-01-04T02:00:00Z");
        byte[] report = TestPdfs.report();
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("unsigned", Files.write(folder.resolve("unsigned.pdf"), report));
        files.put("signed, P-256", Files.write(folder.resolve("p256.pdf"), TestPdfs.sign(report, TestPki.PERSON,
                List.of(TestPki.PERSON.certificate(), TestPki.INTERMEDIATE.certificate()), TestPki.SIGNED_AT, "Hai Phong")));
        try (InputStream pdfsig = InspectionBench.class.getResourceAsStream("pdfsig/bao-cao-pdfsig.pdf")) {
            files.put("signed by pdfsig, RSA", Files.write(folder.resolve("rsa.pdf"), pdfsig.readAllBytes()));
        }
        files.put("signed, Brainpool", Files.write(folder.resolve("brainpool.pdf"), TestPdfs.sign(report,
                TestPki.BRAINPOOL_PERSON, List.of(TestPki.BRAINPOOL_PERSON.certificate(), TestPki.INTERMEDIATE.certificate()),
                TestPki.SIGNED_AT, "Hai Phong")));
        // Both builds' classes the same way, as directories ahead of the same class path: only they differ.
        Map<String, String> builds = new LinkedHashMap<>();
        builds.put("this build", classesOf(Path.of("")));
        against.ifPresent(other -> builds.put(other.toString(), classesOf(other)));
        boolean oneCore = canPinToOneCore();
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                List<String> order = new ArrayList<>(builds.keySet());
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String build : order) {
                    FirstInspection.Result result = FirstInspection.in(builds.get(build), file.getValue(), roots, now,
                            List.of(), oneCore);
                    millis.computeIfAbsent(build + " | " + file.getKey(), k -> new ArrayList<>()).add(result.millis());
                    verdicts.put(build + " | " + file.getKey(), result.verdicts());
                }
            }
        }
        System.out.printf("first inspection in a fresh JVM (%s), median of %d, %s%n",
                String.join(" ", FirstInspection.LAMBDA_FLAGS), runs, oneCore ? "each JVM on CPU 0" : "not pinned (no taskset)");
        for (String build : builds.keySet()) {
            long unsigned = median(millis.get(build + " | unsigned"));
            for (String file : files.keySet()) {
                String key = build + " | " + file;
                long median = median(millis.get(key));
                String versus = against.isPresent() && !build.equals("this build")
                        ? String.format("  this build / this one %.2f", (double) median(millis.get("this build | " + file)) / median)
                        : "";
                System.out.printf("  %-40s %5d ms  × unsigned %.2f  %s%s%n", key, median, (double) median / unsigned,
                        verdicts.get(key), versus);
            }
        }
        try (Stream<Path> written = Files.list(folder)) {
            for (Path file : written.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    /** Whether {@code taskset -c 0} runs here: it may be missing, or CPU 0 not ours (a container). */
    private static boolean canPinToOneCore() throws InterruptedException {
        try {
            return new ProcessBuilder("taskset", "-c", "0", "true").start().waitFor() == 0;
        } catch (IOException noTaskset) {
            return false;
        }
    }

    /** A checkout's inspect and functions classes, ahead of this JVM's class path (the libraries). */
    private static String classesOf(Path checkout) {
        return checkout.toAbsolutePath().resolve("functions/inspect/target/classes") + File.pathSeparator
                + checkout.toAbsolutePath().resolve("functions/target/classes") + File.pathSeparator
                + System.getProperty("java.class.path");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String what, Callable<?> task) throws Exception {
        List<Long> millis = new ArrayList<>();
        long peak = 0;
        for (int run = 0; run < RUNS; run++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            task.call();
            millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
            peak = Math.max(peak, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        }
        List<Long> warm = new ArrayList<>(millis.subList(1, RUNS));
        warm.sort(null);
        System.out.printf("  %-30s first %5d ms, median of the next %d %5d ms, peak heap %4d MB%n", what,
                millis.get(0), RUNS - 1, warm.get(warm.size() / 2), peak / (1024 * 1024));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A scanned report: one page holding a 25 MB photograph of noise (incompressible), signed twice. */
    private static byte[] twiceSignedPdf() throws IOException {
        byte[] scanned;
        try (PDDocument document = new PDDocument()) {
            int side = (int) Math.sqrt(TARGET_BYTES / 3.0);
            BufferedImage photo = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(13);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    photo.setRGB(x, y, random.nextInt());
                }
            }
            PDPage page = new PDPage();
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, photo);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            scanned = TestPdfs.save(document);
        }
        byte[] byPerson = TestPdfs.sign(scanned, TestPki.PERSON,
                List.of(TestPki.PERSON.certificate(), TestPki.INTERMEDIATE.certificate()), TestPki.SIGNED_AT, "Hai Phong");
        return TestPdfs.sign(byPerson, TestPki.UNIT,
                List.of(TestPki.UNIT.certificate(), TestPki.INTERMEDIATE.certificate()), TestPki.SIGNED_AT.plusSeconds(60), "Hai Phong");
    }

    private static long inflated(Path zipFile) throws IOException {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            byte[] buffer = new byte[64 * 1024];
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                }
            }
        }
        return total;
    }

    /**
     * A statistics workbook: {@code photoBytes} of photographs (incompressible), then one sheet of rows
     * (a unit's name, a class, six counts) written until the file reaches 25 MB, deflated as Excel does
     * (shared strings left out for simplicity).
     */
    private static Path xlsx(Path file, long photoBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
             ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(TestZips.xlsx()))) {
            for (ZipEntry entry; (entry = parts.getNextEntry()) != null; ) {
                if (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    parts.transferTo(zip);
                }
            }
            Random random = new Random(13);
            byte[] photo = new byte[1024 * 1024];
            for (int n = 1; n <= photoBytes / photo.length; n++) {
                random.nextBytes(photo);
                zip.putNextEntry(new ZipEntry("xl/media/image" + n + ".jpeg"));
                zip.write(photo);
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            String[] units = {"Trường THPT Trần Phú", "Trường THPT Ngô Quyền", "Trường THPT Thái Phiên", "Phòng GDĐT Thủy Nguyên"};
            for (int row = 1; row % 10_000 != 0 || Files.size(file) < TARGET_BYTES - 64 * 1024; row++) {
                StringBuilder xml = new StringBuilder("<row r=\"").append(row).append("\"><c t=\"inlineStr\"><is><t>")
                        .append(units[random.nextInt(units.length)]).append("</t></is></c><c t=\"inlineStr\"><is><t>Lớp ")
                        .append(10 + random.nextInt(3)).append('A').append(1 + random.nextInt(12)).append("</t></is></c>");
                for (int count = 0; count < 6; count++) {
                    xml.append("<c><v>").append(random.nextInt(100_000)).append("</v></c>");
                }
                zip.write(xml.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
