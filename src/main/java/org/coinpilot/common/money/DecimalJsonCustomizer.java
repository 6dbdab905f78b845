package org.coinpilot.common.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import org.coinpilot.common.problem.JsonInputException;
import org.coinpilot.common.validation.InputJsonFactory;

/**
 * Money, prices and quantities travel as JSON strings in plain notation ({@code "0.00001234"}, never
 * {@code 1.234E-5}), so that no client parses them into a binary float. Incoming JSON numbers for decimal
 * fields are read exactly (never through {@code double}): Jackson parses a {@code BigDecimal}-typed target from
 * the number's text.
 *
 * <p>{@code USE_BIG_DECIMAL_FOR_FLOATS} is deliberately not enabled: this mapper is also Vert.x's JSON codec in
 * Quarkus, which Hibernate Reactive and the reactive PG client use for every jsonb column. With it, floats in
 * jsonb maps were parsed into {@code BigDecimal} and then written back by the serializer above as JSON strings
 * ({@code 61.25} stored and read as {@code "61.25"}).
 */
@Singleton
public class DecimalJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("coinpilot-decimals");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        mapper.registerModule(module);
    }

    /**
     * The longest decimal text accepted in a request (JSON string or number), as the API description declares
     * ({@code maxLength} of the decimal schema): the widest column holds 38 digits, so 64 characters leave room for a
     * sign, a point, an exponent and trailing zeros, while a client can no longer make the service parse and
     * validate a decimal of megabytes. Longer is a 400 naming the field.
     */
    public static final int MAX_LENGTH = 64;

    /** Reads a {@link BigDecimal} as Jackson does, after refusing text longer than {@link #MAX_LENGTH}. */
    static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if ((parser.hasToken(JsonToken.VALUE_STRING)
                            || parser.hasToken(JsonToken.VALUE_NUMBER_INT)
                            || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT))
                    && parser.getTextLength() > MAX_LENGTH) {
                throw new JsonInputException(
                        InputJsonFactory.field(parser.getParsingContext()),
                        "must be a decimal of at most " + MAX_LENGTH + " characters");
            }
            return super.deserialize(parser, context);
        }
    }

    /** Writes a {@link BigDecimal} as a plain-notation JSON string. */
    static final class PlainDecimalSerializer extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.toPlainString());
        }
    }
}
