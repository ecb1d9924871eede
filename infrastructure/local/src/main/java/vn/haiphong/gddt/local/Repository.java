package vn.haiphong.gddt.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the runner's files are when nobody said: it reads template.yaml, the sample units and the Node
 * emulators from the repository, yet a person may start the jar from any folder.
 */
final class Repository {
    private Repository() {
    }

    /** A file the runner needs and cannot find; its message is the one line a person reads. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    /**
     * The working folder when it holds template.yaml (the README's command); else the repository the
     * runner was built in ({@code <root>/infrastructure/local/target/local-runner.jar}, or its classes
     * folder in tests); else the working folder, for {@link #requireFile} to say what is missing.
     */
    static Path root(Path workingDir, Optional<Path> buildLocation) {
        if (Files.isRegularFile(workingDir.resolve("template.yaml"))) {
            return workingDir;
        }
        return buildLocation.map(Repository::builtIn)
                .filter(root -> Files.isRegularFile(root.resolve("template.yaml")))
                .orElse(workingDir);
    }

    /** {@code <root>/infrastructure/local/target/<jar or classes>} → {@code <root>}. */
    private static Path builtIn(Path location) {
        Path infrastructure = location.toAbsolutePath().normalize().getParent();
        for (int up = 0; up < 2 && infrastructure != null; up++) {
            infrastructure = infrastructure.getParent();
        }
        return infrastructure != null && infrastructure.getFileName() != null
                && infrastructure.getFileName().toString().equals("infrastructure") && infrastructure.getParent() != null
                ? infrastructure.getParent() : location;
    }

    /** The jar (or classes folder) this class was loaded from, when the JVM says. */
    static Optional<Path> buildLocation() {
        try {
            var source = Repository.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The root's Node emulators, when installed and -Demulators.nodeModules does not name others; else
     * null, and the emulators look for themselves and say how to install them.
     */
    static Path nodeModules(Path root) {
        if (System.getProperty("emulators.nodeModules") != null) {
            return null;
        }
        Path dir = root.resolve("infrastructure").resolve("node_modules");
        return Files.isDirectory(dir) ? dir : null;
    }

    static void requireFile(Path file, String what, String fix) {
        if (!Files.isRegularFile(file)) {
            throw new Missing("Không tìm thấy " + what + " (" + file.toAbsolutePath().normalize() + ") / "
                    + what + " not found (" + file.toAbsolutePath().normalize() + "): " + fix);
        }
    }
}
