package org.driftwatch.actions.email;

import java.util.function.Consumer;
import org.driftwatch.actions.ActionResult;
import org.driftwatch.actions.Backoff;
import org.driftwatch.actions.Secrets;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.MailerRegularBuilder;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * Sends through the configured SMTP server with a bounded number of attempts and exponential backoff.
 * Failures are reported by message only: the password is never part of anything it says.
 */
public final class EmailSender {
    private static final int TIMEOUT_MILLIS = 15_000;

    private final SmtpSettings smtp;
    private final Consumer<String> log;

    public EmailSender(SmtpSettings smtp, Consumer<String> log) {
        this.smtp = smtp;
        this.log = log;
    }

    public ActionResult send(Email email, java.util.List<String> recipients) {
        try {
            int attempts = new Backoff(smtp.attempts(), smtp.backoff()).run("email", attempt -> {
                try (Mailer mailer = mailer()) {
                    mailer.sendMail(email).join();
                    return attempt;
                } catch (Exception e) {
                    throw new Backoff.Retryable(describe(e));
                }
            }, log);
            return new ActionResult("email", ActionResult.Outcome.SENT, recipients, attempts, "sent through " + smtp);
        } catch (Backoff.Exhausted e) {
            return new ActionResult("email", ActionResult.Outcome.FAILED, recipients, e.attempts(),
                "not sent through " + smtp + " after " + e.attempts() + " attempts: " + e.getMessage());
        }
    }

    private Mailer mailer() {
        TransportStrategy strategy = switch (smtp.tls()) {
            case NONE -> TransportStrategy.SMTP;
            case STARTTLS -> TransportStrategy.SMTP_TLS;
            case SMTPS -> TransportStrategy.SMTPS;
        };
        if (smtp.tls() == SmtpSettings.Tls.NONE) {
            TransportStrategy.SMTP.setOpportunisticTLS(false);
        }
        MailerRegularBuilder<?> b = MailerBuilder.withSMTPServer(smtp.host(), smtp.port(), smtp.user(), smtp.password())
            .withTransportStrategy(strategy)
            .withSessionTimeout(TIMEOUT_MILLIS);
        if (!smtp.trustedHosts().isEmpty()) {
            b.trustingSSLHosts(smtp.trustedHosts().toArray(String[]::new)).verifyingServerIdentity(false);
        }
        return b.buildMailer();
    }

    /** The innermost useful message, with the password scrubbed in case a server echoed it. */
    private String describe(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
            t = t.getCause();
        }
        msg = msg == null ? e.getClass().getSimpleName() : msg.strip().split("\n")[0];
        // a server may echo the AUTH exchange: the password raw, base64 (LOGIN) or as \0user\0password (PLAIN)
        return Secrets.of(smtp.user(), java.util.Arrays.asList(smtp.password())).scrub(msg);
    }

}
