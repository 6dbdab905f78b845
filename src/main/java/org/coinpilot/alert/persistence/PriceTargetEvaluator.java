package org.coinpilot.alert.persistence;

import jakarta.inject.Singleton;
import org.coinpilot.alert.domain.AlertType;

/** {@code price_target}: above, below, crosses, crosses_up, crosses_down on the close of the latest candle (crossings against the previous stored candle) ({@code alert/sql/price_target.sql}). */
@Singleton
public class PriceTargetEvaluator extends SqlFileEvaluator {

    public PriceTargetEvaluator() {
        super(AlertType.PRICE_TARGET);
    }

    /** The hot type (the benchmark's): {@code $2}/{@code $3} select its share of the series. */
    @Override
    public boolean sharded() {
        return true;
    }
}
