package org.coinpilot.common.security;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * Implements {@link Audited}. Runs inside {@code @WithTransaction} (a later priority), so the row joins the
 * method's transaction and a failure of either rolls back both.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 100)
public class AuditedInterceptor {

    private final AuditTrail trail;

    public AuditedInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @AroundInvoke
    Object record(InvocationContext context) throws Exception {
        Object result = context.proceed();
        Audited audited = binding(context);
        if (!(result instanceof Uni<?> uni)
                || audited == null
                || audited.entity().isEmpty()) {
            return result;
        }
        String action = audited.action().isEmpty() ? "update" : audited.action();
        String type = audited.entity() + "_" + pastTense(action);
        Long parameterId = idParameter(context);
        return uni.call(item -> trail.record(type, audited.entity(), idOf(item, parameterId), action, null));
    }

    private static Audited binding(InvocationContext context) {
        for (Object annotation : context.getInterceptorBindings()) {
            if (annotation instanceof Audited audited) {
                return audited;
            }
        }
        Method method = context.getMethod();
        Audited audited = method.getAnnotation(Audited.class);
        return audited != null ? audited : method.getDeclaringClass().getAnnotation(Audited.class);
    }

    static String pastTense(String action) {
        return switch (action) {
            case "create" -> "created";
            case "update" -> "updated";
            case "delete" -> "deleted";
            default -> action;
        };
    }

    private static Long idParameter(InvocationContext context) {
        Parameter[] parameters = context.getMethod().getParameters();
        Object[] values = context.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            if ((name.equals("id") || name.endsWith("Id")) && values[i] instanceof Long value) {
                return value;
            }
        }
        return null;
    }

    private static Long idOf(Object item, Long fallback) {
        if (item != null) {
            try {
                Object id = item.getClass().getMethod("id").invoke(item);
                if (id instanceof Number number) {
                    return number.longValue();
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no id() accessor: use the parameter
            }
        }
        return fallback;
    }
}
