package org.coinpilot.market.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The catalogue's market snapshot of an asset as other features see it (docs/market.md, "Published reads").
 *
 * @param coingeckoId the asset's CoinGecko id ({@code external_ids.coingecko}); null when unknown
 * @param marketCapUsd market capitalisation in USD from the CoinGecko sync; null when the sync has not given one
 * @param marketCapRank rank by market capitalisation; null when unknown
 * @param updatedAt when the catalogue row last changed (the sync's last write, or an admin edit)
 */
public record CatalogueEntry(
        long cryptoId,
        String symbol,
        String coingeckoId,
        BigDecimal marketCapUsd,
        Integer marketCapRank,
        Instant updatedAt) {}
