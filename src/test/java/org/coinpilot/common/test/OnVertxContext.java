package org.coinpilot.common.test;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs service code from a test thread the way a request or a job runs it: on a new duplicated Vert.x context (the
 * Panache session lives there), and waits for the result.
 */
public final class OnVertxContext {

    private OnVertxContext() {}

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true); // a context of its own, as a request's is
            work.get().subscribe().with(result::complete, result::completeExceptionally);
        });
        return result.join();
    }
}
