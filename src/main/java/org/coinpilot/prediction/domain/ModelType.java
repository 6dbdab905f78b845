package org.coinpilot.prediction.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** The analysis layer a model serves. Stored lowercase in {@code ai_models.model_type}. */
public enum ModelType {
    MACRO,
    SECTOR,
    ASSET,
    TIMING;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<ModelType> {
        public Converter() {
            super(ModelType.class);
        }
    }
}
