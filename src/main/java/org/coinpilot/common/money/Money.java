package org.coinpilot.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount in a currency (ISO 4217 code or asset symbol). Amounts are exact decimals; they are rounded
 * only for display or settlement ({@link #forDisplay()}: USD-like scale 2, half-even).
 */
@Schema(description = "An amount of money in a currency")
public record Money(
        @Schema(
                description = "Exact decimal amount",
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                format = "decimal",
                examples = "1234.50")
        BigDecimal amount,

        @Schema(description = "Currency code or asset symbol", examples = "USD")
        String currency) {

    public static final int DISPLAY_SCALE = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money forDisplay() {
        return new Money(amount.setScale(DISPLAY_SCALE, RoundingMode.HALF_EVEN), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
