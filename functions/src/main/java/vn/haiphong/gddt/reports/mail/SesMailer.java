package vn.haiphong.gddt.reports.mail;

import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;

/** Sends through SES v2 (v1's SendEmail keeps only the first recipient on the emulator). */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;

    public SesMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(Email email) {
        return ses.sendEmail(r -> r.fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(utf8(email.subject()))
                        .body(b -> b.html(utf8(email.html())).text(utf8(email.text()))))))
                .messageId();
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
