package org.coinpilot.common.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.coinpilot.common.problem.JsonInputException;

/**
 * Instants the API accepts: from {@code 0001-01-01T00:00:00Z} to {@code 9999-12-31T23:59:59.999999Z}, what a
 * PostgreSQL {@code timestamptz} stores and the API writes back as it was sent (the reactive PG client stores a
 * later instant as {@code infinity}, read back as a nonsense date). Every {@link Instant}, {@link OffsetDateTime}
 * and {@link ZonedDateTime} read from JSON outside this range is a 400 naming the field: the customizer wraps
 * whatever deserializer Jackson found for those types (the JSR-310 module's), so it keeps their formats.
 */
@Singleton
public class InstantBounds implements ObjectMapperCustomizer {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String MESSAGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    /** Whether {@code instant} lies in the range (null does). */
    public static boolean contains(Instant instant) {
        return instant == null || !(instant.isBefore(MIN) || instant.isAfter(MAX));
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("coinpilot-instant-bounds");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                        ? new BoundedDeserializer(deserializer)
                        : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Reads with the wrapped deserializer, then checks the range. */
    static final class BoundedDeserializer extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        BoundedDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Instant instant = value instanceof Instant i
                    ? i
                    : value instanceof OffsetDateTime o
                            ? o.toInstant()
                            : value instanceof ZonedDateTime z ? z.toInstant() : null;
            if (!contains(instant)) {
                throw new JsonInputException(InputJsonFactory.field(parser.getParsingContext()), MESSAGE);
            }
            return value;
        }
    }
}
