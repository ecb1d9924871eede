package vn.haiphong.gddt.reports.mail;

import java.util.List;

/** Sends one e-mail; returns the provider's message id. */
public interface Mailer {
    record Email(List<String> to, String subject, String html, String text) {
        public Email {
            to = List.copyOf(to);
        }
    }

    /** Sends, or throws {@link Rejected} when the provider refuses this e-mail for good (a bad address). */
    String send(Email email);

    /**
     * No answer in time: the provider may have sent the e-mail or not, and nobody can know which. A
     * caller that retries risks a second copy; one that does not risks none at all.
     */
    final class Unconfirmed extends RuntimeException {
        /** How a notice ends whose send was unconfirmed: counted as sent, never sent again. */
        public static final String OUTCOME = "UNCONFIRMED";

        public Unconfirmed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A permanent refusal: retrying the same e-mail cannot succeed. Anything else thrown may be retried. */
    final class Rejected extends RuntimeException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
