package org.coinpilot.market.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.problem.ConflictException;
import org.coinpilot.market.api.AssetRequest;
import org.coinpilot.market.config.MarketConfig;

/**
 * Dev and demo ({@code coinpilot.market.demo-seed.enabled}): makes sure BTC, ETH and SOL exist and are supported on
 * start, so that the simulated provider has series to fill without any network (the CoinGecko catalogue sync
 * needs the internet). Existing assets are left as they are.
 */
@ApplicationScoped
public class MarketDemoSeed {

    static final List<AssetRequest> ASSETS = List.of(
            asset("BTC", "Bitcoin", "bitcoin", "BTCUSDT"),
            asset("ETH", "Ethereum", "ethereum", "ETHUSDT"),
            asset("SOL", "Solana", "solana", "SOLUSDT"));

    private final CatalogueService catalogue;
    private final MarketConfig config;

    public MarketDemoSeed(CatalogueService catalogue, MarketConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.demoSeed().enabled()) {
            return;
        }
        Long created = VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom()
                .iterable(ASSETS)
                .onItem()
                .transformToUniAndConcatenate(request -> catalogue
                        .create(request)
                        .map(ignored -> 1L)
                        .onFailure(ConflictException.class)
                        .recoverWithItem(0L))
                .collect()
                .with(java.util.stream.Collectors.summingLong(Long::longValue)));
        Log.infof(
                "Demo assets: %d created (BTC, ETH, SOL are supported; candles come from the %s provider)",
                created, config.provider());
    }

    private static AssetRequest asset(String symbol, String name, String coingecko, String binance) {
        return new AssetRequest(
                symbol, name, Map.of("coingecko", coingecko, "binance", binance), null, null, null, true, true);
    }
}
