package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;

/** The keys that sign every link and office token, as the runner keeps them in {@code --data}: its owner's only. */
@ExtendWith(EmulatorsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenKeysFileTest {
    private static final Instant START = OffsetDateTime.parse("2026-11-30T09:00:00+07:00").toInstant();
    private Emulators emulators;

    @BeforeAll
    void emulators(Emulators emulators) {
        this.emulators = emulators;
    }

    @Test
    void the_token_keys_kept_in_the_data_directory_are_readable_by_their_owner_only(@TempDir Path data) throws Exception {
        try (Running kept = Running.start(emulators, START, Map.of(), null, data)) {
            assertThat(Files.getPosixFilePermissions(data.resolve("token-keys")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Running.tokenKeys(data)).as("the keys the system signs with").startsWith("local1:");
        }
        try (var leftovers = Files.list(data)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).as("no temporary file is left beside it")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void token_keys_an_earlier_runner_left_world_readable_are_kept_and_made_readable_by_their_owner_only(@TempDir Path data)
            throws Exception {
        Path keys = Files.writeString(data.resolve("token-keys"), "local1:" + "A".repeat(43) + "=\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));

        try (Running kept = Running.start(emulators, START, Map.of(), null, data)) {
            assertThat(Running.tokenKeys(data)).isEqualTo("local1:" + "A".repeat(43) + "=");
            assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
