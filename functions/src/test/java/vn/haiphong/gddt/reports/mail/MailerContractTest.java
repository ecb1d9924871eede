package vn.haiphong.gddt.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.reports.EmulatorClients;
import vn.haiphong.gddt.reports.OnEmulators;

/** One set of rules for sending, held by SES (aws-ses-v2-local) and by the list the rule tests use: each send answers its own id. */
class MailerContractTest {
    abstract static class Contract {
        abstract Mailer mailer();

        /** Whether the e-mail with this subject, Vietnamese intact, is among those sent. */
        abstract boolean delivered(String subject);

        @Test
        void each_email_sent_gets_its_own_message_id_and_arrives_with_its_vietnamese_subject() {
            String subject = "Biên nhận: Báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở năm 2026 — " + UUID.randomUUID();
            Mailer.Email email = new Mailer.Email(List.of("van-thu@thpt-tran-phu.example.edu.vn"), subject,
                    "<p>Kính gửi Trường THPT Trần Phú</p>", "Kính gửi Trường THPT Trần Phú");

            String first = mailer().send(email);
            String second = mailer().send(email);

            assertThat(first).isNotBlank().isNotEqualTo(second);
            assertThat(delivered(subject)).isTrue();
        }
    }

    @Nested
    class InMemory extends Contract {
        private final InMemoryMailer mailer = new InMemoryMailer();

        @Override
        Mailer mailer() {
            return mailer;
        }

        @Override
        boolean delivered(String subject) {
            return mailer.sent().stream().anyMatch(e -> e.subject().equals(subject));
        }
    }

    @Nested
    @OnEmulators
    class OnSes extends Contract {
        private final Emulators emulators;
        private final SesMailer mailer;

        OnSes(Emulators emulators) {
            this.emulators = emulators;
            mailer = new SesMailer(EmulatorClients.of(emulators).ses(), "bao-cao@example.edu.vn", null);
        }

        @Override
        Mailer mailer() {
            return mailer;
        }

        @Override
        boolean delivered(String subject) {
            try {
                String store = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulators.sesStore()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return store.contains(subject);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
