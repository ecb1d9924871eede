package vn.haiphong.gddt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JsonOut writes a record's components from its fields, not through its accessors (no class generated on
 * a cold start). That is the same JSON only while no record declares an accessor of its own: a
 * {@code name()} that returned something other than the field would be bypassed.
 */
class RecordsDeclareNoAccessorTest {
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^{(]*>)?\\s*\\(");

    @Test
    void no_record_of_the_functions_declares_an_accessor_that_json_out_would_bypass() throws IOException {
        List<String> records = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("inspect/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    records.addAll(recordNames(source));
                    declared.addAll(declaredAccessors(source));
                }
            }
        }
        assertThat(records).as("records found in the sources").hasSizeGreaterThan(40).contains("Unit", "Report", "Result");
        assertThat(declared).as("records declaring an accessor").isEmpty();
    }

    @Test
    void an_accessor_declared_in_a_record_body_is_found() {
        String source = """
                public record Contact(String name, List<String> emails) {
                    public Contact {
                        emails = List.copyOf(emails);
                    }

                    public List<String> emails() {
                        return emails.subList(0, 1);
                    }

                    public String label() {
                        return name();
                    }
                }
                """;
        assertThat(declaredAccessors(source)).containsExactly("Contact.emails()");
    }

    private static List<String> recordNames(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = RECORD.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** {@code Record.component()} for each zero-argument method of a record body named as one of its components. */
    static List<String> declaredAccessors(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = RECORD.matcher(source);
        while (m.find()) {
            int close = matching(source, m.end() - 1, '(', ')');
            int open = source.indexOf('{', close);
            String body = source.substring(open, matching(source, open, '{', '}'));
            for (String component : components(source.substring(m.end(), close))) {
                if (Pattern.compile("\\b" + component + "\\s*\\(\\s*\\)\\s*\\{").matcher(body).find()) {
                    found.add(m.group(1) + "." + component + "()");
                }
            }
        }
        return found;
    }

    /** The names of a record header's components: the last word of each, split at commas outside generics. */
    private static List<String> components(String header) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder one = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String[] words = one.toString().trim().split("\\s+");
                if (!words[0].isEmpty()) {
                    names.add(words[words.length - 1]);
                }
                one.setLength(0);
            } else {
                one.append(c);
            }
        }
        return names;
    }

    private static int matching(String source, int at, char open, char close) {
        int depth = 0;
        for (int i = at; i < source.length(); i++) {
            depth += source.charAt(i) == open ? 1 : source.charAt(i) == close ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + open + " at " + at);
    }
}
