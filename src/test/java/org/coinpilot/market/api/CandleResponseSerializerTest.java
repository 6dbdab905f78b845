package org.coinpilot.market.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandleResponseSerializerTest {

    @Test
    void shouldFormatLikeIsoInstantWhenTheTimeIsAnyInstant() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("-1000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(min, max);
            int nanos = i % 4 == 0 ? random.nextInt(1_000_000_000) : 0;
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(CandleResponseSerializer.iso(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        for (String edge : new String[] {
            "0999-12-31T23:59:59Z", "1000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2024-02-29T23:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2024-01-01T00:00:00.5Z"
        }) {
            Instant instant = Instant.parse(edge);
            assertThat(CandleResponseSerializer.iso(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }
}
