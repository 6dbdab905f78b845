package org.coinpilot.prediction.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Operational state of a model version. Stored lowercase in {@code ai_models.status}. */
public enum ModelStatus {
    ACTIVE,
    TRAINING,
    INACTIVE,
    ERROR;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<ModelStatus> {
        public Converter() {
            super(ModelStatus.class);
        }
    }
}
