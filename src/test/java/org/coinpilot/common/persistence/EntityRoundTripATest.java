package org.coinpilot.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.identity.domain.SubscriptionPlan;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserActivity;
import org.coinpilot.identity.domain.UserRole;
import org.coinpilot.identity.domain.UserSession;
import org.coinpilot.identity.persistence.UserActivityRepository;
import org.coinpilot.identity.persistence.UserRepository;
import org.coinpilot.identity.persistence.UserSessionRepository;
import org.coinpilot.macro.domain.DominanceData;
import org.coinpilot.macro.domain.MacroIndicator;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.domain.MarketRegimeAnalysis;
import org.coinpilot.macro.domain.MarketSentimentData;
import org.coinpilot.macro.persistence.DominanceDataRepository;
import org.coinpilot.macro.persistence.MacroIndicatorRepository;
import org.coinpilot.macro.persistence.MarketRegimeAnalysisRepository;
import org.coinpilot.macro.persistence.MarketSentimentDataRepository;
import org.coinpilot.market.domain.Cryptocurrency;
import org.coinpilot.market.domain.PriceData;
import org.coinpilot.market.domain.PriceDataArchive;
import org.coinpilot.market.persistence.CryptocurrencyRepository;
import org.coinpilot.market.persistence.PriceDataArchiveRepository;
import org.coinpilot.market.persistence.PriceDataRepository;
import org.coinpilot.sector.domain.CryptoSector;
import org.coinpilot.sector.domain.CryptoSectorMapping;
import org.coinpilot.sector.domain.SectorPerformance;
import org.coinpilot.sector.domain.SectorRotationAnalysis;
import org.coinpilot.sector.persistence.CryptoSectorMappingRepository;
import org.coinpilot.sector.persistence.CryptoSectorRepository;
import org.coinpilot.sector.persistence.SectorPerformanceRepository;
import org.coinpilot.sector.persistence.SectorRotationAnalysisRepository;
import org.junit.jupiter.api.Test;

/**
 * Round trip of the identity, market, macro and sector entities through Hibernate Reactive and PostgreSQL:
 * every column written with a non-default value comes back equal from a new session (decimals with their
 * column scale, instants to the microsecond, JSON deep-equal, inet), the database defaults agree with the
 * entities' initial values, and every column of each table is mapped.
 */
@QuarkusTest
class EntityRoundTripATest {

    @Inject
    UserRepository users;

    @Inject
    UserSessionRepository userSessions;

    @Inject
    UserActivityRepository userActivities;

    @Inject
    CryptocurrencyRepository cryptocurrencies;

    @Inject
    PriceDataRepository priceData;

    @Inject
    PriceDataArchiveRepository priceDataArchive;

    @Inject
    MarketRegimeAnalysisRepository regimes;

    @Inject
    MarketSentimentDataRepository sentiments;

    @Inject
    DominanceDataRepository dominances;

    @Inject
    MacroIndicatorRepository macroIndicators;

    @Inject
    CryptoSectorRepository sectors;

    @Inject
    SectorPerformanceRepository sectorPerformances;

    @Inject
    SectorRotationAnalysisRepository sectorRotations;

    @Inject
    CryptoSectorMappingRepository sectorMappings;

