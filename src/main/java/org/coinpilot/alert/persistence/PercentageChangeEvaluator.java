package org.coinpilot.alert.persistence;

import jakarta.inject.Singleton;
import org.coinpilot.alert.domain.AlertType;

/** {@code percentage_change}: close change since the earliest stored candle of the N-candle window: moves_up, moves_down, percentage_change ({@code alert/sql/percentage_change.sql}). */
@Singleton
public class PercentageChangeEvaluator extends SqlFileEvaluator {

    public PercentageChangeEvaluator() {
        super(AlertType.PERCENTAGE_CHANGE);
    }
}
