/**
 * Sector (analysis layer 2): sectors, their member assets, sector performance and rotation.
 *
 * <p>Owns tables: crypto_sectors, sector_performance, sector_rotation_analysis, crypto_sector_mapping.
 */
package org.coinpilot.sector;
