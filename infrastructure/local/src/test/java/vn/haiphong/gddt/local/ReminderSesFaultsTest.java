package vn.haiphong.gddt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import vn.haiphong.gddt.emulators.Emulators;
import vn.haiphong.gddt.emulators.EmulatorsExtension;
import vn.haiphong.gddt.emulators.FaultyProxy;
import vn.haiphong.gddt.reports.AwsClients;
import vn.haiphong.gddt.reports.Env;
import vn.haiphong.gddt.reports.mail.Mailer;
import vn.haiphong.gddt.reports.mail.SesMailer;

/**
 * The errors FaultyProxy answers are the AWS errors they stand for, as the reminders' SES client
 * (built by {@link AwsClients}, the SDK's default retries) and {@link SesMailer} read them.
 */
@ExtendWith(EmulatorsExtension.class)
class ReminderSesFaultsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Emulators emulators;
    private FaultyProxy proxy;
    private SesV2Client ses;
    private SesMailer mailer;

    ReminderSesFaultsTest(Emulators emulators) {
        this.emulators = emulators;
    }

    @BeforeEach
    void start() {
        proxy = FaultyProxy.start(emulators.sesEndpoint());
        Map<String, String> env = new LinkedHashMap<>(LocalSystem.awsEnvironment(emulators));
        env.put("AWS_ENDPOINT_URL_SESV2", proxy.endpoint().toString());
        ses = new AwsClients(new Env(env)).ses();
        mailer = new SesMailer(ses, "bao-cao@example.edu.vn", null);
    }

    @AfterEach
    void stop() {
        ses.close();
        proxy.close();
    }

    @Test
    void without_faults_the_email_goes_through_the_proxy_to_the_emulator() {
        String marker = UUID.randomUUID().toString();
        Instant since = Instant.now().minusSeconds(1);

        String messageId = mailer.send(email("thpt@example.edu.vn", marker));

        assertThat(messageId).isNotBlank();
        assertThat(proxy.requests()).isEqualTo(1);
        assertThat(stored(since, marker)).singleElement().satisfies(e -> {
            assertThat(e.get("messageId").asText()).isEqualTo(messageId);
            assertThat(e.get("subject").asText()).isEqualTo("Nhắc nộp báo cáo " + marker);
            assertThat(e.at("/destination/to/0").asText()).isEqualTo("thpt@example.edu.vn");
        });
    }

    @Test
    void throttling_is_a_TooManyRequestsException_the_sdk_retries_by_itself() {
        proxy.throttleNext(100);

        TooManyRequestsException e = catchThrowableOfType(TooManyRequestsException.class,
                () -> mailer.send(email("thpt@example.edu.vn", "throttled")));

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Maximum sending rate exceeded.");
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e).isNotInstanceOf(Mailer.Rejected.class);
        int attempts = proxy.requests();
        System.out.println("SDK attempts on throttling: " + attempts);
        assertThat(attempts).as("the SDK retried on its own").isGreaterThan(1);
    }

    @Test
    void two_throttled_attempts_then_the_sdk_gets_through() {
        proxy.throttleNext(2);

        String messageId = mailer.send(email("thpt@example.edu.vn", "third time"));

        assertThat(messageId).isNotBlank();
        assertThat(proxy.requests()).isEqualTo(3);
        assertThat(proxy.faulted()).isEqualTo(2);
    }

    @Test
    void a_500_is_an_InternalServiceErrorException_retried_and_not_a_refusal() {
        proxy.failNext(100);

        Throwable e = catchThrowableOfType(InternalServiceErrorException.class,
                () -> mailer.send(email("thpt@example.edu.vn", "server error")));

        assertThat(((SesV2Exception) e).statusCode()).isEqualTo(500);
        assertThat(((SesV2Exception) e).awsErrorDetails().errorCode()).isEqualTo("InternalServiceErrorException");
        assertThat(proxy.requests()).isGreaterThan(1);
    }

    @Test
    void a_rejected_address_is_a_MessageRejectedException_not_retried_and_a_permanent_refusal_for_the_mailer() {
        proxy.rejectAddress("bad@example.edu.vn");

        MessageRejectedException raw = catchThrowableOfType(MessageRejectedException.class,
                () -> ses.sendEmail(r -> r.fromEmailAddress("bao-cao@example.edu.vn")
                        .destination(d -> d.toAddresses("bad@example.edu.vn"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(b -> b.text(t -> t.data("y")))))));
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.awsErrorDetails().errorCode()).isEqualTo("MessageRejected");
        assertThat(raw.awsErrorDetails().errorMessage()).contains("bad@example.edu.vn");
        assertThat(proxy.requests()).as("a 400 is not retried").isEqualTo(1);

        assertThatThrownBy(() -> mailer.send(email("bad@example.edu.vn", "rejected")))
                .isInstanceOf(Mailer.Rejected.class).hasCauseInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("bad@example.edu.vn");
        assertThat(mailer.send(email("good@example.edu.vn", "others still go"))).isNotBlank();
    }

    @Test
    void a_bad_request_for_an_address_is_a_BadRequestException_and_a_permanent_refusal_too() {
        proxy.rejectAddress("malformed@example.edu.vn", FaultyProxy.Rejection.BAD_REQUEST);

        assertThatThrownBy(() -> mailer.send(email("malformed@example.edu.vn", "bad request")))
                .isInstanceOf(Mailer.Rejected.class).hasCauseInstanceOf(BadRequestException.class);
    }

    @Test
    void a_send_without_an_answer_in_time_is_unconfirmed_tried_only_once_and_reaches_ses_all_the_same() throws Exception {
        String marker = UUID.randomUUID().toString();
        Instant since = Instant.now().minusSeconds(1);
        proxy.delayNext(1, AwsClients.SES.attemptTimeout().plusSeconds(1));

        assertThatThrownBy(() -> mailer.send(email("thpt@example.edu.vn", marker))).isInstanceOf(Mailer.Unconfirmed.class);

        assertThat(proxy.requests()).as("the SDK did not try again after an unanswered try").isEqualTo(1);
        Instant deadline = Instant.now().plusSeconds(5);
        while (stored(since, marker).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stored(since, marker)).as("SES sent it: why the caller must not count it as lost").hasSize(1);
    }

    @Test
    void a_request_held_past_the_clients_timeout_times_out_yet_reaches_ses_afterwards() throws Exception {
        String marker = UUID.randomUUID().toString();
        Instant since = Instant.now().minusSeconds(1);
        proxy.delayNext(1, Duration.ofMillis(1500));
        Map<String, String> env = LocalSystem.awsEnvironment(emulators);
        try (SesV2Client impatient = SesV2Client.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.of(emulators.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofMillis(300))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            SesMailer slow = new SesMailer(impatient, "bao-cao@example.edu.vn", null);

            assertThatThrownBy(() -> slow.send(email("thpt@example.edu.vn", marker)))
                    .isInstanceOf(Mailer.Unconfirmed.class)
                    .hasCauseInstanceOf(ApiCallAttemptTimeoutException.class);
        }
        // SES got it all the same: a timed-out send is not proof that nothing was sent.
        Instant deadline = Instant.now().plusSeconds(5);
        while (stored(since, marker).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stored(since, marker)).hasSize(1);
    }

    private static Mailer.Email email(String to, String marker) {
        return new Mailer.Email(List.of(to), "Nhắc nộp báo cáo " + marker, "<p>Kính gửi " + marker + "</p>",
                "Kính gửi " + marker);
    }

    private List<JsonNode> stored(Instant since, String marker) {
        try {
            HttpResponse<String> store = HTTP.send(HttpRequest.newBuilder(
                    URI.create(emulators.sesStore() + "?since=" + since.getEpochSecond())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> found = new java.util.ArrayList<>();
            Running.read(store.body()).get("emails").forEach(e -> {
                if (e.get("subject").asText().contains(marker)) {
                    found.add(e);
                }
            });
            return found;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
