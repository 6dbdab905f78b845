package org.coinpilot.market.domain;

/** An asset of the catalogue as other features see it: id, symbol, name and whether it is active and supported. */
public record AssetRef(long id, String symbol, String name, boolean active, boolean supported) {}
