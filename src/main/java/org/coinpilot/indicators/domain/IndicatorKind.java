package org.coinpilot.indicators.domain;

import java.util.List;

/** The indicator families, their key prefix, parameter names, default parameters and output names. */
public enum IndicatorKind {
    SMA("sma", List.of("period"), null, List.of("value")),
    EMA("ema", List.of("period"), null, List.of("value")),
    RSI("rsi", List.of("period"), null, List.of("value")),
    MACD("macd", List.of("fast", "slow", "signal"), "12_26_9", List.of("value", "signal", "histogram")),
    BB("bb", List.of("period", "k"), "20_2", List.of("upper", "middle", "lower")),
    ATR("atr", List.of("period"), null, List.of("value")),
    STOCH("stoch", List.of("kPeriod", "dPeriod"), "14_3", List.of("k", "d")),
    OBV("obv", List.of(), "", List.of("value")),
    /** Session VWAP ({@code vwap}); {@code vwap_N} parses to {@link #VWAP_ROLLING}. */
    VWAP("vwap", List.of(), "", List.of("value")),
    ADX("adx", List.of("period"), null, List.of("value")),
    CCI("cci", List.of("period"), null, List.of("value")),
    WILLR("willr", List.of("period"), null, List.of("value")),
    ROC("roc", List.of("period"), null, List.of("value")),
    MFI("mfi", List.of("period"), null, List.of("value")),
    STOCHRSI("stochrsi", List.of("rsiPeriod", "kPeriod", "dPeriod"), "14_14_3", List.of("k", "d")),
    /** Rolling VWAP over the last N candles, {@code vwap_N} (shares the prefix of {@link #VWAP}). */
    VWAP_ROLLING("vwap", List.of("period"), null, List.of("value")),
    /** Anchored VWAP from an instant, {@code avwap_YYYYMMDD} or {@code avwap_YYYYMMDDtHHMM} (UTC). */
    VWAP_ANCHORED("avwap", List.of("anchor"), null, List.of("value"));

    private final String prefix;
    private final List<String> parameterNames;
    private final String defaultParameters;
    private final List<String> outputs;

    IndicatorKind(String prefix, List<String> parameterNames, String defaultParameters, List<String> outputs) {
        this.prefix = prefix;
        this.parameterNames = parameterNames;
        this.defaultParameters = defaultParameters;
        this.outputs = outputs;
    }

    /** Lower-case key prefix, e.g. {@code rsi}. */
    public String prefix() {
        return prefix;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Parameters used when the key is the bare prefix ({@code macd} = {@code macd_12_26_9}); null when the key must
     * carry its parameters.
     */
    public String defaultParameters() {
        return defaultParameters;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** Whether the indicator reads volume (base-asset volume): OBV, MFI and the VWAP family. */
    public boolean usesVolume() {
        return this == OBV || this == MFI || this == VWAP || this == VWAP_ROLLING || this == VWAP_ANCHORED;
    }

    /** Whether the indicator needs the candles' open times (its anchors are instants): session and anchored VWAP. */
    public boolean usesTime() {
        return this == VWAP || this == VWAP_ANCHORED;
    }

    /** The first kind with this prefix ({@code vwap} is {@link #VWAP}; the parser picks the rolling form). */
    static IndicatorKind byPrefix(String prefix) {
        for (IndicatorKind k : values()) {
            if (k.prefix.equals(prefix)) {
                return k;
            }
        }
        return null;
    }
}
