package org.coinpilot.macro.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Macro settings ({@code coinpilot.macro.*}, docs/macro.md). */
@ConfigMapping(prefix = "coinpilot.macro")
public interface MacroConfig {

    /** Longest wait for one HTTP call to a provider (then it counts as failed and may be retried). */
    @WithDefault("PT10S")
    Duration callTimeout();

    /** Longest pause after a 429 that a call waits out (longer: the call fails). */
    @WithDefault("PT60S")
    Duration maxWait();

    /** Regime classification. */
    Regime regime();

    /** Macro indicators. */
    Indicators indicators();

    /** When each series counts as stale in the overview (age of its newest day). */
    StaleAfter staleAfter();

    interface Regime {
        /** Symbol of the lead asset whose daily candles the trend, drawdown and volatility rules read. */
        @WithDefault("BTC")
        String lead();

        /** Symbols whose daily candles make the breadth rule (the lead included); unknown symbols are skipped. */
        @WithDefault("BTC,ETH,SOL")
        List<String> breadth();

        /** Classified days written per statement. */
        @WithDefault("500")
        @Min(1)
        @Max(5000)
        int batchSize();
    }

    interface Indicators {
        /** Which provider the {@code macro.indicators.ingest} job calls: {@code none} or {@code fred}. */
        @WithDefault("none")
        @Pattern(regexp = "none|fred")
        String provider();

        /** The indicators the overview shows, in this order. */
        @WithDefault("VIX,DXY,SP500,US10Y,US2Y,GOLD")
        List<String> overview();

        /** Days fetched back on a first run (a series with nothing stored). */
        @WithDefault("3650")
        @Min(1)
        int historyDays();

        /** FRED (St. Louis Fed). */
        Fred fred();
    }

    interface Fred {
        /** FRED API key ({@code COINPILOT_MACRO_INDICATORS_FRED_API_KEY}); required when the provider is fred. */
        Optional<String> apiKey();

        /** Our indicator name → FRED series id, e.g. {@code VIX=VIXCLS}. */
        Map<String, String> series();
    }

    interface StaleAfter {
        @WithDefault("P2D")
        Duration sentiment();

        @WithDefault("P2D")
        Duration dominance();

        @WithDefault("P2D")
        Duration regime();

        /** Markets close on weekends and holidays: a few days without a value is normal. */
        @WithDefault("P5D")
        Duration indicators();
    }
}
