package org.coinpilot.watchlist.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.market.persistence.MarketReadRepository;
import org.coinpilot.market.service.AssetSnapshotCache;
import org.coinpilot.market.service.CandleImportService;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.watchlist.api.WatchlistResponse;
import org.coinpilot.watchlist.config.WatchlistConfig;
import org.coinpilot.watchlist.persistence.WatchlistAssetRepository;
import org.coinpilot.watchlist.persistence.WatchlistReadRepository;
import org.coinpilot.watchlist.persistence.WatchlistRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watchlist read costs the same number of statements whatever the list's length (docs/watchlists.md): the list with
 * its entries, and on a cold cache market's catalogue, quotes, indicators and highs, each one statement for all assets;
 * on a warm cache the list alone. Every unit of work the service and market's reads open is counted, as
 * MarketReadServiceTest counts market's.
 */
@QuarkusTest
class WatchlistReadStatementsTest {

    static final Instant LATEST = Instant.parse("2024-05-08T00:00:00Z");

    @Inject
    Pool pool;

    @Inject
    WatchlistRepository lists;

    @Inject
    WatchlistAssetRepository entries;

    @Inject
    WatchlistReadRepository reads;

    @Inject
    MarketReadRepository marketReads;

    @Inject
    CandleSeriesService assets;

    @Inject
    AuditTrail audit;

    @Inject
    WatchlistConfig config;

    @Inject
    Clock clock;

    @Inject
    AssetSnapshotCache snapshots;

    @Inject
    CandleImportService imports;

    final AtomicInteger units = new AtomicInteger();

    WatchlistService service;

    @BeforeEach
    void setUp() {
        TestClock.set(LATEST.plus(Duration.ofDays(1)));
        CountingTransactions tx = new CountingTransactions(pool, units);
        MarketReadService market = new MarketReadService(marketReads, tx, clock, snapshots);
        service = new WatchlistService(lists, entries, reads, market, assets, audit, config, clock, tx);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    @Test
    void shouldReadAListInFiveStatementsWhateverItsLength() {
        long user = AlertTestData.user(pool);
        long one = list(user, "one", 1);
        long many = list(user, "many", 50);

        units.set(0);
        WatchlistResponse small = service.get(user, one, "1d").await().indefinitely();
        int forOne = units.get();
        units.set(0);
        WatchlistResponse large = service.get(user, many, "1d").await().indefinitely();
        int forFifty = units.get();

        assertThat(small.items()).hasSize(1);
        assertThat(large.items()).hasSize(50);
        assertThat(large.items()).allSatisfy(item -> {
            assertThat(item.market().price()).isNotNull();
            assertThat(item.market().rsi14()).isEqualTo(50.0);
            assertThat(item.market().high()).isNotNull();
        });
        assertThat(forOne).isEqualTo(5);
        assertThat(forFifty).isEqualTo(5);
    }

    @Test
    void shouldReadAWarmListInOneStatementAndShowACandleWrittenSinceAtOnce() {
        long user = AlertTestData.user(pool);
        long id = list(user, "warm", 50);
        service.get(user, id, "1d").await().indefinitely(); // fills market's snapshots

        units.set(0);
        WatchlistResponse warm = service.get(user, id, "1d").await().indefinitely();
        assertThat(units).as("the list with its entries, nothing else").hasValue(1);
        assertThat(warm.items()).hasSize(50).allSatisfy(item -> {
            assertThat(item.market().price()).isEqualByComparingTo("11");
            assertThat(item.market().rsi14()).isEqualTo(50.0);
        });

        // this process writes a newer close of the first asset's latest daily candle
        String symbol = warm.items().get(0).symbol();
        imports.importCsv(symbol, "1d", """
                        open_time,open,high,low,close,volume
                        2024-05-08T00:00:00Z,11,12.5,11,12,1000
                        """).await().indefinitely();

        units.set(0);
        WatchlistResponse after = service.get(user, id, "1d").await().indefinitely();
        assertThat(after.items().get(0).market().price()).isEqualByComparingTo("12");
        assertThat(after.items().get(0).market().high()).isEqualByComparingTo("12.5");
        assertThat(after.items().get(0).market().rsi14())
                .as("the changed candle's indicators were reset (V040)")
                .isNull();
        assertThat(after.items().get(1).market().price()).isEqualByComparingTo("11");
        assertThat(units)
                .as("the list, then market's four reads for the one asset written")
                .hasValue(5);
    }

    /** A personal list of {@code size} assets, each with two daily candles and stored indicators. */
    private long list(long user, String name, int size) {
        long id = pool.preparedQuery("INSERT INTO watchlists (name, user_id, watchlist_type, max_assets)"
                        + " VALUES ($1, $2, 'personal', 100) RETURNING id")
                .execute(Tuple.of(name + user, user))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("id");
        for (int i = 0; i < size; i++) {
            long asset = MarketTestData.asset(pool, "WR", false);
            AlertTestData.candle(pool, asset, "1d", LATEST.minus(Duration.ofDays(1)), "10");
            AlertTestData.candle(pool, asset, "1d", LATEST, "11");
            AlertTestData.indicators(pool, asset, "1d", LATEST, new JsonObject().put("RSI", 50.0));
            pool.preparedQuery("INSERT INTO watchlist_assets (watchlist_id, crypto_id, position) VALUES ($1, $2, $3)")
                    .execute(Tuple.of(id, asset, i))
                    .await()
                    .indefinitely();
        }
        return id;
    }

    /** Counts every unit of work opened: sessions, transactions, statements, connections. */
    static final class CountingTransactions extends Transactions {

        private final AtomicInteger count;

        CountingTransactions(Pool pool, AtomicInteger count) {
            super(pool);
            this.count = count;
        }

        @Override
        public <T> Uni<T> read(Supplier<Uni<T>> work) {
            count.incrementAndGet();
            return super.read(work);
        }

        @Override
        public <T> Uni<T> write(Supplier<Uni<T>> work) {
            count.incrementAndGet();
            return super.write(work);
        }

        @Override
        public <T> Uni<T> sql(Function<SqlConnection, Uni<T>> work) {
            count.incrementAndGet();
            return super.sql(work);
        }

        @Override
        public <T> Uni<T> statement(Function<SqlClient, Uni<T>> work) {
            count.incrementAndGet();
            return super.statement(work);
        }

        @Override
        public <T> Uni<T> connection(Function<SqlConnection, Uni<T>> work) {
            count.incrementAndGet();
            return super.connection(work);
        }
    }
}
