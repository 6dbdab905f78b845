package org.coinpilot.market.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.persistence.CandleRepository;

/**
 * Moves candles older than their timeframe's retention from {@code price_data} to {@code price_data_archive}, in
 * batches of one statement each ({@code WITH moved AS (DELETE … RETURNING *) INSERT …}): a batch commits whole or
 * not at all, so a run killed at any moment loses and duplicates nothing, and the next run carries on.
 */
@ApplicationScoped
public class CandleArchiveService {

    private final CandleRepository candles;
    private final MarketConfig config;
    private final Clock clock;
    private final Transactions tx;

    public CandleArchiveService(CandleRepository candles, MarketConfig config, Clock clock, Transactions tx) {
        this.tx = tx;
        this.candles = candles;
        this.config = config;
        this.clock = clock;
    }

    /** The retention of a timeframe, or null when it is kept in {@code price_data} for ever. */
    public Duration retention(Timeframe timeframe) {
        return config.archive().retention().get(timeframe.code());
    }

    /** One run: rows moved per timeframe code. */
    public Uni<Map<String, Object>> archive() {
        Map<String, Object> moved = new LinkedHashMap<>();
        Map<Timeframe, Duration> retention = new TreeMap<>();
        for (Timeframe timeframe : Timeframe.values()) {
            Duration keep = retention(timeframe);
            if (keep != null) {
                retention.put(timeframe, keep);
            }
        }
        Instant now = Times.now(clock);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<Timeframe, Duration> entry : retention.entrySet()) {
            Timeframe timeframe = entry.getKey();
            Instant before = now.minus(entry.getValue());
            chain = chain.chain(() -> batches(timeframe, before, now, 0, 0))
                    .invoke(count -> moved.put(timeframe.code(), count))
                    .replaceWithVoid();
        }
        return chain.map(ignored -> moved);
    }

    private Uni<Integer> batches(Timeframe timeframe, Instant before, Instant now, int done, int total) {
        if (done >= config.archive().maxBatches()) {
            return Uni.createFrom().item(total);
        }
        int size = config.archive().batchSize();
        return tx.statement(client -> candles.archiveBatch(client, timeframe, before, size, now))
                .chain(count -> count < size
                        ? Uni.createFrom().item(total + count)
                        : batches(timeframe, before, now, done + 1, total + count));
    }
}
