/**
 * Sector (analysis layer 2): sectors, their member assets, sector performance and rotation.
 *
 * <p>Owns tables: crypto_sectors, sector_performance, sector_rotation_analysis, crypto_sector_mapping.
 *
 * <p>Publishes: sector_assets (view: crypto_id, sector_id, sector_slug, sector_name, allocation_percentage,
 * is_primary_sector, sector_active), sector_has_asset (function: whether an asset belongs to the sector with this slug
 * or id; the asset catalogue's ?sector= filter).
 *
 * <p>Reads market through {@code market.service.MarketReadService} (catalogue entries with market caps),
 * {@code market.service.CandleSeriesService} (symbol to id) and market's views market_candles and market_assets.
 */
package org.coinpilot.sector;
