package vn.haiphong.gddt.reports.app;

/** The body of {@code POST /v1/uploads}, as parsed; nothing in it is trusted yet. */
public record UploadRequest(String obligation, String fileName, String contentType, long size, String sha256) {
}
