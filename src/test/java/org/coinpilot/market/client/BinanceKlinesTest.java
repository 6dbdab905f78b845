package org.coinpilot.market.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.coinpilot.market.config.MarketConfig;
import org.coinpilot.market.domain.Kline;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.junit.jupiter.api.Test;

/** Binance's 12-field kline arrays: field 5 is base-asset volume, field 7 quote-asset volume. */
class BinanceKlinesTest {

    static BinanceClient client() {
        MarketConfig config = mock(MarketConfig.class);
        MarketConfig.Binance binance = mock(MarketConfig.Binance.class);
        when(config.binance()).thenReturn(binance);
        when(binance.weightLimit()).thenReturn(6000);
        when(binance.weightSafety()).thenReturn(0.8);
        when(binance.maxWait()).thenReturn(Duration.ofSeconds(60));
        return new BinanceClient(
                mock(BinanceRestClient.class), mock(ExternalApiLogService.class), new ObjectMapper(), config);
    }

    @Test
    void shouldKeepBaseAndQuoteVolumeExactlyAndTakeTheQuoteVolumeAsUsdWhenParsingKlines() throws Exception {
        // the shape Binance documents for GET /api/v3/klines (values of our own)
        String body = """
                [[1704067200000,"42283.58000000","44184.10000000","42180.77000000","44179.55000000",\
                "27174.29903000",1704153599999,"1169995682.02800140",1114623,"14331.73180000",\
                "617352094.56051940","0"],
                 [1704153600000,"44179.55000000","45879.63000000","44148.34000000","44946.91000000",\
                "0.00000000",1704239999999,"0.00000000",0,"0","0","0"]]""";

        List<Kline> klines = client().parseKlines(body);

        Kline first = klines.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(first.closeTime()).isEqualTo(Instant.parse("2024-01-01T23:59:59.999Z"));
        assertThat(first.baseVolume().toPlainString()).isEqualTo("27174.29903000");
        assertThat(first.quoteVolume().toPlainString()).isEqualTo("1169995682.02800140");
        assertThat(first.volume().toPlainString()).isEqualTo("1169995682.03");
        assertThat(first.volumeEstimated()).isFalse();
        assertThat(first.close().toPlainString()).isEqualTo("44179.55000000");
        assertThat(klines.get(1).baseVolume().toPlainString()).isEqualTo("0.00000000");
        assertThat(klines.get(1).volume().toPlainString()).isEqualTo("0.00");
    }
}
