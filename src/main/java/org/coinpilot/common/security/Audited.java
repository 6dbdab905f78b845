package org.coinpilot.common.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records an {@link AuditTrail} row when the annotated service method (returning {@code Uni}) succeeds, in the
 * same transaction. The entity id is the {@code id()} of the result, else the method's {@code long}/{@code Long}
 * parameter named {@code id} (or ending in {@code Id}). Example:
 *
 * <pre>{@code
 * @WithTransaction
 * @Audited(entity = "watchlist", action = "create")
 * public Uni<WatchlistResponse> create(CreateWatchlistRequest request) { ... }
 * }</pre>
 *
 * Activity type: {@code <entity>_created}, {@code _updated}, {@code _deleted} for create / update / delete, else
 * {@code <entity>_<action>}. For details (changed fields) call {@link AuditTrail} directly.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** Lowercase snake_case entity type, e.g. {@code watchlist}. */
    @Nonbinding
    String entity() default "";

    /** Lowercase snake_case verb: {@code create}, {@code update}, {@code delete}, ... */
    @Nonbinding
    String action() default "";
}
