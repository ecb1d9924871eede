package vn.haiphong.gddt.emulators;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start the embedded emulators. Ignored by the external modes ({@code -Demulators.endpoint},
 * {@code -Demulators=localstack|floci}), which configure themselves.
 *
 * @param dataDir     where S3 ({@code dataDir/s3}) and DynamoDB ({@code dataDir/dynamodb}) keep their state
 *                    so that it survives a restart, and where the Node emulators write their logs
 *                    ({@code dataDir/logs}); {@code null} keeps everything in memory. SES always keeps its
 *                    store in memory.
 * @param corsOrigins origins a browser may PUT, GET and HEAD objects from. An entry is an exact origin
 *                    ({@code http://localhost:3000}); {@code *} alone allows any origin, and {@code *} inside
 *                    an entry matches any characters but {@code /} ({@code http://localhost:*}). Empty: no CORS.
 * @param nodeModules the {@code infrastructure/node_modules} directory holding dynalite and aws-ses-v2-local;
 *                    {@code null} looks at {@code -Demulators.nodeModules}, then walks up from the working
 *                    directory.
 */
public record EmulatorOptions(Path dataDir, List<String> corsOrigins, Path nodeModules) {

    public EmulatorOptions {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }

    /** Everything in memory, no CORS, node_modules found automatically. */
    public static EmulatorOptions inMemory() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path dataDir;
        private List<String> corsOrigins = List.of();
        private Path nodeModules;

        private Builder() {
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder corsOrigins(List<String> corsOrigins) {
            this.corsOrigins = corsOrigins;
            return this;
        }

        public Builder corsOrigins(String... corsOrigins) {
            return corsOrigins(List.of(corsOrigins));
        }

        public Builder nodeModules(Path nodeModules) {
            this.nodeModules = nodeModules;
            return this;
        }

        public EmulatorOptions build() {
            return new EmulatorOptions(dataDir, corsOrigins, nodeModules);
        }
    }
}
