package org.coinpilot.alert.persistence;

import jakarta.inject.Singleton;
import org.coinpilot.alert.domain.AlertType;

/** {@code indicator}: stored indicator or close against a constant or another stored indicator or close, conditions as price_target ({@code alert/sql/indicator.sql}). */
@Singleton
public class IndicatorEvaluator extends SqlFileEvaluator {

    public IndicatorEvaluator() {
        super(AlertType.INDICATOR);
    }
}
