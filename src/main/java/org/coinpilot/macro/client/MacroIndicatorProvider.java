package org.coinpilot.macro.client;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A source of daily macro indicator values (VIX, DXY, …). One is active, chosen by
 * {@code coinpilot.macro.indicators.provider}; a day without a value (a market holiday) is left out, never zero.
 */
public interface MacroIndicatorProvider {

    /** What {@code macro_indicators.source} records. */
    String name();

    /** The indicator names this provider can fetch. */
    Set<String> indicators();

    /** Values of {@code indicator} from {@code since} (inclusive), oldest first. */
    Uni<List<Observation>> observations(String indicator, LocalDate since);

    /** One day's value. */
    record Observation(LocalDate day, BigDecimal value) {}
}
