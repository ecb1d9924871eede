package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages build every element with common.js's builder, data as text: no script writes markup, so a
 * unit's name, a file name or a reason from the API can never become HTML.
 */
class PagesWriteNoMarkupTest {
    @ParameterizedTest(name = "{0} writes no markup")
    @ValueSource(strings = {"upload.js", "office.js", "common.js"})
    void a_page_script_writes_no_markup(String script) throws IOException {
        String js = PageScripts.text(script);

        assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }
}
