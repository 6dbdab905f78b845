package org.coinpilot.notification.client;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Sends a notification as a plain-text mail through quarkus-mailer (the sender address is {@code quarkus.mailer.from};
 * tests and dev use its mock mailbox). One attempt per call; the outbox retries.
 */
@ApplicationScoped
public class EmailSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /**
     * The outcome of one attempt.
     *
     * @param error why it failed, null when the mail server accepted it
     * @param latencyMs how long the attempt took
     */
    public record Result(String error, int latencyMs) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Sends one mail; never fails (a failure is a {@link Result} with an error). */
    public Uni<Result> send(String to, String subject, String text) {
        long started = System.nanoTime();
        return Uni.createFrom()
                .deferred(() -> mailer.send(Mail.withText(to, subject, text)))
                .ifNoItem()
                .after(TIMEOUT)
                .fail()
                .map(ok -> new Result(null, elapsed(started)))
                .onFailure()
                .recoverWithItem(failure -> new Result(
                        failure.getClass().getSimpleName()
                                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                        elapsed(started)));
    }

    private static int elapsed(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
