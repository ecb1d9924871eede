package vn.haiphong.gddt.emulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The npm-installed emulators, from the lockfile in {@code infrastructure/}. */
record NodeModules(Path dir) {

    static final String PROPERTY = "emulators.nodeModules";
    private static final String FIX = "Run `npm ci --prefix infrastructure` from the repository root"
            + " (or point -D" + PROPERTY + " at an infrastructure/node_modules directory).";

    /**
     * Entry scripts rather than {@code .bin/} links: on Windows {@code .bin/} holds shell and cmd shims,
     * which node cannot run.
     */
    Path dynalite() {
        return dir.resolve("dynalite").resolve("cli.js");
    }

    Path sesV2Local() {
        return dir.resolve("aws-ses-v2-local").resolve("dist").resolve("cli.js");
    }

    static NodeModules locate(Path configured, String property) {
        Path dir = configured != null ? configured
                : property != null && !property.isBlank() ? Path.of(property.strip())
                : searchUpwards(Path.of("").toAbsolutePath());
        NodeModules modules = new NodeModules(dir.toAbsolutePath().normalize());
        for (Path script : List.of(modules.dynalite(), modules.sesV2Local())) {
            if (!Files.isRegularFile(script)) {
                throw new IllegalStateException("The Node emulators are not installed: " + script + " is missing. " + FIX);
            }
        }
        return modules;
    }

    private static Path searchUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infrastructure").resolve("node_modules");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No infrastructure/node_modules in " + start + " or above. " + FIX);
    }
}
