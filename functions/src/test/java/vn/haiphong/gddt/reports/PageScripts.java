package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The pages' scripts as the jar serves them, for tests that read their source. */
final class PageScripts {
    private PageScripts() {
    }

    static String text(String name) throws IOException {
        try (InputStream in = PageScripts.class.getResourceAsStream("/vn/haiphong/gddt/reports/pages/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
