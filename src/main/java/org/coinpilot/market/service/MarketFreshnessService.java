package org.coinpilot.market.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.SeriesFreshness;
import org.coinpilot.market.persistence.MarketReadRepository;

/**
 * Market publishes how fresh its candles are (for ops' health snapshots and the {@code data} health group): per
 * ingested timeframe ({@code coinpilot.market.ingest.timeframes}), over the active, supported assets, the newest and
 * most lagging newest candle, the stale series and the open gaps. One statement: a backward index probe of
 * {@code uq_price_data_candle} per series, and the partial index of open gaps.
 */
@ApplicationScoped
public class MarketFreshnessService {

    private final MarketReadRepository reads;
    private final Transactions tx;
    private final Clock clock;
    private final MarketConfig config;

    public MarketFreshnessService(MarketReadRepository reads, Transactions tx, Clock clock, MarketConfig config) {
        this.reads = reads;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Freshness of every ingested timeframe. A series is stale when it has no candle or its newest candle closed
     * more than {@code staleAfterCandles} of its timeframe before now (its open time is before
     * {@code now - (staleAfterCandles + 1) × timeframe}).
     */
    public Uni<List<SeriesFreshness>> freshness(int staleAfterCandles) {
        Instant now = Times.now(clock);
        List<Timeframe> timeframes =
                config.ingest().timeframes().stream().map(Timeframe::fromCode).toList();
        if (timeframes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Instant> cutoffs = timeframes.stream()
                .map(tf -> now.minus(tf.duration().multipliedBy(staleAfterCandles + 1L)))
                .toList();
        return tx.statement(client -> reads.freshness(client, timeframes, cutoffs));
    }
}
