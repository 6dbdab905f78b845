package org.coinpilot.common.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

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
        mapper.registerModule(module);
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
