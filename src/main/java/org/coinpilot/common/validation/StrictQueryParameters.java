package org.coinpilot.common.validation;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coinpilot.common.problem.InvalidParameterException;

/**
 * Converts typed {@code @QueryParam}s (numbers, booleans, enums) strictly and names the parameter when the
 * text does not fit: {@code ?page=abc}, {@code ?active=maybe} or {@code ?type=NOPE} are a 400 naming {@code page},
 * {@code active} or {@code type} ({@link InvalidParameterException}), where the JAX-RS default is a bare 404 for
 * numbers and enums and a silent {@code false} for any boolean text other than {@code true}. Instants travel as
 * text and are parsed by {@link QueryParams#instant}, which also bounds them.
 */
@Provider
public class StrictQueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be a whole number", Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be a whole number", Long::valueOf);
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be true or false", StrictQueryParameters::bool);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return (ParamConverter<T>)
                    new Strict<>(name, "has an unknown value; allowed: " + allowed, text -> Enum.valueOf(type, text));
        }
        return null;
    }

    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query && !query.value().isEmpty()) {
                return query.value();
            }
        }
        return null;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** Parses trimmed text with {@code parse}; any failure is an {@link InvalidParameterException} naming it. */
    private record Strict<T>(String name, String message, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(name, message);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
