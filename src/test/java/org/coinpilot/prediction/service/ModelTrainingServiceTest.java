package org.coinpilot.prediction.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.prediction.api.ModelQuery;
import org.coinpilot.prediction.api.ModelResponse;
import org.coinpilot.prediction.api.RegisterModelRequest;
import org.coinpilot.prediction.domain.ModelArchitecture;
import org.coinpilot.prediction.domain.ModelType;
import org.junit.jupiter.api.Test;

/**
 * The training job's rules on stored candles: the naive yardstick registered and active, a new version per run with
 * held-out scores, promoted only when it beats the active version on the same held-out data.
 */
@QuarkusTest
class ModelTrainingServiceTest {

    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    ModelTrainingService training;

    @Inject
    ModelRegistryService registry;

    @Inject
    io.vertx.core.Vertx vertx;

    <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        return org.coinpilot.common.test.OnVertxContext.await(vertx, work);
    }

    /** The only supported asset, with {@code days} daily candles whose returns are negatively autocorrelated. */
    String seriesAsset(String prefix, int days) {
        long asset = MarketTestData.asset(pool, prefix, true);
        Random random = new Random(17);
        double close = 100;
        double r = 0;
        for (int i = 0; i < days; i++) {
            r = -0.5 * r + 0.02 * random.nextGaussian();
            close = close * Math.exp(r);
            AlertTestData.candle(
                    pool,
                    asset,
                    "1d",
                    START.plusSeconds(86_400L * i),
                    BigDecimal.valueOf(close).setScale(8, RoundingMode.HALF_UP).toPlainString());
        }
        return MarketTestData.symbol(pool, asset);
    }

    List<ModelResponse> versions(String name) {
        ModelQuery query = new ModelQuery();
        query.name = name;
        return await(() -> registry.list(query, new PageQuery(0, 100, false))).items();
    }

    ModelResponse active(String name) {
        return versions(name).stream().filter(ModelResponse::active).findFirst().orElseThrow();
    }

    @Test
    void shouldRegisterTheYardstickAndActivateTheFirstVersions() {
        String symbol = seriesAsset("TRA", 300);
        ModelTrainingService.Report report = await(() -> training.trainAll());

        assertThat(report.series()).isEqualTo(1);
        String naive = "naive-" + symbol + "-1d-h1";
        String drift = "drift-" + symbol + "-1d-h1";
        String ridge = "ridge-" + symbol + "-1d-h1";
        assertThat(report.registered()).containsExactly(naive + " 1", drift + " v1", ridge + " v1");
        assertThat(report.promoted()).containsExactly(drift + " v1", ridge + " v1");
        assertThat(active(naive).version()).isEqualTo("1");
        ModelResponse ridgeV1 = active(ridge);
        assertThat(ridgeV1.version()).isEqualTo("v1");
        assertThat(ridgeV1.architecture()).isEqualTo(ModelArchitecture.REGRESSION);
        assertThat(ridgeV1.configuration()).containsEntry("method", "ridge").containsKey("lambda");
        @SuppressWarnings("unchecked")
        Map<String, Object> heldOut =
                (Map<String, Object>) ridgeV1.performanceMetrics().get("heldOut");
        // 300 closes, horizon 1: 299 origins, the newest 20 % (59) held out
        assertThat(heldOut).containsEntry("count", 59);
        assertThat(((Number) heldOut.get("mase")).doubleValue()).isLessThan(1.0); // the returns are predictable
        assertThat(ridgeV1.trainingDataRange()).containsEntry("from", "2023-01-01T00:00:00Z");
        assertThat(ridgeV1.lastTrained()).isNotNull();
    }

    @Test
    void shouldNotPromoteAVersionThatDoesNotBeatTheActiveOne() {
        String symbol = seriesAsset("TRB", 300);
        await(() -> training.trainAll());
        ModelTrainingService.Report again = await(() -> training.trainAll());

        String ridge = "ridge-" + symbol + "-1d-h1";
        assertThat(again.registered()).contains(ridge + " v2");
        assertThat(again.promoted()).isEmpty(); // same data, same choice: equal is not better
        assertThat(active(ridge).version()).isEqualTo("v1");
        ModelResponse v2 = versions(ridge).stream()
                .filter(v -> v.version().equals("v2"))
                .findFirst()
                .orElseThrow();
        assertThat(v2.active()).isFalse();
        assertThat(v2.performanceMetrics()).containsEntry("promoted", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> compared =
                (Map<String, Object>) v2.performanceMetrics().get("comparedWithActive");
        assertThat(compared).containsEntry("version", "v1");
        assertThat(versions("naive-" + symbol + "-1d-h1")).hasSize(1); // the yardstick is registered once
    }

    @Test
    void shouldPromoteAVersionThatBeatsTheActiveOneOnHeldOutData() {
        String symbol = seriesAsset("TRC", 300);
        String drift = "drift-" + symbol + "-1d-h1";
        await(() -> training.trainAll());
        // an operator activates a poor drift: the last return repeated, wrong-signed on this series
        ModelResponse poor = await(() -> registry.register(new RegisterModelRequest(
                drift,
                "manual-1",
                ModelArchitecture.BASELINE,
                ModelType.ASSET,
                null,
                Map.of("method", "drift", "window", 1),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null)));
        await(() -> registry.activate(poor.id()));

        ModelTrainingService.Report report = await(() -> training.trainAll());

        assertThat(report.promoted()).contains(drift + " v3");
        assertThat(active(drift).version()).isEqualTo("v3");
        assertThat(versions(drift).stream()
                        .filter(v -> v.version().equals("manual-1"))
                        .findFirst()
                        .orElseThrow()
                        .active())
                .isFalse();
    }

    @Test
    void shouldSkipASeriesWithTooFewCandlesAndSayWhy() {
        String symbol = seriesAsset("TRD", 50);
        ModelTrainingService.Report report = await(() -> training.trainAll());
        assertThat(report.skipped()).containsExactly(symbol + " 1d h1: 50 candles, 200 needed");
        assertThat(report.registered()).isEmpty();
    }
}
