package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the runner looks for template.yaml when it is started from some folder without {@code --root}. */
class RepositoryTest {
    @Test
    void from_another_folder_the_root_is_the_repository_the_jar_was_built_in(@TempDir Path dir) throws Exception {
        Path repository = repositoryIn(dir);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        assertThat(Repository.root(elsewhere, Optional.of(repository.resolve("infrastructure/local/target/local-runner.jar"))))
                .isEqualTo(repository);
        assertThat(Repository.root(elsewhere, Optional.of(repository.resolve("infrastructure/local/target/classes"))))
                .as("the classes folder, as tests load the runner").isEqualTo(repository);
    }

    @Test
    void a_working_folder_that_holds_a_template_wins_over_where_the_jar_was_built(@TempDir Path dir) throws Exception {
        Path repository = repositoryIn(dir);
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.writeString(copy.resolve("template.yaml"), "Resources: {}\n");

        assertThat(Repository.root(copy, Optional.of(repository.resolve("infrastructure/local/target/local-runner.jar"))))
                .isEqualTo(copy);
    }

    @Test
    void a_jar_outside_any_repository_leaves_the_working_folder_and_the_missing_template_is_named_in_both_languages(
            @TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path root = Repository.root(elsewhere, Optional.of(dir.resolve("downloads/local-runner.jar")));

        assertThat(root).isEqualTo(elsewhere);
        assertThatThrownBy(() -> Repository.requireFile(root.resolve("template.yaml"), "template.yaml", "pass --root DIR"))
                .isInstanceOf(Repository.Missing.class)
                .hasMessage("Không tìm thấy template.yaml (" + elsewhere.resolve("template.yaml") + ") / template.yaml not found ("
                        + elsewhere.resolve("template.yaml") + "): pass --root DIR");
    }

    private static Path repositoryIn(Path dir) throws Exception {
        Path repository = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repository.resolve("infrastructure/local/target/classes"));
        Files.writeString(repository.resolve("template.yaml"), "Resources: {}\n");
        return repository;
    }
}
