package org.coinpilot.prediction.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Architecture of a model version ({@code BASELINE}: forecasters trained on stored candles; {@code OTHER}: external models). Stored lowercase in {@code ai_models.architecture}. */
public enum ModelArchitecture {
    LSTM,
    TRANSFORMER,
    ENSEMBLE,
    REGRESSION,
    BASELINE,
    OTHER;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<ModelArchitecture> {
        public Converter() {
            super(ModelArchitecture.class);
        }
    }
}