    // ---------------------------------------------------------------------------------------------------
    // identity
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryUserColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                users,
                () -> persistUser()
                        .chain(referrer -> persistUser().map(deleter -> {
                            String s = suffix();
                            User user = new User();
                            user.email = "Full.User+" + s + "@Example.org";
                            user.passwordHash = "$argon2id$v=19$m=65536,t=3,p=4$" + s;
                            user.firstName = "Ada";
                            user.lastName = "Lovelace-Ω";
                            user.role = UserRole.ADMIN;
                            user.isActive = false;
                            user.isVerified = true;
                            user.loginCount = 42;
                            user.preferences = json();
                            user.timezone = "Europe/Zurich";
                            user.language = "de-CH";
                            user.lastLogin = micros("2024-02-29T23:59:59.123456Z");
                            user.bio = "Writes the first algorithm.\nLine two ✓";
                            user.profilePictureUrl = "https://cdn.example.org/u/" + s + ".png";
                            user.resetPasswordToken = sha256Like("a" + s);
                            user.resetPasswordExpires = micros("2024-03-01T00:15:00.000001Z");
                            user.emailVerificationToken = sha256Like("b" + s);
                            user.emailVerificationExpires = micros("2024-03-02T12:00:00.999999Z");
                            user.failedLoginAttempts = 3;
                            user.lockoutExpires = micros("2024-03-03T08:30:45.654321Z");
                            user.loginCodeHash = sha256Like("c" + s);
                            user.loginCodeExpires = micros("2024-03-03T08:40:45.654321Z");
                            user.referralCode = "REF" + s;
                            user.referredBy = referrer.id;
                            user.referralCount = 7;
                            user.accountBalance = new BigDecimal("12345678901234567890.12345678");
                            user.subscriptionPlan = SubscriptionPlan.ENTERPRISE;
                            user.subscriptionExpiresAt = micros("2025-12-31T23:59:59.999999Z");
                            user.notes = "VIP; handle with care";
                            user.deletedAt = micros("2024-04-01T10:11:12.131415Z");
                            user.deletedBy = deleter.id;
                            stamp(user);
                            return user;
                        })),
                user -> user.id,
                loaded -> {
                    assertThat(loaded.role).isEqualTo(UserRole.ADMIN);
                    assertThat(loaded.subscriptionPlan).isEqualTo(SubscriptionPlan.ENTERPRISE);
                    assertThat(loaded.isActive).isFalse();
                    assertThat(loaded.isVerified).isTrue();
                    assertThat(loaded.accountBalance.scale()).isEqualTo(8);
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReturnUserDefaultsWhenOnlyRequiredFieldsAreSet(UniAsserter asserter) {
        Consumer<User> defaults = user -> {
            assertThat(user.role).isEqualTo(UserRole.PUBLIC);
            assertThat(user.isActive).isTrue();
            assertThat(user.isVerified).isFalse();
            assertThat(user.loginCount).isZero();
            assertThat(user.preferences).isEmpty();
            assertThat(user.timezone).isEqualTo("UTC");
            assertThat(user.language).isEqualTo("en");
            assertThat(user.failedLoginAttempts).isZero();
            assertThat(user.referralCount).isZero();
            assertThat(user.accountBalance).isEqualByComparingTo("0");
            assertThat(user.accountBalance.scale()).isEqualTo(8);
            assertThat(user.subscriptionPlan).isEqualTo(SubscriptionPlan.FREE);
            assertThat(user.referredBy).isNull();
            assertThat(user.deletedAt).isNull();
            assertThat(user.createdAt).isNotNull();
            assertThat(user.updatedAt).isNotNull();
        };
        String email = "minimal+" + suffix() + "@example.org";
        assertDefaults(
                asserter,
                users,
                () -> {
                    User user = new User();
                    user.email = email;
                    user.passwordHash = "hash";
                    return Uni.createFrom().item(user);
                },
                user -> user.id,
                defaults);
        String nativeEmail = "native+" + suffix() + "@example.org";
        assertDatabaseDefaults(
                asserter,
                "insert into users (email, password_hash) values (:email, 'hash')",
                () -> Map.of("email", nativeEmail),
                () -> users.findByEmail(nativeEmail.toUpperCase()),
                defaults);
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryUserSessionColumnWhenAllAreSet(UniAsserter asserter) {
        InetAddress ipv6 = inet("2001:db8:85a3::8a2e:370:7334");
        assertRoundTrip(
                asserter,
                userSessions,
                () -> persistUser().map(user -> {
                    UserSession session = new UserSession();
                    session.userId = user.id;
                    session.sessionToken = "sid-" + suffix();
                    session.refreshToken = sha256Like("r" + suffix());
                    session.deviceInfo = json();
                    session.ipAddress = ipv6;
                    session.isActive = false;
                    session.expiresAt = micros("2030-01-01T00:00:00.000001Z");
                    session.lastUsedAt = micros("2029-12-31T23:00:00.424242Z");
                    session.revokedAt = micros("2029-12-31T23:30:00.515151Z");
                    session.revokedReason = "reuse_detected";
                    session.retiredRefreshTokens = java.util.List.of(sha256Like("r1" + suffix()), sha256Like("r2"));
                    stamp(session);
                    return session;
                }),
                session -> session.id,
                loaded -> {
                    assertThat(loaded.ipAddress).isEqualTo(ipv6);
                    assertThat(loaded.isActive).isFalse();
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReturnUserSessionDefaultsWhenOnlyRequiredFieldsAreSet(UniAsserter asserter) {
        Consumer<UserSession> defaults = session -> {
            assertThat(session.isActive).isTrue();
            assertThat(session.ipAddress).isNull();
            assertThat(session.deviceInfo).isNull();
            assertThat(session.revokedAt).isNull();
            assertThat(session.retiredRefreshTokens).isEmpty();
            assertThat(session.createdAt).isNotNull();
            assertThat(session.updatedAt).isNotNull();
        };
        assertDefaults(
                asserter,
                userSessions,
                () -> persistUser().map(user -> {
                    UserSession session = new UserSession();
                    session.userId = user.id;
                    session.sessionToken = "sid-" + suffix();
                    session.refreshToken = sha256Like("m" + suffix());
                    session.expiresAt = micros("2030-01-01T00:00:00Z");
                    return session;
                }),
                session -> session.id,
                defaults);
        AtomicReference<Long> userId = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(this::persistUser).invoke(user -> userId.set(user.id)));
        String token = "sid-" + suffix();
        assertDatabaseDefaults(
                asserter,
                "insert into user_sessions (user_id, session_token, refresh_token, expires_at)"
                        + " values (:userId, :token, :refresh, now() + interval '1 day')",
                () -> Map.of("userId", userId.get(), "token", token, "refresh", sha256Like("n" + token)),
                () -> userSessions.findBySessionToken(token),
                defaults);
    }

    @Test
    @RunOnVertxContext
    void shouldFindSessionByInetAndTokenWhenQueried(UniAsserter asserter) {
        InetAddress ipv4 = inet("198.51.100.23");
        String token = "sid-" + suffix();
        String refresh = sha256Like("q" + token);
        AtomicReference<Long> id = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> persistUser().chain(user -> {
                    UserSession session = new UserSession();
                    session.userId = user.id;
                    session.sessionToken = token;
                    session.refreshToken = refresh;
                    session.ipAddress = ipv4;
                    session.expiresAt = micros("2030-01-01T00:00:00Z");
                    return userSessions.persist(session);
                }))
                .invoke(session -> id.set(session.id)));
        asserter.assertThat(
                () -> Panache.withSession(() -> userSessions
                        .find(
                                "ipAddress = :ip and sessionToken = :token",
                                Parameters.with("ip", ipv4).and("token", token))
                        .firstResult()),
                found -> assertThat(found.id).isEqualTo(id.get()));
        asserter.assertThat(
                () -> Panache.withSession(() -> userSessions.findByRefreshToken(refresh)),
                found -> assertThat(found.id).isEqualTo(id.get()));
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryUserActivityColumnWhenAllAreSet(UniAsserter asserter) {
        InetAddress ipv4 = inet("203.0.113.254");
        assertRoundTrip(
                asserter,
                userActivities,
                () -> persistUser()
                        .chain(user -> persistSession(user.id).map(session -> {
                            UserActivity activity = new UserActivity();
                            activity.userId = user.id;
                            activity.activityType = "watchlist_updated";
                            activity.entityType = "watchlist";
                            activity.entityId = 9_007_199_254_740_993L;
                            activity.action = "add_asset";
                            activity.details = json();
                            activity.ipAddress = ipv4;
                            activity.userAgent = "Mozilla/5.0 (X11; Linux x86_64) Coinpilot-Test/1.0";
                            activity.sessionId = session.id;
                            stamp(activity);
                            return activity;
                        })),
                activity -> activity.id,
                loaded -> assertThat(loaded.ipAddress).isEqualTo(ipv4));
    }

    @Test
    @RunOnVertxContext
    void shouldFindUserByEmailIgnoringCaseWhenQueried(UniAsserter asserter) {
        String email = "Case.Mixed+" + suffix() + "@Example.ORG";
        AtomicReference<Long> id = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> {
                    User user = new User();
                    user.email = email;
                    user.passwordHash = "hash";
                    return users.persist(user);
                })
                .invoke(user -> id.set(user.id)));
        asserter.assertThat(
                () -> Panache.withSession(() -> users.findByEmail(email.toLowerCase())),
                found -> assertThat(found.id).isEqualTo(id.get()));
        asserter.assertThat(
                () -> Panache.withSession(() -> users.findByEmail("nobody+" + suffix() + "@example.org")),
                found -> assertThat(found).isNull());
    }

    // ---------------------------------------------------------------------------------------------------
    // market
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryCryptocurrencyColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                cryptocurrencies,
                () -> {
                    String s = suffix();
                    Cryptocurrency asset = new Cryptocurrency();
                    asset.symbol = "stE." + s;
                    asset.name = "Staked Ether " + s;
                    asset.externalIds = Map.of("binance", "STETHUSDT", "coingecko", "staked-ether", "cmc", 8085);
                    asset.marketCap = new BigDecimal("1234567890123456789012345678.91");
                    asset.marketCapRank = 12;
                    asset.currentPrice = new BigDecimal("123456789012.12345678");
                    asset.totalVolume = new BigDecimal("9876543210987654321098765432.10");
                    asset.circulatingSupply = new BigDecimal("1234567890123456789012.12345678");
                    asset.totalSupply = new BigDecimal("2234567890123456789012.00000001");
                    asset.maxSupply = new BigDecimal("3234567890123456789012.10000000");
                    asset.priceChangePercentage24h = new BigDecimal("-123456.7891");
                    asset.priceChangePercentage7d = new BigDecimal("0.0001");
                    asset.priceChangePercentage30d = new BigDecimal("999999.9990");
                    asset.description = "Liquid staking token.";
                    asset.logoUrl = "https://assets.example.org/steth.png";
                    asset.links = Map.of(
                            "homepage", List.of("https://lido.fi"),
                            "repos_url",
                                    Map.of(
                                            "github",
                                            List.of("https://github.com/lidofinance/lido-dao"),
                                            "bitbucket",
                                            List.of()));
                    asset.timeframeUsage = Map.of("1h", 120, "1d", Map.of("count", 7, "last", "2024-03-01T00:00:00Z"));
                    asset.lastAccessedAt = micros("2024-03-05T06:07:08.090807Z");
                    asset.accessCount = 5_000_000_000L;
                    asset.isActive = false;
                    asset.isSupported = true;
                    stamp(asset);
                    return Uni.createFrom().item(asset);
                },
                asset -> asset.id,
                loaded -> {
                    assertThat(loaded.currentPrice).isEqualByComparingTo("123456789012.12345678");
                    assertThat(loaded.currentPrice.scale()).isEqualTo(8);
                    assertThat(loaded.maxSupply.toPlainString()).isEqualTo("3234567890123456789012.10000000");
                    assertThat(loaded.isActive).isFalse();
                    assertThat(loaded.isSupported).isTrue();
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReturnCryptocurrencyDefaultsWhenOnlyRequiredFieldsAreSet(UniAsserter asserter) {
        Consumer<Cryptocurrency> defaults = asset -> {
            assertThat(asset.externalIds).isEmpty();
            assertThat(asset.links).isEmpty();
            assertThat(asset.timeframeUsage).isEmpty();
            assertThat(asset.accessCount).isZero();
            assertThat(asset.isActive).isTrue();
            assertThat(asset.isSupported).isFalse();
            assertThat(asset.currentPrice).isNull();
            assertThat(asset.createdAt).isNotNull();
            assertThat(asset.updatedAt).isNotNull();
        };
        assertDefaults(
                asserter,
                cryptocurrencies,
                () -> {
                    Cryptocurrency asset = new Cryptocurrency();
                    asset.symbol = "MIN" + suffix();
                    asset.name = "Minimal";
                    return Uni.createFrom().item(asset);
                },
                asset -> asset.id,
                defaults);
        String symbol = "NAT" + suffix();
        assertDatabaseDefaults(
                asserter,
                "insert into cryptocurrencies (symbol, name) values (:symbol, 'Native')",
                () -> Map.of("symbol", symbol),
                () -> cryptocurrencies.findBySymbol(symbol),
                defaults);
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryPriceDataColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                priceData,
                () -> persistCrypto().map(asset -> {
                    PriceData candle = new PriceData();
                    candle.cryptoId = asset.id;
                    candle.timeframe = Timeframe.M15;
                    candle.openPrice = new BigDecimal("62000.12345678");
                    candle.highPrice = new BigDecimal("123456789012.12345678");
                    candle.lowPrice = new BigDecimal("0.00000001");
                    candle.closePrice = new BigDecimal("61999.87654321");
                    candle.volume = new BigDecimal("1234567890123456789012345678.91");
                    candle.baseVolume = new BigDecimal("9999999999999999999999999999.000000000000000001");
                    candle.quoteVolume = new BigDecimal("27174.29903000");
                    candle.marketCap = new BigDecimal("1200000000000.50");
                    candle.circulatingSupply = new BigDecimal("19654321.12345678");
                    // an inserted candle never keeps indicators: V040's trigger resets them for the compute job
                    // (docs/indicators.md); the jsonb column's round trip is covered by the update test below
                    candle.technicalIndicators = json();
                    candle.candleTime = micros("2024-03-10T14:15:00.000001Z");
                    stamp(candle);
                    return candle;
                }),
                candle -> candle.id,
                loaded -> assertThat(loaded.timeframe).isEqualTo(Timeframe.M15));
    }

    @Test
    @RunOnVertxContext
    void shouldKeepTechnicalIndicatorsWhenTheyAreWrittenToAnExistingCandle(UniAsserter asserter) {
        PriceData candle = new PriceData();
        asserter.execute(() -> Panache.withTransaction(() -> persistCrypto().chain(asset -> {
            candle.cryptoId = asset.id;
            candle.timeframe = Timeframe.H1;
            candle.openPrice = new BigDecimal("100.00000000");
            candle.highPrice = new BigDecimal("110.00000000");
            candle.lowPrice = new BigDecimal("90.00000000");
            candle.closePrice = new BigDecimal("105.00000000");
            candle.volume = new BigDecimal("1000.00");
            candle.candleTime = micros("2024-03-10T15:00:00Z");
            stamp(candle);
            return priceData.persist(candle);
        })));
        asserter.execute(() -> Panache.withTransaction(
                () -> priceData.findById(candle.id).invoke(loaded -> loaded.technicalIndicators = json())));
        asserter.assertThat(
                () -> Panache.withSession(() -> priceData.findById(candle.id)),
                loaded -> assertThat(loaded.technicalIndicators).isEqualTo(json()));
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryPriceDataArchiveColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                priceDataArchive,
                () -> persistCrypto().map(asset -> {
                    PriceDataArchive candle = new PriceDataArchive();
                    candle.cryptoId = asset.id;
                    candle.timeframe = Timeframe.W1;
                    candle.openPrice = new BigDecimal("30000.00000001");
                    candle.highPrice = new BigDecimal("31000.10000000");
                    candle.lowPrice = new BigDecimal("29000.99999999");
                    candle.closePrice = new BigDecimal("30500.50505050");
                    candle.volume = new BigDecimal("98765.43");
                    candle.baseVolume = new BigDecimal("3.23809000");
                    candle.quoteVolume = new BigDecimal("98765.4321");
                    candle.marketCap = new BigDecimal("600000000000.01");
                    candle.circulatingSupply = new BigDecimal("1234567890123456789012.12345678");
                    candle.technicalIndicators = json();
                    candle.candleTime = micros("2019-06-03T00:00:00.000001Z");
                    candle.createdAt = micros("2019-06-10T00:00:01.777777Z");
                    candle.archivedAt = micros("2024-06-10T03:00:00.888888Z");
                    return candle;
                }),
                candle -> candle.id,
                loaded -> {
                    assertThat(loaded.timeframe).isEqualTo(Timeframe.W1);
                    assertThat(loaded.createdAt).isEqualTo(Instant.parse("2019-06-10T00:00:01.777777Z"));
                    assertThat(loaded.archivedAt).isEqualTo(Instant.parse("2024-06-10T03:00:00.888888Z"));
                });
    }

