package org.coinpilot.market.client;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.market.domain.Kline;

/** A source of candles (Binance, or the offline simulation). */
public interface CandleProvider {

    /** The provider name, as in {@code coinpilot.market.provider} and {@code external_api_logs.api_provider}. */
    String name();

    /**
     * Up to {@code limit} candles from the one opening at or after {@code from}, oldest first. Like Binance, the
     * answer may end with the candle still forming; callers keep only closed ones.
     *
     * @param symbol our asset symbol (e.g. {@code BTC})
     * @param pair the exchange's trading pair (e.g. {@code BTCUSDT})
     */
    Uni<List<Kline>> klines(String symbol, String pair, Timeframe timeframe, Instant from, int limit);
}
