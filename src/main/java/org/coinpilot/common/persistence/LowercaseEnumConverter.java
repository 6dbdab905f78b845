package org.coinpilot.common.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * Stores an UPPER_SNAKE Java enum as its lowercase name, the spelling of the schema's
 * {@code varchar + CHECK (col IN (...))} enumerations (docs/schema.md, "Enumerations"): {@code EXIT_PLAN} ↔
 * {@code exit_plan}. Each enum declares a concrete subclass with a public no-argument constructor, referenced
 * explicitly with {@code @Convert(converter = ...)} (never auto-applied). Null stays null; a database value
 * without a matching constant fails loudly ({@link IllegalArgumentException}).
 *
 * @param <E> the enum type
 */
public abstract class LowercaseEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected LowercaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}
