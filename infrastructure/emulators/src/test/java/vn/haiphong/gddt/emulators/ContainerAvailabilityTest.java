package vn.haiphong.gddt.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What -Demulators=localstack|floci does on a machine that cannot start containers. */
class ContainerAvailabilityTest {

    private static final BooleanSupplier PRESENT = () -> true;
    private static final BooleanSupplier ABSENT = () -> false;
    private static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("Docker must not be looked for on this path");
    };

    @Test
    void the_default_run_and_an_external_endpoint_never_look_for_docker() {
        assertThat(Emulators.unavailable(Map.<String, String>of()::get, NEVER_ASKED, NEVER_ASKED)).isEmpty();
        assertThat(Emulators.unavailable(Map.of("emulators", "embedded")::get, NEVER_ASKED, NEVER_ASKED)).isEmpty();
        assertThat(Emulators.unavailable(Map.of("emulators", "localstack", "emulators.endpoint", "http://localhost:4566")::get,
                NEVER_ASKED, NEVER_ASKED)).isEmpty();
    }

    @Test
    void without_docker_localstack_and_floci_say_so_and_name_the_ways_out() {
        for (String kind : new String[] {"localstack", "floci"}) {
            assertThat(Emulators.unavailable(Map.of("emulators", kind)::get, PRESENT, ABSENT)).hasValueSatisfying(reason ->
                    assertThat(reason).startsWith("Docker is not available")
                            .contains("-Demulators=" + kind, "nothing of the " + kind + " path ran", "-Demulators.endpoint="));
        }
    }

    @Test
    void without_testcontainers_on_the_class_path_the_reason_is_that() {
        assertThat(Emulators.unavailable(Map.of("emulators", "floci")::get, ABSENT, NEVER_ASKED))
                .hasValueSatisfying(reason -> assertThat(reason).contains("needs Testcontainers on the test class path"));
    }

    @Test
    void with_docker_the_containers_may_start() {
        assertThat(Emulators.unavailable(Map.of("emulators", "localstack")::get, PRESENT, PRESENT)).isEmpty();
    }

    @Test
    void starting_them_anyway_fails_with_the_same_reason_before_touching_docker() {
        Map<String, String> properties = Map.of("emulators", "localstack");
        java.util.Optional<String> reason = Emulators.unavailable(properties::get);

        if (reason.isPresent()) {
            assertThatThrownBy(() -> Emulators.start(EmulatorOptions.inMemory(), properties::get))
                    .isInstanceOf(IllegalStateException.class).hasMessage(reason.get());
        }
    }
}
