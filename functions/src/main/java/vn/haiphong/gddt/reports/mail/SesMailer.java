package vn.haiphong.gddt.reports.mail;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Sends through SES v2 (v1's SendEmail keeps only the first recipient on the emulator). */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    /** @param configurationSet SES event publishing (bounces, complaints); null for none */
    public SesMailer(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Email email) {
        try {
            return ses.sendEmail(r -> r.fromEmailAddress(from)
                    .configurationSetName(configurationSet)
                    .destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(m -> m
                            .subject(utf8(email.subject()))
                            .body(b -> b.html(utf8(email.html())).text(utf8(email.text()))))))
                    .messageId();
        } catch (TooManyRequestsException | LimitExceededException throttled) {
            throw throttled;
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException noAnswer) {
            throw new Unconfirmed(noAnswer.getMessage(), noAnswer);
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | BadRequestException refused) {
            throw new Rejected(refused.awsErrorDetails() == null ? refused.getMessage()
                    : refused.awsErrorDetails().errorMessage(), refused);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
