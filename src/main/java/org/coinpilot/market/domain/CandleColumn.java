package org.coinpilot.market.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A decimal column a candle is stored in, as PostgreSQL {@code numeric(precision, scale)}: values are rounded
 * HALF_EVEN to {@code scale} decimals here (before they reach the database, which then stores them as sent), and
 * a rounded value with more than {@code precision - scale} integer digits cannot be stored at all (SQL state
 * 22003, numeric field overflow).
 *
 * <p>An {@code exact} column is a plain {@code numeric} that keeps each value with its own scale (Binance's
 * {@code "27174.29903000"} reads back as sent): a value is rounded HALF_EVEN only when it has more than
 * {@code scale} decimals (a negative scale, {@code 1E+3}, becomes scale 0), and its CHECK refuses more than
 * {@code precision - scale} integer digits, as the fixed columns do.
 *
 * <p>The limits are those of {@code price_data} and {@code price_data_archive} in
 * {@code src/main/resources/db/migration/V003__market_assets_candles.sql} and {@code V060__market_base_volume.sql};
 * change them together.
 */
public record CandleColumn(int precision, int scale, boolean exact) {

    /** {@code open_price}, {@code high_price}, {@code low_price}, {@code close_price numeric(20,8)}. */
    public static final CandleColumn PRICE = new CandleColumn(20, 8, false);

    /** {@code volume numeric(30,2)} (USD). */
    public static final CandleColumn VOLUME = new CandleColumn(30, 2, false);

    /**
     * {@code base_volume} and {@code quote_volume}: exact {@code numeric}, at most 28 integer digits (as
     * {@link #VOLUME}) and 18 decimals.
     */
    public static final CandleColumn EXACT_VOLUME = new CandleColumn(46, 18, true);

    /**
     * The column type as in the migration, e.g. {@code numeric(20,8)}; an exact column says its limits, e.g.
     * {@code numeric, at most 28 integer digits and 18 decimals}.
     */
    public String type() {
        return exact
                ? "numeric, at most " + integerDigits() + " integer digits and " + scale + " decimals"
                : "numeric(" + precision + "," + scale + ")";
    }

    /** Integer digits the column holds: {@code precision - scale}. */
    public int integerDigits() {
        return precision - scale;
    }

    /**
     * {@code value} rounded HALF_EVEN to the column's scale (may still be too large for it: {@link #overflow}). A
     * value with more integer digits than the column holds comes back as it is: it cannot be stored either way.
     * Both extremes are answered without setScale, which would build a power of ten as long as the exponent
     * ({@code 1e-999999999}, {@code 1e999999999}), so any provider or import value is safe to pass.
     */
    public BigDecimal round(BigDecimal value) {
        if (exact) {
            if (value.scale() < 0) {
                // 1E+3: plain digits (setScale loses nothing here; a huge exponent is refused by overflow)
                if (value.signum() == 0) {
                    return BigDecimal.ZERO;
                }
                return value.precision() - value.scale() > integerDigits() ? value : value.setScale(0);
            }
            if (value.scale() <= scale) {
                return value; // kept as given, trailing zeros included
            }
        }
        // |value| < 10^(precision - scale) of the BigDecimal; below a tenth of the last place it rounds to zero
        if (value.signum() == 0 || value.precision() - value.scale() < -scale) {
            return BigDecimal.ZERO.setScale(scale);
        }
        if (value.precision() - value.scale() > integerDigits()) {
            return value;
        }
        return value.setScale(scale, RoundingMode.HALF_EVEN);
    }

    /**
     * Why {@code value} cannot be stored in this column once rounded ({@link #round}), or null when it can, e.g.
     * {@code "more than 12 integer digits (numeric(20,8))"} ({@code "more than 28 integer digits"} for an exact
     * column). Cheap for any exponent: a value of more integer digits
     * than the column holds is refused before rounding (rounding never makes it shorter).
     */
    public String overflow(BigDecimal value) {
        if (value.signum() == 0) {
            return null; // 0E+50 has 51 "integer digits" by precision - scale, and is zero
        }
        String tooLarge = "more than " + integerDigits() + " integer digits" + (exact ? "" : " (" + type() + ")");
        if (value.precision() - value.scale() > integerDigits()) {
            return tooLarge;
        }
        BigDecimal rounded = round(value);
        if (rounded.precision() - rounded.scale() > integerDigits()) {
            return tooLarge;
        }
        return null;
    }
}
