package org.coinpilot.identity.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs work whose outcome the answer must not depend on after the response was written: the answers that never reveal
 * whether an email has an account (resend-verification, forgot-password) then take the same time whatever the work
 * finds. The work starts {@value #DELAY_MS}–{@value #MAX_DELAY_MS} ms later on the request's context, so that it does
 * not compete for the CPU (the database's update, the mail) with the response still being written — measured: on 2
 * cores, starting it right after the response still slowed answers for existing accounts by 0.3–0.5 ms. The work
 * must not use request-scoped beans (the request is over); a failure is logged (never a token) and the user can ask
 * again.
 */
@ApplicationScoped
public class AfterResponse {

    static final long DELAY_MS = 20;
    static final long MAX_DELAY_MS = 40;

    /** Schedules {@code work}; {@code what} names it in the log. */
    public void run(String what, Supplier<Uni<?>> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            start(what, work);
        } else {
            long delay = ThreadLocalRandom.current().nextLong(DELAY_MS, MAX_DELAY_MS + 1);
            context.owner().setTimer(delay, timer -> context.runOnContext(ignored -> start(what, work)));
        }
    }

    private static void start(String what, Supplier<Uni<?>> work) {
        Uni.createFrom()
                .deferred(work)
                .subscribe()
                .with(
                        done -> Log.debugf("Finished %s after the response", what),
                        failure -> Log.warnf("Could not finish %s after the response: %s", what, failure.getMessage()));
    }
}
