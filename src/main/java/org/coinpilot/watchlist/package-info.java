/**
 * Watchlist: system default and personal watchlists and the assets in them (layer 3, asset selection).
 *
 * <p>Tables owned (docs/schema.md): {@code watchlists}, {@code watchlist_assets}.
 */
package org.coinpilot.watchlist;