    @Test
    @RunOnVertxContext
    void shouldReturnPriceDataArchiveDefaultsWhenOnlyRequiredFieldsAreSet(UniAsserter asserter) {
        Consumer<PriceDataArchive> defaults = candle -> {
            assertThat(candle.archivedAt).isNotNull();
            assertThat(candle.createdAt).isNotNull();
            assertThat(candle.volume).isNull();
            assertThat(candle.technicalIndicators).isNull();
        };
        assertDefaults(
                asserter,
                priceDataArchive,
                () -> persistCrypto().map(asset -> {
                    PriceDataArchive candle = new PriceDataArchive();
                    candle.cryptoId = asset.id;
                    candle.timeframe = Timeframe.D1;
                    candle.openPrice = BigDecimal.ONE;
                    candle.highPrice = BigDecimal.TEN;
                    candle.lowPrice = BigDecimal.ONE;
                    candle.closePrice = new BigDecimal("2");
                    candle.candleTime = micros("2020-01-01T00:00:00Z");
                    return candle;
                }),
                candle -> candle.id,
                defaults);
        AtomicReference<Long> cryptoId = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(this::persistCrypto).invoke(asset -> cryptoId.set(asset.id)));
        assertDatabaseDefaults(
                asserter,
                "insert into price_data_archive (crypto_id, timeframe, open_price, high_price, low_price, close_price,"
                        + " candle_time) values (:cryptoId, '1d', 1, 2, 1, 2, '2020-01-01T00:00:00Z')",
                () -> Map.of("cryptoId", cryptoId.get()),
                () -> priceDataArchive
                        .find("cryptoId = :cryptoId", Parameters.with("cryptoId", cryptoId.get()))
                        .firstResult(),
                defaults);
    }

    @Test
    @RunOnVertxContext
    void shouldFindCryptocurrencyBySymbolWhenQueried(UniAsserter asserter) {
        AtomicReference<Cryptocurrency> saved = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(this::persistCrypto).invoke(saved::set));
        asserter.assertThat(
                () -> Panache.withSession(() -> cryptocurrencies.findBySymbol(saved.get().symbol)),
                found -> assertThat(found.id).isEqualTo(saved.get().id));
        asserter.assertThat(
                () -> Panache.withSession(
                        () -> cryptocurrencies.findBySymbol(saved.get().symbol.toLowerCase())),
                found -> assertThat(found).isNull());
    }

    // ---------------------------------------------------------------------------------------------------
    // macro
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryMarketRegimeAnalysisColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                regimes,
                () -> {
                    MarketRegimeAnalysis analysis = new MarketRegimeAnalysis();
                    analysis.regime = MarketRegime.SIDEWAYS;
                    analysis.confidenceScore = new BigDecimal("0.987650");
                    analysis.indicators = json();
                    analysis.analysisData = Map.of("model", "hmm-3-state", "windows", List.of(20, 50, 200));
                    analysis.observedOn = java.time.LocalDate.parse("1999-12-31");
                    stamp(analysis);
                    return Uni.createFrom().item(analysis);
                },
                analysis -> analysis.id,
                loaded -> assertThat(loaded.regime).isEqualTo(MarketRegime.SIDEWAYS));
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryMarketSentimentDataColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                sentiments,
                () -> {
                    MarketSentimentData sentiment = new MarketSentimentData();
                    sentiment.fearGreedIndex = new BigDecimal("73.05");
                    sentiment.socialSentiment = new BigDecimal("-123456.654321");
                    sentiment.sentimentSources =
                            Map.of("alternative.me", Map.of("value", 73, "classification", "Greed"));
                    sentiment.analysisMetrics = json();
                    sentiment.observedOn = java.time.LocalDate.parse("1999-12-31");
                    sentiment.provider = "alternative.me";
                    sentiment.classification = "Extreme Greed";
                    stamp(sentiment);
                    return Uni.createFrom().item(sentiment);
                },
                sentiment -> sentiment.id,
                loaded -> {});
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryDominanceDataColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                dominances,
                () -> {
                    DominanceData dominance = new DominanceData();
                    dominance.btcDominance = new BigDecimal("54.3210");
                    dominance.ethDominance = new BigDecimal("17.0001");
                    dominance.altDominance = new BigDecimal("28.6789");
                    dominance.trendAnalysis = json();
                    dominance.observedOn = java.time.LocalDate.parse("1999-12-31");
                    dominance.totalMarketCapUsd = new BigDecimal("2400000000000.55");
                    dominance.source = "coingecko";
                    stamp(dominance);
                    return Uni.createFrom().item(dominance);
                },
                dominance -> dominance.id,
                loaded -> assertThat(loaded.btcDominance.toPlainString()).isEqualTo("54.3210"));
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryMacroIndicatorColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                macroIndicators,
                () -> {
                    MacroIndicator indicator = new MacroIndicator();
                    indicator.indicatorName = "DXY-" + suffix();
                    indicator.value = new BigDecimal("12345678901234567890.123456789012345678");
                    indicator.timeframe = Timeframe.H4;
                    indicator.metadata = json();
                    indicator.observedOn = java.time.LocalDate.parse("1999-12-31");
                    indicator.source = "fred";
                    stamp(indicator);
                    return Uni.createFrom().item(indicator);
                },
                indicator -> indicator.id,
                loaded -> {
                    assertThat(loaded.value.scale()).isEqualTo(18);
                    assertThat(loaded.timeframe).isEqualTo(Timeframe.H4);
                });
    }

    // ---------------------------------------------------------------------------------------------------
    // sector
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryCryptoSectorColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                sectors,
                () -> {
                    CryptoSector sector = new CryptoSector();
                    sector.name = "DeFi " + suffix();
                    sector.description = "Decentralised finance protocols";
                    sector.characteristics = json();
                    sector.isActive = false;
                    stamp(sector);
                    return Uni.createFrom().item(sector);
                },
                sector -> sector.id,
                loaded -> assertThat(loaded.isActive).isFalse());
    }

    @Test
    @RunOnVertxContext
    void shouldReturnCryptoSectorDefaultsWhenOnlyRequiredFieldsAreSet(UniAsserter asserter) {
        Consumer<CryptoSector> defaults = sector -> {
            assertThat(sector.isActive).isTrue();
            assertThat(sector.characteristics).isNull();
            assertThat(sector.createdAt).isNotNull();
            assertThat(sector.updatedAt).isNotNull();
        };
        assertDefaults(
                asserter,
                sectors,
                () -> {
                    CryptoSector sector = new CryptoSector();
                    sector.name = "Minimal " + suffix();
                    return Uni.createFrom().item(sector);
                },
                sector -> sector.id,
                defaults);
        String name = "Native " + suffix();
        assertDatabaseDefaults(
                asserter,
                "insert into crypto_sectors (name) values (:name)",
                () -> Map.of("name", name),
                () -> sectors.findByName(name),
                defaults);
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEverySectorPerformanceColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                sectorPerformances,
                () -> persistSector().map(sector -> {
                    SectorPerformance performance = new SectorPerformance();
                    performance.sectorId = sector.id;
                    performance.performance24h = new BigDecimal("-12.3456");
                    performance.performance7d = new BigDecimal("45.6700");
                    performance.performance30d = new BigDecimal("12345678.9012");
                    performance.volumeChange = new BigDecimal("-99.9999");
                    performance.marketCapChange = new BigDecimal("0.0001");
                    performance.performanceMetrics = json();
                    stamp(performance);
                    return performance;
                }),
                performance -> performance.id,
                loaded -> {});
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEverySectorRotationAnalysisColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                sectorRotations,
                () -> persistSector()
                        .chain(from -> persistSector().map(to -> {
                            SectorRotationAnalysis rotation = new SectorRotationAnalysis();
                            rotation.fromSectorId = from.id;
                            rotation.toSectorId = to.id;
                            rotation.rotationStrength = new BigDecimal("0.123456");
                            rotation.confidenceScore = new BigDecimal("1.000000");
                            rotation.rotationIndicators = json();
                            stamp(rotation);
                            return rotation;
                        })),
                rotation -> rotation.id,
                loaded -> assertThat(loaded.fromSectorId).isNotEqualTo(loaded.toSectorId));
    }

    @Test
    @RunOnVertxContext
    void shouldRoundTripEveryCryptoSectorMappingColumnWhenAllAreSet(UniAsserter asserter) {
        assertRoundTrip(
                asserter,
                sectorMappings,
                () -> persistCrypto()
                        .chain(asset -> persistSector().map(sector -> {
                            CryptoSectorMapping mapping = new CryptoSectorMapping();
                            mapping.cryptoId = asset.id;
                            mapping.sectorId = sector.id;
                            mapping.allocationPercentage = new BigDecimal("66.6667");
                            mapping.isPrimarySector = true;
                            stamp(mapping);
                            return mapping;
                        })),
                mapping -> mapping.id,
                loaded -> assertThat(loaded.isPrimarySector).isTrue());
    }

    @Test
    @RunOnVertxContext
    void shouldReturnCryptoSectorMappingDefaultsWhenOnlyRequiredFieldsAreSet(UniAsserter asserter) {
        Consumer<CryptoSectorMapping> defaults = mapping -> {
            assertThat(mapping.isPrimarySector).isFalse();
            assertThat(mapping.allocationPercentage).isNull();
            assertThat(mapping.createdAt).isNotNull();
            assertThat(mapping.updatedAt).isNotNull();
        };
        assertDefaults(
                asserter,
                sectorMappings,
                () -> persistCrypto()
                        .chain(asset -> persistSector().map(sector -> {
                            CryptoSectorMapping mapping = new CryptoSectorMapping();
                            mapping.cryptoId = asset.id;
                            mapping.sectorId = sector.id;
                            return mapping;
                        })),
                mapping -> mapping.id,
                defaults);
        AtomicReference<Long> cryptoId = new AtomicReference<>();
        AtomicReference<Long> sectorId = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> persistCrypto()
                .invoke(asset -> cryptoId.set(asset.id))
                .chain(ignored -> persistSector())
                .invoke(sector -> sectorId.set(sector.id))));
        assertDatabaseDefaults(
                asserter,
                "insert into crypto_sector_mapping (crypto_id, sector_id) values (:cryptoId, :sectorId)",
                () -> Map.of("cryptoId", cryptoId.get(), "sectorId", sectorId.get()),
                () -> sectorMappings
                        .find(
                                "cryptoId = :cryptoId and sectorId = :sectorId",
                                Parameters.with("cryptoId", cryptoId.get()).and("sectorId", sectorId.get()))
                        .firstResult(),
                defaults);
    }

    // ---------------------------------------------------------------------------------------------------
    // mapping completeness
    // ---------------------------------------------------------------------------------------------------

    @Test
    @RunOnVertxContext
    void shouldMapEveryColumnWhenComparedWithTheMigrations(UniAsserter asserter) {
        Map<String, Class<?>> tables = new LinkedHashMap<>();
        tables.put("users", User.class);
        tables.put("user_sessions", UserSession.class);
        tables.put("user_activities", UserActivity.class);
        tables.put("cryptocurrencies", Cryptocurrency.class);
        tables.put("price_data", PriceData.class);
        tables.put("price_data_archive", PriceDataArchive.class);
        tables.put("market_regime_analysis", MarketRegimeAnalysis.class);
        tables.put("market_sentiment_data", MarketSentimentData.class);
        tables.put("dominance_data", DominanceData.class);
        tables.put("macro_indicators", MacroIndicator.class);
        tables.put("crypto_sectors", CryptoSector.class);
        tables.put("sector_performance", SectorPerformance.class);
        tables.put("sector_rotation_analysis", SectorRotationAnalysis.class);
        tables.put("crypto_sector_mapping", CryptoSectorMapping.class);
        tables.forEach((table, type) -> asserter.assertThat(
                () -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "select cast(column_name as text) from information_schema.columns"
                                                + " where table_schema = current_schema() and table_name = :table",
                                        String.class)
                                .setParameter("table", table)
                                .getResultList())),
                columns -> {
                    Set<String> mapped = new TreeSet<>();
                    columnFields(type).forEach(field -> mapped.add(columnName(field)));
                    assertThat(new TreeSet<>(columns)).as(table).isNotEmpty().isEqualTo(mapped);
                    assertThat(type.getAnnotation(jakarta.persistence.Table.class)
                                    .name())
                            .isEqualTo(table);
                }));
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------

    /**
     * Persists the entity built by {@code create} (parents included) in one transaction, reloads it in a new
     * session and compares every mapped column.
     */
    private <E> void assertRoundTrip(
            UniAsserter asserter,
            PanacheRepositoryBase<E, Long> repository,
            Supplier<Uni<E>> create,
            Function<E, Long> idOf,
            Consumer<E> moreChecks) {
        AtomicReference<E> saved = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> create.get().chain(repository::persist))
                .invoke(saved::set));
        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(idOf.apply(saved.get()))), loaded -> {
            assertThat(loaded).isNotNull().isNotSameAs(saved.get());
            assertEveryColumnEqual(saved.get(), loaded);
            moreChecks.accept(loaded);
        });
    }

    /** Persists an entity with only its required fields, reloads it in a new session and checks the defaults. */
    private <E> void assertDefaults(
            UniAsserter asserter,
            PanacheRepositoryBase<E, Long> repository,
            Supplier<Uni<E>> create,
            Function<E, Long> idOf,
            Consumer<E> defaults) {
        AtomicReference<E> saved = new AtomicReference<>();
        asserter.execute(() -> Panache.withTransaction(() -> create.get().chain(repository::persist))
                .invoke(saved::set));
        asserter.assertThat(() -> Panache.withSession(() -> repository.findById(idOf.apply(saved.get()))), loaded -> {
            assertThat(loaded).isNotNull().isNotSameAs(saved.get());
            defaults.accept(loaded);
        });
    }

    /**
     * Inserts a row with SQL naming only the required columns, so the migration's defaults apply, then loads it
     * through the entity and checks the same defaults the entity initialises its fields with. The parameters are
     * read when the step runs (after earlier steps created the parent rows).
     */
    private <E> void assertDatabaseDefaults(
            UniAsserter asserter,
            String insertSql,
            Supplier<Map<String, Object>> parameters,
            Supplier<Uni<E>> find,
            Consumer<E> defaults) {
        asserter.execute(() ->
                Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(insertSql);
                    parameters.get().forEach(query::setParameter);
                    return query.executeUpdate();
                })));
        asserter.assertThat(() -> Panache.withSession(find::get), loaded -> {
            assertThat(loaded).as("row inserted by SQL").isNotNull();
            defaults.accept(loaded);
        });
    }

    /**
     * Columns a database trigger rewrites on insert: V040 resets a new candle's indicators for the compute job,
     * which also stamps its updated_at.
     */
    private static final java.util.Set<String> RESET_ON_INSERT = java.util.Set.of("price_data.technical_indicators");

    private static final java.util.Set<String> RESTAMPED_ON_INSERT = java.util.Set.of("price_data.updated_at");

    private static void assertEveryColumnEqual(Object expected, Object actual) {
        String table = expected.getClass()
                .getAnnotation(jakarta.persistence.Table.class)
                .name();
        for (Field field : columnFields(expected.getClass())) {
            String column = columnName(field);
            if (RESET_ON_INSERT.contains(table + "." + column)) {
                assertThat(read(field, actual))
                        .as("%s is reset on insert", column)
                        .isNull();
                continue;
            }
            if (RESTAMPED_ON_INSERT.contains(table + "." + column)) {
                assertThat(read(field, actual))
                        .as("%s is stamped on insert", column)
                        .isNotNull();
                continue;
            }
            Object want = read(field, expected);
            Object got = read(field, actual);
            assertThat(want).as("%s was set before persisting", column).isNotNull();
            if (want instanceof BigDecimal wantDecimal) {
                Column annotation = field.getAnnotation(Column.class);
                // numeric(p,s) reads back at scale s; a plain numeric (no precision: base_volume, quote_volume)
                // keeps the scale each value was written with
                int scale = annotation.precision() == 0 ? wantDecimal.scale() : annotation.scale();
                assertThat(wantDecimal.scale())
                        .as("%s test value scale", column)
                        .isEqualTo(scale);
                assertThat((BigDecimal) got).as(column).isEqualByComparingTo(wantDecimal);
                assertThat(((BigDecimal) got).scale()).as("%s scale", column).isEqualTo(scale);
            } else if (want instanceof Instant wantInstant) {
                assertThat(wantInstant.getNano() % 1_000)
                        .as("%s has microsecond precision", column)
                        .isZero();
                assertThat(got).as(column).isEqualTo(wantInstant);
            } else {
                assertThat(got).as(column).isEqualTo(want);
            }
        }
    }

    private static List<Field> columnFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Column.class) || field.isAnnotationPresent(Id.class)) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static String columnName(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null ? column.name() : "id";
    }

    private static Object read(Field field, Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets created_at (and so updated_at, which {@link AuditListener} copies on insert) to a value with micros. */
    private static void stamp(CreatedEntity entity) {
        entity.createdAt = micros("2024-01-02T03:04:05.123456Z");
    }

    /** A JSON object with nested objects, arrays, numbers, booleans, a null and non-ASCII text. */
    private static Map<String, Object> json() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("period", 14);
        nested.put("value", 61.25);
        nested.put("history", List.of(58.5, 60, -0.125));
        nested.put("missing", null);
        Map<String, Object> json = new HashMap<>();
        json.put("rsi", nested);
        json.put("macd", Map.of("signal", "bullish", "crossed", true, "bars", List.of(Map.of("h", -0.5), Map.of())));
        json.put("big", 9_007_199_254_740_993L);
        json.put("label", "Ωmega ✓");
        json.put("enabled", false);
        return json;
    }

    private Uni<User> persistUser() {
        User user = new User();
        user.email = "parent+" + suffix() + "@example.org";
        user.passwordHash = "hash";
        return users.persist(user);
    }

    private Uni<UserSession> persistSession(Long userId) {
        UserSession session = new UserSession();
        session.userId = userId;
        session.sessionToken = "sid-" + suffix();
        session.refreshToken = sha256Like("p" + suffix());
        session.expiresAt = micros("2031-01-01T00:00:00Z");
        return userSessions.persist(session);
    }

    private Uni<Cryptocurrency> persistCrypto() {
        Cryptocurrency asset = new Cryptocurrency();
        asset.symbol = "P" + suffix();
        asset.name = "Parent asset";
        return cryptocurrencies.persist(asset);
    }

    private Uni<CryptoSector> persistSector() {
        CryptoSector sector = new CryptoSector();
        sector.name = "Sector " + suffix();
        return sectors.persist(sector);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A 64-character lowercase hex string derived from {@code seed}, shaped like a SHA-256 digest. */
    private static String sha256Like(String seed) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant micros(String iso) {
        return Instant.parse(iso);
    }

    private static InetAddress inet(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
