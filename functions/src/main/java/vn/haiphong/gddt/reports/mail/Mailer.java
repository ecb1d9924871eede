package vn.haiphong.gddt.reports.mail;

import java.util.List;

/** Sends one e-mail; returns the provider's message id. */
public interface Mailer {
    record Email(List<String> to, String subject, String html, String text) {
        public Email {
            to = List.copyOf(to);
        }
    }

    String send(Email email);
}
