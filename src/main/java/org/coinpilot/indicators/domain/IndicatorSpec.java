package org.coinpilot.indicators.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One indicator with its parameters, identified by a stable key.
 *
 * <p>Key grammar: {@code prefix ("_" param)*}, lower case. Integer parameters are decimal digits without sign or
 * leading zero; Bollinger's multiplier is a plain decimal ({@code 2}, {@code 2.5}). Keys: {@code sma_N},
 * {@code ema_N}, {@code rsi_N}, {@code macd_FAST_SLOW_SIGNAL}, {@code bb_N_K}, {@code atr_N}, {@code stoch_K_D},
 * {@code obv}, {@code vwap}, {@code adx_N}, {@code cci_N}, {@code willr_N}, {@code roc_N}, {@code mfi_N},
 * {@code stochrsi_N_K_D}. The bare prefixes {@code macd}, {@code bb}, {@code stoch} and {@code stochrsi} mean the
 * classic parameters (12/26/9, 20/2, 14/3, 14/14/3). {@link #key()} is canonical: parsing it gives an equal spec.
 * Parameter minimums are TA-Lib's (e.g. SMA period ≥ 2), the maximum is 100000.
 */
public final class IndicatorSpec {

    static final int MAX_PERIOD = 100_000;
    private static final Pattern INTEGER = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,5})(\\.[0-9]{1,6})?");

    private final IndicatorKind kind;
    private final int period;
    private final int period2;
    private final int period3;
    private final double multiplier;
    private final String key;

    private IndicatorSpec(IndicatorKind kind, int period, int period2, int period3, double multiplier) {
        this.kind = kind;
        this.period = period;
        this.period2 = period2;
        this.period3 = period3;
        this.multiplier = multiplier;
        this.key = canonicalKey();
    }

    // ------------------------------------------------------------------ factories

    public static IndicatorSpec sma(int period) {
        return parse("sma_" + period);
    }

    public static IndicatorSpec ema(int period) {
        return parse("ema_" + period);
    }

    public static IndicatorSpec rsi(int period) {
        return parse("rsi_" + period);
    }

    public static IndicatorSpec macd(int fast, int slow, int signal) {
        return parse("macd_" + fast + "_" + slow + "_" + signal);
    }

    public static IndicatorSpec bollinger(int period, double k) {
        return parse("bb_" + period + "_"
                + BigDecimal.valueOf(k).stripTrailingZeros().toPlainString());
    }

    public static IndicatorSpec atr(int period) {
        return parse("atr_" + period);
    }

    public static IndicatorSpec stoch(int kPeriod, int dPeriod) {
        return parse("stoch_" + kPeriod + "_" + dPeriod);
    }

    public static IndicatorSpec obv() {
        return parse("obv");
    }

    public static IndicatorSpec vwap() {
        return parse("vwap");
    }

    public static IndicatorSpec adx(int period) {
        return parse("adx_" + period);
    }

    public static IndicatorSpec cci(int period) {
        return parse("cci_" + period);
    }

    public static IndicatorSpec willr(int period) {
        return parse("willr_" + period);
    }

    public static IndicatorSpec roc(int period) {
        return parse("roc_" + period);
    }

    public static IndicatorSpec mfi(int period) {
        return parse("mfi_" + period);
    }

    public static IndicatorSpec stochRsi(int rsiPeriod, int kPeriod, int dPeriod) {
        return parse("stochrsi_" + rsiPeriod + "_" + kPeriod + "_" + dPeriod);
    }

    // ------------------------------------------------------------------ parser

    /**
     * Parses a key.
     *
     * @throws InvalidIndicatorKeyException naming the key and the problem: unknown indicator, wrong parameter count,
     *     malformed number, parameter below TA-Lib's minimum, {@code fast >= slow}, {@code k <= 0}
     */
    public static IndicatorSpec parse(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidIndicatorKeyException(String.valueOf(key), "key is empty");
        }
        String[] parts = key.split("_", -1);
        IndicatorKind kind = IndicatorKind.byPrefix(parts[0]);
        if (kind == null) {
            throw new InvalidIndicatorKeyException(key, "unknown indicator '" + parts[0] + "'");
        }
        String[] params;
        if (parts.length == 1 && kind.defaultParameters() != null) {
            params = kind.defaultParameters().isEmpty()
                    ? new String[0]
                    : kind.defaultParameters().split("_");
        } else {
            params = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        }
        List<String> names = kind.parameterNames();
        if (params.length != names.size()) {
            throw new InvalidIndicatorKeyException(
                    key,
                    "expected " + names.size() + " parameter(s) " + names + " after '" + kind.prefix() + "', got "
                            + params.length);
        }
        return switch (kind) {
            case SMA, EMA, RSI, BB, ADX, CCI, WILLR, MFI -> {
                int p = integer(key, names.get(0), params[0], 2);
                double k = 0;
                if (kind == IndicatorKind.BB) {
                    k = decimal(key, names.get(1), params[1]);
                }
                yield new IndicatorSpec(kind, p, 0, 0, k);
            }
            case ATR, ROC -> new IndicatorSpec(kind, integer(key, names.get(0), params[0], 1), 0, 0, 0);
            case MACD -> {
                int fast = integer(key, "fast", params[0], 2);
                int slow = integer(key, "slow", params[1], 2);
                int signal = integer(key, "signal", params[2], 1);
                if (fast >= slow) {
                    throw new InvalidIndicatorKeyException(
                            key, "fast period (" + fast + ") must be < slow period (" + slow + ")");
                }
                yield new IndicatorSpec(kind, fast, slow, signal, 0);
            }
            case STOCH ->
                new IndicatorSpec(
                        kind, integer(key, "kPeriod", params[0], 1), integer(key, "dPeriod", params[1], 1), 0, 0);
            case STOCHRSI ->
                new IndicatorSpec(
                        kind,
                        integer(key, "rsiPeriod", params[0], 2),
                        integer(key, "kPeriod", params[1], 1),
                        integer(key, "dPeriod", params[2], 1),
                        0);
            case OBV, VWAP -> new IndicatorSpec(kind, 0, 0, 0, 0);
        };
    }

    private static int integer(String key, String name, String text, int min) {
        if (text.startsWith("-")) {
            throw new InvalidIndicatorKeyException(key, name + " must be >= " + min + ", got " + text);
        }
        if (!INTEGER.matcher(text).matches()) {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && Long.parseLong(text) == 0) {
                throw new InvalidIndicatorKeyException(key, name + " must be >= " + min + ", got 0");
            }
            throw new InvalidIndicatorKeyException(
                    key, name + " '" + text + "' is not a positive integer (digits, no sign or leading zero)");
        }
        int v = Integer.parseInt(text);
        if (v < min) {
            throw new InvalidIndicatorKeyException(key, name + " must be >= " + min + ", got " + v);
        }
        if (v > MAX_PERIOD) {
            throw new InvalidIndicatorKeyException(key, name + " must be <= " + MAX_PERIOD + ", got " + v);
        }
        return v;
    }

    private static double decimal(String key, String name, String text) {
        if (text.startsWith("-")) {
            throw new InvalidIndicatorKeyException(key, name + " must be > 0, got " + text);
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidIndicatorKeyException(key, name + " '" + text + "' is not a plain decimal number");
        }
        double v = Double.parseDouble(text);
        if (!(v > 0)) {
            throw new InvalidIndicatorKeyException(key, name + " must be > 0, got " + text);
        }
        return v;
    }

    private String canonicalKey() {
        return switch (kind) {
            case OBV, VWAP -> kind.prefix();
            case MACD, STOCHRSI -> kind.prefix() + "_" + period + "_" + period2 + "_" + period3;
            case STOCH -> kind.prefix() + "_" + period + "_" + period2;
            case BB ->
                kind.prefix() + "_" + period + "_"
                        + BigDecimal.valueOf(multiplier).stripTrailingZeros().toPlainString();
            default -> kind.prefix() + "_" + period;
        };
    }

    // ------------------------------------------------------------------ description

    public IndicatorKind kind() {
        return kind;
    }

    /** Canonical stable key, e.g. {@code macd_12_26_9}. */
    public String key() {
        return key;
    }

    /** First period parameter (n, fast, %K period, RSI period); 0 for OBV/VWAP. */
    public int period() {
        return period;
    }

    /** Second period parameter (MACD slow, stoch %D, StochRSI %K); 0 when absent. */
    public int period2() {
        return period2;
    }

    /** Third period parameter (MACD signal, StochRSI %D); 0 when absent. */
    public int period3() {
        return period3;
    }

    /** Bollinger's σ multiplier k; 0 for other indicators. */
    public double multiplier() {
        return multiplier;
    }

    /** Output names, e.g. {@code [value, signal, histogram]} for MACD. */
    public List<String> outputs() {
        return kind.outputs();
    }

    /**
     * Index of the first bar with a value (= the number of bars of warm-up, TA-Lib's lookback). Series shorter than
     * {@code warmup() + 1} have no value at all. VWAP: 0, but no value while the cumulative volume is still zero.
     */
    public int warmup() {
        return switch (kind) {
            case SMA, EMA, BB, CCI, WILLR -> period - 1;
            case RSI, ATR, ROC, MFI -> period;
            case MACD -> period2 + period3 - 2;
            case STOCH -> period + period2 - 2;
            case OBV, VWAP -> 0;
            case ADX -> 2 * period - 1;
            case STOCHRSI -> period + period2 - 1 + period3 - 1;
        };
    }

    /** Which variant of the indicator is computed (seeding, smoothing, degenerate cases). */
    public String variant() {
        return switch (kind) {
            case SMA -> "Simple moving average of the last " + period + " closes (TA-Lib SMA)";
            case EMA -> "EMA alpha = 2/(n+1), TA-Lib seeding: SMA of the first " + period + " closes";
            case RSI ->
                "Wilder RSI, TA-Lib seeding: simple mean of the first " + period
                        + " changes, then Wilder smoothing; 100 when there are no losses, 0 when there is no change at all";
            case MACD ->
                "MACD " + period + "/" + period2 + "/" + period3
                        + ", TA-Lib seeding: both EMAs start at bar " + (period2 - 1)
                        + " (slow seeded with the SMA of the first " + period2 + " closes, fast with the SMA of the "
                        + period + " closes up to that bar); signal = EMA of the line seeded with the SMA of its first "
                        + period3 + " values; histogram = line - signal";
            case BB ->
                "Bollinger bands: SMA(" + period + ") ± " + key.substring(key.lastIndexOf('_') + 1)
                        + " × population standard deviation (TA-Lib BBANDS, running Σx² form)";
            case ATR -> "Wilder ATR, TA-Lib seeding: mean of TR over bars 1.." + period + ", then Wilder smoothing";
            case STOCH ->
                "Fast stochastic (TA-Lib STOCHF): %K over " + period + " bars, %D = SMA(" + period2
                        + ") of %K; %K = 0 when highest high = lowest low";
            case OBV -> "On-balance volume (TA-Lib OBV): starts at volume[0], ± volume by close direction";
            case VWAP -> "Cumulative VWAP from the first bar of the series, typical price (H+L+C)/3 (not in TA-Lib)";
            case ADX ->
                "Wilder ADX (TA-Lib ADX): Wilder-smoothed +DM/-DM/TR seeded with sums over bars 1.." + (period - 1)
                        + ", first ADX = mean DX over bars " + period + ".." + (2 * period - 1);
            case CCI ->
                "CCI (TA-Lib): (TP - SMA(TP)) / (0.015 × mean deviation of TP) over " + period
                        + " bars, TP = (H+L+C)/3; 0 when either is zero";
            case WILLR ->
                "Williams %R (TA-Lib WILLR): -100 × (HH - C) / (HH - LL) over " + period + " bars; 0 when HH = LL";
            case ROC ->
                "Rate of change (TA-Lib ROC): (C / C[" + period + " bars ago] - 1) × 100; 0 when that close is 0";
            case MFI ->
                "Money flow index (TA-Lib MFI) over " + period
                        + " bars, TP = (H+L+C)/3; 0 when the window's total money flow is below 1 (TA-Lib's threshold)";
            case STOCHRSI ->
                "Stochastic RSI (TA-Lib STOCHRSI): fast stochastic (%K " + period2 + ", %D SMA " + period3
                        + ") applied to Wilder RSI(" + period + ")";
        };
    }

    // ------------------------------------------------------------------ computation

    /** Batch form: one pass over {@code candles}; see {@link IndicatorResult}. */
    public IndicatorResult compute(Candles candles) {
        return switch (kind) {
            case SMA -> CoreBatch.sma(this, candles.close());
            case EMA -> CoreBatch.ema(this, candles.close());
            case RSI -> CoreBatch.rsi(this, candles.close());
            case MACD -> CoreBatch.macd(this, candles.close());
            case BB -> CoreBatch.bollinger(this, candles.close());
            case ATR -> CoreBatch.atr(this, candles.high(), candles.low(), candles.close());
            default -> CoreBatch.byState(this, candles);
        };
    }

    /** A fresh incremental state (no candle consumed yet). */
    public IndicatorState newState() {
        return switch (kind) {
            case SMA -> new SmaState(this);
            case EMA -> new EmaState(this);
            case RSI -> new RsiState(this);
            case MACD -> new MacdState(this);
            case BB -> new BollingerState(this);
            case ATR -> new AtrState(this);
            case STOCH -> new StochState(this);
            case OBV -> new ObvState(this);
            case VWAP -> new VwapState(this);
            case ADX -> new AdxState(this);
            case CCI -> new CciState(this);
            case WILLR -> new WillrState(this);
            case ROC -> new RocState(this);
            case MFI -> new MfiState(this);
            case STOCHRSI -> new StochRsiState(this);
        };
    }

    /** Rebuilds a state from its snapshot. */
    public static IndicatorState restore(IndicatorSnapshot snapshot) {
        IndicatorState state = parse(snapshot.key()).newState();
        state.restore(snapshot);
        return state;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorSpec s && key.equals(s.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
