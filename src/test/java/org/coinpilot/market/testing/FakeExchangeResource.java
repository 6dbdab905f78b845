package org.coinpilot.market.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the {@link FakeExchange} for the whole test run (one Quarkus start; Binance-shaped provider). */
@QuarkusTestResource(FakeExchange.class)
public final class FakeExchangeResource {
    private FakeExchangeResource() {}
}
