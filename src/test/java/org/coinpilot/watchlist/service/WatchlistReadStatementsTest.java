package org.coinpilot.watchlist.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.coinpilot.alert.testing.AlertTestData;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.common.test.OnVertxContext;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.market.persistence.MarketReadRepository;
import org.coinpilot.market.service.AssetSnapshotCache;
import org.coinpilot.market.service.CandleImportService;
import org.coinpilot.market.service.CandleSeriesService;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.market.testing.MarketTestData;
import org.coinpilot.watchlist.api.PatchWatchlistAssetRequest;
import org.coinpilot.watchlist.api.WatchlistResponse;
import org.coinpilot.watchlist.config.WatchlistConfig;
import org.coinpilot.watchlist.domain.Scope;
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

    @Inject
    WatchlistAnswerCache answers;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    final AtomicInteger units = new AtomicInteger();

    WatchlistService service;

    @BeforeEach
    void setUp() {
        TestClock.set(LATEST.plus(Duration.ofDays(1)));
        CountingTransactions tx = new CountingTransactions(pool, units);
        MarketReadService market = new MarketReadService(marketReads, tx, clock, snapshots);
        service = new WatchlistService(lists, entries, reads, market, assets, audit, config, clock, tx, answers, json);
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
    void shouldAnswerAWarmListWithoutAStatementAndShowACandleWrittenSinceAtOnce() {
        long user = AlertTestData.user(pool);
        long id = list(user, "warm", 50);
        byte[] first = service.read(user, id, "1d").await().indefinitely(); // fills market's snapshots and the answer

        units.set(0);
        byte[] warm = service.read(user, id, "1d").await().indefinitely();
        assertThat(units).as("the answer kept in this second, no statement").hasValue(0);
        assertThat(warm)
                .as("the answer kept for this version, generation and second")
                .isSameAs(first);
        JsonArray items = new JsonObject(Buffer.buffer(warm)).getJsonArray("items");
        assertThat(items).hasSize(50);
        for (int i = 0; i < items.size(); i++) {
            JsonObject market = items.getJsonObject(i).getJsonObject("market");
            assertThat(new BigDecimal(market.getString("price"))).isEqualByComparingTo("11");
            assertThat(market.getDouble("rsi14")).isEqualTo(50.0);
        }

        // this process writes a newer close of the first asset's latest daily candle
        String symbol = items.getJsonObject(0).getString("symbol");
        imports.importCsv(symbol, "1d", """
                        open_time,open,high,low,close,volume
                        2024-05-08T00:00:00Z,11,12.5,11,12,1000
                        """).await().indefinitely();

        units.set(0);
        JsonArray after = new JsonObject(
                        Buffer.buffer(service.read(user, id, "1d").await().indefinitely()))
                .getJsonArray("items");
        JsonObject changed = after.getJsonObject(0).getJsonObject("market");
        assertThat(new BigDecimal(changed.getString("price"))).isEqualByComparingTo("12");
        assertThat(new BigDecimal(changed.getString("high"))).isEqualByComparingTo("12.5");
        assertThat(changed.getValue("rsi14"))
                .as("the changed candle's indicators were reset (V040)")
                .isNull();
        assertThat(new BigDecimal(after.getJsonObject(1).getJsonObject("market").getString("price")))
                .isEqualByComparingTo("11");
        assertThat(units)
                .as("the list, then market's four reads for the one asset written")
                .hasValue(5);
    }

    @Test
    void shouldBuildTheAnswerAgainInTheNextSecondWithTheAgesOfThatSecond() {
        long user = AlertTestData.user(pool);
        long id = list(user, "ages", 3);
        long age = ageOfFirst(service.read(user, id, "1d").await().indefinitely());

        TestClock.advance(Duration.ofSeconds(1));
        units.set(0);
        long later = ageOfFirst(service.read(user, id, "1d").await().indefinitely());

        assertThat(later).isEqualTo(age + 1);
        assertThat(units).as("the list; market's snapshots are warm").hasValue(1);
    }

    @Test
    void shouldShowAChangeOfTheListAtOnceEvenOnAPinnedClock() {
        long user = AlertTestData.user(pool);
        long id = list(user, "changed", 3);
        JsonObject before = new JsonObject(
                Buffer.buffer(service.read(user, id, "1d").await().indefinitely()));
        String symbol = before.getJsonArray("items").getJsonObject(1).getString("symbol");

        // twice: after the first change the list's updated_at is the pinned instant, so the second change cannot move
        // it by the clock; the version must move all the same
        for (String notes : List.of("noted", "noted again")) {
            OnVertxContext.await(
                    vertx,
                    () -> service.patchAsset(
                            Scope.personal(user), id, symbol, new PatchWatchlistAssetRequest(null, notes, null)));

            JsonObject after = new JsonObject(
                    Buffer.buffer(service.read(user, id, "1d").await().indefinitely()));
            assertThat(after.getLong("version")).isGreaterThan(before.getLong("version"));
            assertThat(after.getJsonArray("items").getJsonObject(1).getString("notes"))
                    .isEqualTo(notes);
            before = after;
        }
    }

    @Test
    void shouldShowAChangeMadeElsewhereFromTheNextSecond() {
        long user = AlertTestData.user(pool);
        long id = list(user, "elsewhere", 2);
        service.read(user, id, "1d").await().indefinitely();

        // another replica changes an entry: nothing tells this one
        pool.preparedQuery("UPDATE watchlist_assets SET notes = 'changed elsewhere' WHERE watchlist_id = $1")
                .execute(Tuple.of(id))
                .await()
                .indefinitely();
        JsonObject sameSecond = new JsonObject(
                Buffer.buffer(service.read(user, id, "1d").await().indefinitely()));
        TestClock.advance(Duration.ofSeconds(1));
        JsonObject nextSecond = new JsonObject(
                Buffer.buffer(service.read(user, id, "1d").await().indefinitely()));

        assertThat(sameSecond.getJsonArray("items").getJsonObject(0).getValue("notes"))
                .as("the answer kept in this second")
                .isNull();
        assertThat(nextSecond.getJsonArray("items").getJsonObject(0).getString("notes"))
                .isEqualTo("changed elsewhere");
    }

    @Test
    void shouldKeepNothingForListsThatDoNotExist() {
        long user = AlertTestData.user(pool);
        int before = answers.trackedLists();

        for (long unknown = Long.MAX_VALUE - 100; unknown < Long.MAX_VALUE; unknown++) {
            long id = unknown;
            assertThatThrownBy(() -> service.read(user, id, "1d").await().indefinitely())
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        assertThat(answers.trackedLists())
                .as("reading ids, existing or not, must not grow the generations")
                .isEqualTo(before);
    }

    @Test
    void shouldNotServeAKeptAnswerToAnotherUser() {
        long owner = AlertTestData.user(pool);
        long other = AlertTestData.user(pool);
        long id = list(owner, "mine", 2);
        service.read(owner, id, "1d").await().indefinitely();

        assertThatThrownBy(() -> service.read(other, id, "1d").await().indefinitely())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static long ageOfFirst(byte[] answer) {
        return new JsonObject(Buffer.buffer(answer))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonObject("market")
                .getLong("ageSeconds");
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
