package org.coinpilot.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.coinpilot.identity.config.IdentityConfig;

/**
 * Account mails: verification, password reset, sign-in code, and the notice sent when someone registers an address
 * that already has an account. Sent after the transaction committed, in a later task of the request's event loop
 * (after the response was written), so that the answer (always the same) also takes the same time whether or not a
 * mail goes out. A failed send is logged (never the token) and the user can ask again.
 */
@ApplicationScoped
public class IdentityMailer {

    private final ReactiveMailer mailer;
    private final IdentityConfig.Mail config;

    public IdentityMailer(ReactiveMailer mailer, IdentityConfig config) {
        this.mailer = mailer;
        this.config = config.mail();
    }

    public void sendVerification(String to, String token) {
        send(
                to,
                "Confirm your Coinpilot email address",
                "Welcome to Coinpilot.\n\nConfirm your email address by opening this link:\n"
                        + link("verify-email", token) + "\n\nIf you did not create an account, ignore this mail.\n");
    }

    public void sendPasswordReset(String to, String token) {
        send(
                to,
                "Reset your Coinpilot password",
                "Someone asked to reset the password of this Coinpilot account.\n\nTo choose a new password, open:\n"
                        + link("reset-password", token)
                        + "\n\nThe link works once and expires soon. If you did not ask for it, ignore this mail.\n");
    }

    public void sendLoginCode(String to, String code, java.time.Duration validity) {
        send(
                to,
                "Your Coinpilot sign-in code",
                "There were many failed attempts to sign in to this Coinpilot account, so signing in needs a code.\n\n"
                        + "Your sign-in code: " + code + "\n\nIt works once, with your password, for "
                        + validity.toMinutes() + " minutes. If you did not try to sign in just now, someone knows your "
                        + "password: reset it at " + config.linkBase() + "/forgot-password.\n");
    }

    public void sendAlreadyRegistered(String to) {
        send(
                to,
                "Your Coinpilot account",
                "Someone tried to register a new Coinpilot account with this email address, which already has one.\n\n"
                        + "If it was you, log in or reset your password at " + config.linkBase()
                        + "/forgot-password.\n");
    }

    private String link(String page, String token) {
        return config.linkBase() + "/" + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private void send(String to, String subject, String text) {
        Context context = Vertx.currentContext();
        if (context == null) {
            sendNow(to, subject, text);
        } else {
            context.runOnContext(ignored -> sendNow(to, subject, text));
        }
    }

    private void sendNow(String to, String subject, String text) {
        mailer.send(Mail.withText(to, subject, text).setFrom(config.from()))
                .subscribe()
                .with(
                        ok -> Log.debugf("Sent '%s' mail", subject),
                        failure -> Log.warnf("Could not send the '%s' mail: %s", subject, failure.getMessage()));
    }
}
