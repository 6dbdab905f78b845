package org.coinpilot.identity.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs work whose outcome the answer must not depend on in a later task of the request's event loop, after the
 * response was written: the answers that never reveal whether an email has an account (resend-verification,
 * forgot-password) then take the same time whatever the work finds. The work must not use request-scoped beans (the
 * request may be over); a failure is logged (never a token) and the user can ask again.
 */
@ApplicationScoped
public class AfterResponse {

    /** Schedules {@code work}; {@code what} names it in the log. */
    public void run(String what, Supplier<Uni<?>> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            start(what, work);
        } else {
            context.runOnContext(ignored -> start(what, work));
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
