/**
 * Watchlist: system default and personal watchlists and the assets in them (layer 3, asset selection).
 *
 * <p>Owns tables: watchlists, watchlist_assets.
 */
package org.coinpilot.watchlist;
