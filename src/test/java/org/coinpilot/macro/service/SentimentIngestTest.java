package org.coinpilot.macro.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.test.TestClock;
import org.coinpilot.macro.client.FearGreedClient;
import org.coinpilot.macro.job.SentimentIngestJob;
import org.coinpilot.macro.testing.FakeMacroProviders;
import org.coinpilot.macro.testing.FakeMacroProviders.Fault;
import org.coinpilot.macro.testing.FakeMacroProviders.Fng;
import org.coinpilot.macro.testing.MacroTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code macro.sentiment.ingest} against the fake alternative.me: history, daily runs, holes, labels, faults. */
@QuarkusTest
class SentimentIngestTest {

    static final LocalDate FIRST = LocalDate.parse("2024-01-01");
    static final Instant NOW = Instant.parse("2024-01-21T06:00:00Z");

    @Inject
    Pool pool;

    @Inject
    FearGreedClient client;

    @BeforeEach
    void setUp() {
        MacroTestData.truncate(pool);
        FakeMacroProviders.reset();
        client.gate().reset();
        TestClock.set(NOW);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
        FakeMacroProviders.reset();
        client.gate().reset();
    }

    /** 2024-01-01 … 2024-01-20 except the 10th (a hole at the provider); value 40 + day, label by our own band. */
    static List<Fng> history(int days) {
        List<Fng> list = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = FIRST.plusDays(i);
            if (day.getDayOfMonth() != 10) {
                list.add(new Fng(day, Integer.toString(40 + i), i % 2 == 0 ? "Fear" : "Neutral"));
            }
        }
        return list;
    }

    @Test
    void shouldFetchTheWholeHistoryThenOnlyNewDaysWhenRunTwice() {
        FakeMacroProviders.fearGreed(history(20));

        JsonPath first = MacroTestData.runJob(SentimentIngestJob.NAME);

        assertThat(first.getString("status")).isEqualTo("COMPLETED");
        assertThat(first.getBoolean("result.fullHistory")).isTrue();
        assertThat(first.getInt("result.inserted")).isEqualTo(19);
        assertThat(FakeMacroProviders.requests()).singleElement().asString().contains("limit=0");

        FakeMacroProviders.fearGreed(history(21));
        TestClock.set(NOW.plusSeconds(86_400));
        JsonPath second = MacroTestData.runJob(SentimentIngestJob.NAME);

        assertThat(second.getBoolean("result.fullHistory")).isFalse();
        assertThat(second.getInt("result.inserted")).isEqualTo(1);
        assertThat(second.getInt("result.updated")).isZero();
        // the newest stored day is 2024-01-20, today 2024-01-22: 2 days + 2
        assertThat(FakeMacroProviders.requests().get(1)).contains("limit=4");
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM market_sentiment_data"))
                .isEqualTo(20);
    }

    @Test
    void shouldLeaveProviderHolesMissingAndKeepLabelsAsReceivedWhenStoring() {
        FakeMacroProviders.fearGreed(history(20));

        MacroTestData.runJob(SentimentIngestJob.NAME);

        assertThat(MacroTestData.count(
                        pool, "SELECT count(*) FROM market_sentiment_data WHERE observed_on = '2024-01-10'"))
                .isZero();
        Row row = MacroTestData.rows(
                        pool,
                        "SELECT fear_greed_index::text AS v, classification, provider, social_sentiment,"
                                + " analysis_metrics::text AS m FROM market_sentiment_data WHERE observed_on = '2024-01-12'")
                .get(0);
        assertThat(row.getString("v")).isEqualTo("51.00");
        assertThat(row.getString("classification")).isEqualTo("Neutral");
        assertThat(row.getString("provider")).isEqualTo("alternative.me");
        assertThat(row.getValue("social_sentiment")).isNull();
        // 7 days ending 2024-01-12: the 6th .. 12th without the 10th → (45+46+47+48+50+51)/6 = 47.83;
        // change1d against the 11th (50), change7d against the 5th (44); the 11th has no change1d (the 10th is missing)
        assertThat(row.getString("m"))
                .contains("\"days7d\": 6", "\"average7d\": 47.83", "\"change1d\": 1.00", "\"change7d\": 7.00");
        assertThat(MacroTestData.rows(
                                pool,
                                "SELECT analysis_metrics ->> 'change1d' AS c FROM market_sentiment_data"
                                        + " WHERE observed_on = '2024-01-11'")
                        .get(0)
                        .getString("c"))
                .isNull();
    }

    @Test
    void shouldKeepTheLastGoodValuesAndFailTheRunWhenTheProviderIsDown() {
        FakeMacroProviders.fearGreed(history(20));
        MacroTestData.runJob(SentimentIngestJob.NAME);
        FakeMacroProviders.fail("/fng/", Fault.status(503), Fault.status(503));

        JsonPath run = MacroTestData.runJob(SentimentIngestJob.NAME);

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("alternative.me", "503");
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM market_sentiment_data"))
                .isEqualTo(19);
        assertThat(MacroTestData.count(
                        pool,
                        "SELECT count(*) FROM external_api_logs WHERE api_provider = 'alternative.me'"
                                + " AND response_status = 503 AND error_message LIKE 'HTTP 503%'"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldWaitOutA429AndRetryWhenRateLimited() {
        FakeMacroProviders.fearGreed(history(5));
        FakeMacroProviders.fail("/fng/", Fault.retryAfter(1));

        JsonPath run = MacroTestData.runJob(SentimentIngestJob.NAME);

        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getInt("result.inserted")).isEqualTo(5);
        assertThat(MacroTestData.count(
                        pool,
                        "SELECT count(*) FROM external_api_logs WHERE api_provider = 'alternative.me'"
                                + " AND response_status = 429"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldFailWithoutWritingWhenTheBodyIsMalformed() {
        FakeMacroProviders.fearGreed(history(5));
        FakeMacroProviders.fail("/fng/", Fault.malformed());

        JsonPath run = MacroTestData.runJob(SentimentIngestJob.NAME);

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("malformed");
        assertThat(MacroTestData.count(pool, "SELECT count(*) FROM market_sentiment_data"))
                .isZero();
    }
}
