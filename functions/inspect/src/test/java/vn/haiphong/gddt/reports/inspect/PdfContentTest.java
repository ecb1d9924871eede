package vn.haiphong.gddt.reports.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.reports.domain.Inspection;

/** Whether a file called .pdf is a PDF the Office can open, and what in it could run. */
class PdfContentTest {
    private static Inspection inspect(byte[] pdf) throws IOException {
        return new FileInspector().inspect(new ByteArrayInputStream(pdf), Format.PDF, TrustedRoots.none(), TestPki.NOW);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void an_unsigned_report_is_accepted_with_no_signature() throws IOException {
        Inspection inspection = inspect(TestPdfs.report());

        assertThat(inspection).isEqualTo(new Inspection(Inspection.Verdict.OK, List.of(), java.util.Optional.empty(), List.of()));
    }

    @Test
    void a_pdf_header_followed_by_an_html_page_is_refused_as_not_a_pdf() throws IOException {
        Inspection inspection = inspect(ascii("%PDF-1.4\n<html><body><script>alert('xin chào')</script></body></html>\n"));

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.REFUSED);
        assertThat(inspection.problems()).containsExactly("not-a-pdf");
        assertThat(inspection.reason()).contains("tệp không phải là PDF hợp lệ");
    }

    @Test
    void a_polyglot_that_fakes_the_pdf_ending_is_refused_because_nothing_in_it_parses_as_a_pdf() throws IOException {
        byte[] polyglot = ascii("%PDF-1.4\n<html><script>alert(1)</script></html>\ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF\n");

        assertThat(inspect(polyglot).problems()).containsExactly("not-a-pdf");
    }

    @Test
    void a_pdf_cut_short_in_transfer_is_refused() throws IOException {
        byte[] report = TestPdfs.report();

        assertThat(inspect(Arrays.copyOf(report, report.length * 2 / 3)).problems()).containsExactly("not-a-pdf");
    }

    @Test
    void an_html_page_appended_after_a_pdf_is_refused() throws IOException {
        byte[] report = TestPdfs.report();
        byte[] page = ascii("<html><script>" + "x".repeat(2000) + "</script></html>");
        byte[] both = Arrays.copyOf(report, report.length + page.length);
        System.arraycopy(page, 0, both, report.length, page.length);

        assertThat(inspect(both).problems()).containsExactly("not-a-pdf");
    }

    @Test
    void damaged_pdfs_are_refused_or_reported_never_failing_the_inspection() throws IOException {
        byte[] signed = TestPdfs.signedByPerson(TestPki.SIGNED_AT);
        Random random = new Random(13);
        for (int i = 0; i < 300; i++) {
            byte[] damaged = signed.clone();
            for (int change = 0; change < 1 + random.nextInt(6); change++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }

            assertThat(inspect(damaged).verdict()).isNotNull();
        }
    }

    @Test
    void a_pdf_that_needs_a_password_to_open_is_refused_with_the_vietnamese_reason() throws IOException {
        Inspection inspection = inspect(protect(TestPdfs.report(), "mat-khau-mo"));

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.REFUSED);
        assertThat(inspection.problems()).containsExactly("pdf-encrypted");
        assertThat(inspection.reason()).contains("tệp có mật khẩu");
    }

    @Test
    void a_pdf_encrypted_with_only_an_owner_password_is_refused_too() throws IOException {
        assertThat(inspect(protect(TestPdfs.report(), "")).problems()).containsExactly("pdf-encrypted");
    }

    @Test
    void javascript_launch_actions_and_attachments_are_reported_but_the_file_is_accepted() throws IOException {
        byte[] pdf;
        try (PDDocument document = Loader.loadPDF(TestPdfs.report())) {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('Xin chào');"));
            PDAnnotationLink link = new PDAnnotationLink();
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDComplexFileSpecification());
            link.setAction(launch);
            document.getPage(0).getAnnotations().add(link);
            PDComplexFileSpecification attachment = new PDComplexFileSpecification();
            attachment.setFile("danh-sach.xlsx");
            attachment.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(ascii("PK"))));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("danh-sach.xlsx", attachment));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
            pdf = TestPdfs.save(document);
        }

        Inspection inspection = inspect(pdf);

        assertThat(inspection.verdict()).isEqualTo(Inspection.Verdict.OK);
        assertThat(inspection.problems()).containsExactly("pdf-javascript", "pdf-launch-action", "pdf-embedded-file");
        assertThat(inspection.reason()).isEmpty();
    }

    private static byte[] protect(byte[] pdf, String userPassword) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("mat-khau-chu", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return TestPdfs.save(document);
        }
    }
}
