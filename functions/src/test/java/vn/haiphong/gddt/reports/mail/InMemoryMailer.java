package vn.haiphong.gddt.reports.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps what it is asked to send. {@link #failWith} makes the next sends throw what SES would
 * (a transient error, {@link Mailer.Rejected}, {@link Mailer.Unconfirmed}); checked against the SES
 * emulator by {@code MailerContractTest}.
 */
public final class InMemoryMailer implements Mailer {
    private final List<Email> sent = new ArrayList<>();
    private Function<Email, RuntimeException> failure = email -> null;

    @Override
    public synchronized String send(Email email) {
        RuntimeException e = failure.apply(email);
        if (e != null) {
            throw e;
        }
        sent.add(email);
        return "memory-" + sent.size();
    }

    public synchronized List<Email> sent() {
        return List.copyOf(sent);
    }

    /** From now on, each send throws what {@code failure} answers for its e-mail (null: sent). */
    public synchronized void failWith(Function<Email, RuntimeException> failure) {
        this.failure = failure;
    }

    public synchronized void recover() {
        failure = email -> null;
    }
}
