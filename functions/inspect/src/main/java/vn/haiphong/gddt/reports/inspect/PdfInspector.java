package vn.haiphong.gddt.reports.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.haiphong.gddt.reports.domain.Inspection;
import vn.haiphong.gddt.reports.domain.Signature;

/** Inspects a PDF: that it is one, that it is readable without a password, what it may run, and its signatures. */
final class PdfInspector {
    /** Acrobat looks for {@code %%EOF} within the last 1024 bytes; so do we, and for {@code startxref}. */
    private static final int TAIL_BYTES = 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final COSName LAUNCH = COSName.getPDFName("Launch");

    private final SignatureVerifier verifier;

    PdfInspector(TrustedRoots roots) {
        this.verifier = new SignatureVerifier(roots);
    }

    /** @param pdf the whole file; closed by this method */
    Inspection inspect(RandomAccessRead pdf, Instant now) throws IOException {
        try (pdf) {
            if (!hasPdfFrame(pdf)) {
                return InspectionProblem.NOT_A_PDF.alone();
            }
            PDDocument document;
            try {
                document = Loader.loadPDF(pdf);
            } catch (InvalidPasswordException e) {
                return InspectionProblem.PDF_ENCRYPTED.alone();
            } catch (IOException e) {
                return InspectionProblem.NOT_A_PDF.alone();
            }
            try (document) {
                return inspect(document, pdf, now);
            }
        }
    }

    private Inspection inspect(PDDocument document, RandomAccessRead pdf, Instant now) throws IOException {
        // Encrypted with an empty user password opens without one, yet it is still encrypted: its
        // permissions may forbid the Office to print or copy it.
        if (document.isEncrypted()) {
            return InspectionProblem.PDF_ENCRYPTED.alone();
        }
        if (document.getNumberOfPages() == 0) {
            return InspectionProblem.NOT_A_PDF.alone();
        }
        List<InspectionProblem> problems = new ArrayList<>(activeContent(document.getDocument()));
        List<Signature> signatures = new ArrayList<>();
        for (PDSignature dictionary : document.getSignatureDictionaries()) {
            SignatureVerifier.Verified verified = verifier.verify(dictionary, pdf, now);
            signatures.add(verified.signature());
            if (!verified.certificateValidAtSigning() && !problems.contains(InspectionProblem.SIGNATURE_CERTIFICATE_NOT_VALID)) {
                problems.add(InspectionProblem.SIGNATURE_CERTIFICATE_NOT_VALID);
            }
        }
        if (signatures.stream().anyMatch(s -> s.integrity() == Signature.Integrity.INVALID)) {
            problems.add(InspectionProblem.SIGNATURE_INVALID);
        }
        return InspectionProblem.inspection(problems, signatures);
    }

    /**
     * PDFBox repairs what it can and would open a {@code %PDF-} header followed by an HTML page as an
     * empty document. A file is taken as a PDF only when it starts with the header, ends (within
     * Acrobat's 1024 bytes) with {@code startxref} and {@code %%EOF}, then parses with a catalog and at
     * least one page.
     */
    private static boolean hasPdfFrame(RandomAccessRead pdf) throws IOException {
        long length = pdf.length();
        if (length < HEADER.length) {
            return false;
        }
        byte[] head = new byte[HEADER.length];
        pdf.seek(0);
        pdf.readFully(head);
        int tailLength = (int) Math.min(TAIL_BYTES, length);
        byte[] tail = new byte[tailLength];
        pdf.seek(length - tailLength);
        pdf.readFully(tail);
        pdf.seek(0);
        String end = new String(tail, StandardCharsets.ISO_8859_1);
        int startxref = end.lastIndexOf("startxref");
        return Arrays.equals(head, HEADER) && startxref >= 0 && end.indexOf("%%EOF", startxref) > 0;
    }

    /**
     * Every object of the file is looked at, not only the places the specification names (the
     * catalog's /OpenAction and /Names, pages' and fields' /AA, links' /A): a reader runs an action
     * from wherever it is reachable, and an unreachable one costs a false report at worst.
     */
    private static Set<InspectionProblem> activeContent(COSDocument document) {
        Set<InspectionProblem> found = EnumSet.noneOf(InspectionProblem.class);
        Deque<COSBase> pending = new ArrayDeque<>();
        for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
            COSObject object = document.getObjectFromPool(key);
            if (object.getObject() != null) {
                pending.push(object.getObject());
            }
            while (!pending.isEmpty()) {
                COSBase base = pending.pop();
                if (base instanceof COSDictionary dictionary) {
                    classify(dictionary, found);
                    dictionary.getValues().stream().filter(PdfInspector::isDirectContainer).forEach(pending::push);
                } else if (base instanceof COSArray array) {
                    array.forEach(element -> {
                        if (isDirectContainer(element)) {
                            pending.push(element);
                        }
                    });
                }
            }
        }
        return found;
    }

    /** Indirect objects are visited from the cross-reference table, once each; only direct ones nest here. */
    private static boolean isDirectContainer(COSBase base) {
        return base instanceof COSDictionary || base instanceof COSArray;
    }

    private static void classify(COSDictionary dictionary, Set<InspectionProblem> found) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)) {
            found.add(InspectionProblem.PDF_JAVASCRIPT);
        }
        if (LAUNCH.equals(action)) {
            found.add(InspectionProblem.PDF_LAUNCH_ACTION);
        }
        if (COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(COSName.EF)
                || dictionary.containsKey(COSName.EMBEDDED_FILES)) {
            found.add(InspectionProblem.PDF_EMBEDDED_FILE);
        }
    }
}
