package vn.haiphong.gddt.reports.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** What the functions that only hand out links (an upload, a download) cost: no S3 client at all. */
class S3SubmissionFilesTest {
    private final S3Presigner presigner = S3Presigner.builder().region(Region.AP_SOUTHEAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("TEST", "test"))).build();
    private final S3SubmissionFiles files = new S3SubmissionFiles(() -> {
        throw new AssertionError("a presigned link was given an S3 client to build");
    }, () -> presigner, "submissions-bucket");

    @Test
    void upload_and_download_links_are_signed_without_building_an_s3_client() {
        var upload = files.presignUpload(new SubmissionFiles.UploadSpec("submissions/2026/QCDC/2026-H1/thpt-tran-phu/x/bao-cao.pdf",
                "application/pdf", 1234, Base64.getEncoder().encodeToString(new byte[32]), Map.of("unit", "thpt-tran-phu")),
                Duration.ofMinutes(15));
        var download = files.presignDownload("submissions/2026/QCDC/2026-H1/thpt-tran-phu/x/bao-cao.pdf", null,
                "Báo cáo.pdf", "application/pdf", Duration.ofMinutes(5));

        assertThat(upload.url()).contains("submissions-bucket").contains("X-Amz-Signature=");
        assertThat(upload.headers()).containsKeys("content-type", "content-length", "x-amz-checksum-sha256");
        assertThat(download.url()).contains("X-Amz-Signature=").contains("response-content-disposition=");
    }
}
