package org.coinpilot.macro.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.service.MacroContextService.MacroContext;
import org.coinpilot.macro.testing.MacroTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Layer 1 as other features read it: only days strictly before the instant's date, never its own day. */
@QuarkusTest
class MacroContextServiceTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    MacroContextService context;

    @BeforeEach
    void setUp() {
        MacroTestData.truncate(pool);
        regime("2024-03-01", "bull");
        regime("2024-03-02", "sideways");
        regime("2024-03-03", "bear");
        exec(
                "INSERT INTO market_sentiment_data (observed_on, fear_greed_index, classification) VALUES ($1, 71, 'Greed')",
                LocalDate.parse("2024-03-02"));
        exec(
                "INSERT INTO market_sentiment_data (observed_on, fear_greed_index, classification) VALUES ($1, 20, 'Fear')",
                LocalDate.parse("2024-03-03"));
        exec(
                "INSERT INTO dominance_data (observed_on, btc_dominance, eth_dominance, alt_dominance) VALUES ($1, 52.5, 17.1, 30.4)",
                LocalDate.parse("2024-03-01"));
    }

    @Test
    void answersFromDaysBeforeTheInstantsDateOnly() {
        MacroContext at = OnVertxContext.await(vertx, () -> context.asOf(Instant.parse("2024-03-03T23:59:59Z")));
        assertThat(at.regime()).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(at.regimeDay()).isEqualTo(LocalDate.parse("2024-03-02"));
        assertThat(at.fearGreedIndex()).isEqualByComparingTo("71");
        assertThat(at.fearGreedClassification()).isEqualTo("Greed");
        assertThat(at.btcDominance()).isEqualByComparingTo(new BigDecimal("52.5"));
        assertThat(at.toMap()).containsEntry("regime", "sideways").containsEntry("sentimentDay", "2024-03-02");

        MacroContext later = OnVertxContext.await(vertx, () -> context.asOf(Instant.parse("2024-03-04T00:00:00Z")));
        assertThat(later.regime()).isEqualTo(MarketRegime.BEAR);
        assertThat(later.fearGreedIndex()).isEqualByComparingTo("20");

        MacroContext before = OnVertxContext.await(vertx, () -> context.asOf(Instant.parse("2024-03-01T12:00:00Z")));
        assertThat(before.regime()).isNull();
        assertThat(before.btcDominance()).isNull();
        assertThat(before.toMap()).isEmpty();
    }

    @Test
    void regimesOfARange() {
        Map<LocalDate, MarketRegime> days = OnVertxContext.await(
                vertx, () -> context.regimes(LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-05")));
        assertThat(days)
                .containsExactly(
                        Map.entry(LocalDate.parse("2024-03-02"), MarketRegime.SIDEWAYS),
                        Map.entry(LocalDate.parse("2024-03-03"), MarketRegime.BEAR));
    }

    void regime(String day, String regime) {
        exec(
                "INSERT INTO market_regime_analysis (observed_on, regime, confidence_score) VALUES ($1, $2, 0.8)",
                LocalDate.parse(day),
                regime);
    }

    void exec(String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely();
    }
}
