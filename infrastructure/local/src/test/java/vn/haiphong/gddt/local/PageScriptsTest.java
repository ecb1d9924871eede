package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pages' shared JavaScript (common.js: Vietnam time, sizes, the fold, the API call) under Node's own
 * test runner, {@code node --test functions/src/test/js/}, so `mvn verify` runs those checks too.
 */
class PageScriptsTest {
    @Test
    void the_shared_page_helpers_pass_their_node_tests() throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "--test", "functions/src/test/js/")
                .directory(Running.ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node --test finished").isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    }
}
