package org.coinpilot.market.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read benchmark compares the endpoint with pgbench running the statement the endpoint sends. */
class CandleRepositorySqlTest {

    @Test
    void shouldSendTheLatestStatementWhenOnlyTheNewestCandlesAreAsked() {
        assertThat(CandleRepository.pageSql(false, false, false, true, false, false))
                .isEqualTo(CandleRepository.LATEST);
    }

    @Test
    void shouldNameOnlyTheGivenBoundsWhenAPageHasSome() {
        assertThat(CandleRepository.pageSql(true, true, true, false, false, true))
                .isEqualTo("SELECT id, candle_time, open_price::text, high_price::text, low_price::text,"
                        + " close_price::text, volume::text, base_volume::text, quote_volume::text, technical_indicators"
                        + " FROM price_data WHERE crypto_id = $1 AND timeframe = $2"
                        + " AND candle_time >= $3 AND candle_time < $4 AND candle_time > $5"
                        + " ORDER BY candle_time LIMIT $6");
        assertThat(CandleRepository.pageSql(false, true, false, true, true, false))
                .isEqualTo("SELECT DISTINCT ON (candle_time) * FROM (SELECT id, candle_time, open_price::text,"
                        + " high_price::text, low_price::text, close_price::text, volume::text, base_volume::text,"
                        + " quote_volume::text, 0 AS source"
                        + " FROM price_data WHERE crypto_id = $1 AND timeframe = $2 AND candle_time < $3 UNION ALL"
                        + " SELECT id, candle_time, open_price::text, high_price::text, low_price::text,"
                        + " close_price::text, volume::text, base_volume::text, quote_volume::text, 1 AS source"
                        + " FROM price_data_archive"
                        + " WHERE crypto_id = $1 AND timeframe = $2 AND candle_time < $3) u"
                        + " ORDER BY candle_time DESC, source LIMIT $4");
    }

    @Test
    void shouldBenchTheSameStatementWhenPgbenchRunsLatest100() throws IOException {
        List<String> statements = Files.readAllLines(Path.of("bench/market/latest100.sql")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("--"))
                .toList();
        assertThat(statements)
                .containsExactly(CandleRepository.LATEST
                                .replace("$1", ":id")
                                .replace("$2", ":tf")
                                .replace("$3", ":lim")
                        + ";");
    }
}
