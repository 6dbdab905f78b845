package org.coinpilot.indicators.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One indicator with its parameters, identified by a stable key.
 *
 * <p>Key grammar: {@code prefix ("_" param)*}, lower case. Integer parameters are decimal digits without sign or
 * leading zero; Bollinger's multiplier is a plain decimal ({@code 2}, {@code 2.5}). Keys: {@code sma_N},
 * {@code ema_N}, {@code rsi_N}, {@code macd_FAST_SLOW_SIGNAL}, {@code bb_N_K}, {@code atr_N}, {@code stoch_K_D},
 * {@code obv}, {@code vwap} (session), {@code vwap_N} (rolling), {@code avwap_YYYYMMDD} / {@code avwap_YYYYMMDDtHHMM}
 * (anchored at that UTC instant), {@code adx_N}, {@code cci_N}, {@code willr_N}, {@code roc_N}, {@code mfi_N},
 * {@code stochrsi_N_K_D}. The bare prefixes {@code macd}, {@code bb}, {@code stoch} and {@code stochrsi} mean the
 * classic parameters (12/26/9, 20/2, 14/3, 14/14/3). {@link #key()} is canonical: parsing it gives an equal spec.
 * Parameter minimums are TA-Lib's (e.g. SMA period ≥ 2), the maximum is 100000.
 */
public final class IndicatorSpec {

    static final int MAX_PERIOD = 100_000;
    private static final Pattern INTEGER = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,5})(\\.[0-9]{1,6})?");
    private static final Pattern ANCHOR = Pattern.compile("([0-9]{8})(?:t([0-9]{4}))?");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("uuuuMMdd't'HHmm");

    private final IndicatorKind kind;
    private final int period;
    private final int period2;
    private final int period3;
    private final double multiplier;
    private final long anchor;
    private final String key;

    private IndicatorSpec(IndicatorKind kind, int period, int period2, int period3, double multiplier) {
        this(kind, period, period2, period3, multiplier, 0L);
    }

    private IndicatorSpec(IndicatorKind kind, int period, int period2, int period3, double multiplier, long anchor) {
        this.kind = kind;
        this.period = period;
        this.period2 = period2;
        this.period3 = period3;
        this.multiplier = multiplier;
        this.anchor = anchor;
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

    /** Session VWAP (see {@link #variant(long)}). */
    public static IndicatorSpec vwap() {
        return parse("vwap");
    }

    /** Rolling VWAP over the last {@code period} candles. */
    public static IndicatorSpec vwapRolling(int period) {
        return parse("vwap_" + period);
    }

    /** VWAP anchored at {@code anchor} (whole minutes, UTC). */
    public static IndicatorSpec vwapAnchored(Instant anchor) {
        LocalDateTime t = LocalDateTime.ofInstant(anchor, ZoneOffset.UTC);
        return parse("avwap_" + (t.toLocalTime().toSecondOfDay() == 0 ? DAY.format(t) : DAY_TIME.format(t)));
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
        if (kind == IndicatorKind.VWAP && params.length == 1) {
            kind = IndicatorKind.VWAP_ROLLING;
        }
        List<String> names = kind.parameterNames();
        if (kind == IndicatorKind.VWAP && params.length != 0) {
            throw new InvalidIndicatorKeyException(
                    key,
                    "expected 0 parameter(s) (session VWAP) or 1 [period] (rolling VWAP) after 'vwap', got "
                            + params.length);
        }
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
            case VWAP_ROLLING -> new IndicatorSpec(kind, integer(key, names.get(0), params[0], 1), 0, 0, 0);
            case VWAP_ANCHORED -> new IndicatorSpec(kind, 0, 0, 0, 0, anchor(key, params[0]));
        };
    }

    /** {@code YYYYMMDD} (00:00 UTC) or {@code YYYYMMDDtHHMM} (UTC), years 1970–9999, as epoch seconds. */
    private static long anchor(String key, String text) {
        Matcher m = ANCHOR.matcher(text);
        if (!m.matches()) {
            throw new InvalidIndicatorKeyException(
                    key, "anchor '" + text + "' is not YYYYMMDD or YYYYMMDDtHHMM (a UTC date, or date and time)");
        }
        String date = m.group(1);
        String time = m.group(2);
        try {
            LocalDate day = LocalDate.of(
                    Integer.parseInt(date.substring(0, 4)),
                    Integer.parseInt(date.substring(4, 6)),
                    Integer.parseInt(date.substring(6, 8)));
            if (day.getYear() < 1970) {
                throw new InvalidIndicatorKeyException(key, "anchor '" + text + "' is before 1970");
            }
            LocalDateTime at = time == null
                    ? day.atStartOfDay()
                    : day.atTime(Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(2, 4)));
            return at.toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidIndicatorKeyException(key, "anchor '" + text + "' is not a valid UTC date and time");
        }
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
            case VWAP_ANCHORED -> {
                LocalDateTime t = LocalDateTime.ofEpochSecond(anchor, 0, ZoneOffset.UTC);
                yield kind.prefix() + "_" + (t.toLocalTime().toSecondOfDay() == 0 ? DAY.format(t) : DAY_TIME.format(t));
            }
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

    /** First period parameter (n, fast, %K period, RSI period, rolling VWAP's n); 0 for OBV/VWAP/anchored VWAP. */
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

    /** The anchored VWAP's anchor; null for other indicators. */
    public Instant anchor() {
        return kind == IndicatorKind.VWAP_ANCHORED ? Instant.ofEpochSecond(anchor) : null;
    }

    long anchorSeconds() {
        return anchor;
    }

    /** Output names, e.g. {@code [value, signal, histogram]} for MACD. */
    public List<String> outputs() {
        return kind.outputs();
    }

    /**
     * Index of the first bar with a value (= the number of bars of warm-up, TA-Lib's lookback). Series shorter than
     * {@code warmup() + 1} have no value at all. Session and anchored VWAP: 0, the earliest possible; their first
     * value is at the first candle of the first session (after the anchor) that the stored history covers, with
     * volume (see {@link #variant(long)}).
     */
    public int warmup() {
        return switch (kind) {
            case SMA, EMA, BB, CCI, WILLR -> period - 1;
            case RSI, ATR, ROC, MFI -> period;
            case MACD -> period2 + period3 - 2;
            case STOCH -> period + period2 - 2;
            case OBV, VWAP, VWAP_ANCHORED -> 0;
            case VWAP_ROLLING -> period - 1;
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
            case OBV ->
                "On-balance volume (TA-Lib OBV) on base-asset volume: starts at volume[0], ± volume by close"
                        + " direction; starts again after a candle of unknown base volume";
            case VWAP ->
                sessionVariant("reset at 00:00 UTC each day for intraday timeframes, on the 1st of each"
                        + " calendar month (00:00 UTC) for 1d, on 1 January (00:00 UTC) for 1w");
            case VWAP_ROLLING ->
                "Rolling VWAP over the last " + period + " candles: Σ(typical price (H+L+C)/3 × base volume) / Σ base"
                        + " volume, exact sums (a value depends on its " + period + " candles only; not in TA-Lib);"
                        + " no value while a candle of the window has unknown base volume or the window's volume is 0";
            case VWAP_ANCHORED ->
                "Anchored VWAP from " + Instant.ofEpochSecond(anchor) + ": Σ(typical price (H+L+C)/3 × base volume) /"
                        + " Σ base volume over the candles opening at or after the anchor (not in TA-Lib); no value"
                        + " before it, when the stored history starts after the anchor's first candle (it could be"
                        + " missing), after a candle of unknown base volume, or while the volume is 0";
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
                        + " bars on base-asset volume, TP = (H+L+C)/3; 0 when the window's total money flow is below 1"
                        + " (TA-Lib's threshold); starts again (new warm-up) after a candle of unknown base volume";
            case STOCHRSI ->
                "Stochastic RSI (TA-Lib STOCHRSI): fast stochastic (%K " + period2 + ", %D SMA " + period3
                        + ") applied to Wilder RSI(" + period + ")";
        };
    }

    /**
     * {@link #variant()} for candles of {@code interval} seconds (0: unknown): the session VWAP names its actual
     * session (day, month or year); the other indicators do not depend on it.
     */
    public String variant(long interval) {
        if (kind != IndicatorKind.VWAP || interval <= 0) {
            return variant();
        }
        return sessionVariant(
                switch (VwapState.period(interval)) {
                    case DAY -> "reset at 00:00 UTC each day (intraday timeframe)";
                    case MONTH -> "reset on the 1st of each calendar month, 00:00 UTC (1d candles)";
                    case YEAR ->
                        "reset on 1 January, 00:00 UTC, each year (1w candles; a candle belongs to the year of its"
                                + " open time)";
                });
    }

    private static String sessionVariant(String anchor) {
        return "Session VWAP " + anchor + ": Σ(typical price (H+L+C)/3 × base volume) / Σ base volume from the"
                + " session's first candle (TradingView's default anchor; not in TA-Lib); no value in a session that"
                + " began before the first stored candle, after a candle of unknown base volume in the session, or"
                + " while the session's volume is 0";
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

    /** A fresh incremental state (no candle consumed yet) for candles of unknown length ({@link #newState(long)}). */
    public IndicatorState newState() {
        return newState(0);
    }

    /**
     * A fresh incremental state for candles of {@code interval} seconds (0: unknown). Only the session and anchored
     * VWAP use it: the session's period (day, month, year) and whether the stored history covers a session's start.
     */
    public IndicatorState newState(long interval) {
        return switch (kind) {
            case SMA -> new SmaState(this);
            case EMA -> new EmaState(this);
            case RSI -> new RsiState(this);
            case MACD -> new MacdState(this);
            case BB -> new BollingerState(this);
            case ATR -> new AtrState(this);
            case STOCH -> new StochState(this);
            case OBV -> new ObvState(this);
            case VWAP -> new VwapState(this, interval);
            case VWAP_ROLLING -> new VwapRollingState(this);
            case VWAP_ANCHORED -> new VwapAnchoredState(this, interval);
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
        IndicatorSpec spec = parse(snapshot.key());
        // the session and anchored VWAP keep the candle length as their first scalar
        long interval = spec.kind().usesTime() && snapshot.scalars().length > 0 ? (long) snapshot.scalars()[0] : 0;
        IndicatorState state = spec.newState(Math.max(0, interval));
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
