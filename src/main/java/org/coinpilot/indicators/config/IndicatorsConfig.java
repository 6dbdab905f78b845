package org.coinpilot.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** {@code coinpilot.indicators.*}: what the job {@code indicators.compute} stores (docs/indicators.md). */
@ConfigMapping(prefix = "coinpilot.indicators")
public interface IndicatorsConfig {

    /**
     * The keys stored in {@code price_data.technical_indicators}, in the seed's shape. At most one key per kind for
     * RSI, OBV, VWAP and the multi-output kinds (MACD, BB, STOCH, STOCHRSI); any number of periods otherwise.
     */
    @WithDefault("rsi_14,macd_12_26_9,sma_50,sma_200,ema_20,ema_100,bb_20_2,atr_14")
    List<String> storedSet();

    /** Rows written per bulk statement. */
    @WithDefault("1000")
    int batchSize();
}
