package vn.haiphong.gddt.reports.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail body kept as a file beside this class, with {@code {{name}}} placeholders. In HTML every
 * value is escaped except those whose name ends in {@code Html} (already markup, built by code).
 */
final class MailTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private final String name;
    private final String text;
    private final boolean html;

    private MailTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        this.html = name.endsWith(".html");
    }

    static MailTemplate load(String name) {
        try (InputStream in = MailTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("mail template " + name + " is missing from the jar");
            }
            return new MailTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException("mail template " + name + " uses {{" + key + "}}, which is not given");
            }
            String rendered = html && !key.endsWith("Html") ? SubmissionEmails.escape(value) : value;
            m.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        return m.appendTail(out).toString();
    }
}
