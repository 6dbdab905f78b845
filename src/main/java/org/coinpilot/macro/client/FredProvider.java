package org.coinpilot.macro.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.coinpilot.macro.config.MacroConfig;
import org.coinpilot.market.client.ProviderCalls;
import org.coinpilot.market.client.ProviderException;
import org.coinpilot.market.client.ProviderGate;
import org.coinpilot.market.client.ProviderPausedException;
import org.coinpilot.market.client.ProviderRejectedException;
import org.coinpilot.ops.service.ExternalApiLogService;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * FRED series observations ({@code /fred/series/observations?file_type=json}): our indicator names map to FRED series
 * ids through {@code coinpilot.macro.indicators.fred.series}. FRED writes {@code "."} for a day without a value
 * (a holiday): such days are left out. The API key is sent as a query parameter and never logged (the log row's
 * params omit it).
 */
@ApplicationScoped
public class FredProvider implements MacroIndicatorProvider {

    public static final String NAME = "fred";

    private final FredRestClient rest;
    private final ExternalApiLogService logs;
    private final ObjectMapper mapper;
    private final MacroConfig config;
    private final ProviderGate gate;

    public FredProvider(
            @RestClient FredRestClient rest, ExternalApiLogService logs, ObjectMapper mapper, MacroConfig config) {
        this.rest = rest;
        this.logs = logs;
        this.mapper = mapper;
        this.config = config;
        this.gate = new ProviderGate(NAME, 0, config.maxWait(), System::currentTimeMillis);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> indicators() {
        return new TreeSet<>(config.indicators().fred().series().keySet());
    }

    @Override
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 3,
            delay = 1000,
            jitter = 200,
            retryOn = ProviderException.class,
            abortOn = {ProviderRejectedException.class, ProviderPausedException.class, IllegalStateException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 20_000)
    @CircuitBreaker(
            requestVolumeThreshold = 6,
            failureRatio = 0.75,
            delay = 60_000,
            skipOn = {ProviderRejectedException.class, ProviderPausedException.class, IllegalStateException.class})
    public Uni<List<Observation>> observations(String indicator, LocalDate since) {
        String series = config.indicators().fred().series().get(indicator);
        String key = config.indicators().fred().apiKey().orElse(null);
        if (series == null || key == null) {
            return Uni.createFrom()
                    .failure(new IllegalStateException(
                            series == null
                                    ? "fred: no series configured for " + indicator
                                    : "fred: coinpilot.macro.indicators.fred.api-key is not set"));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("series_id", series);
        params.put("observation_start", since.toString());
        return ProviderCalls.call(
                NAME,
                "/fred/series/observations",
                params,
                1,
                gate,
                config.callTimeout(),
                logs,
                () -> rest.observations(series, key, "json", since.toString()),
                this::parse);
    }

    public ProviderGate gate() {
        return gate;
    }

    List<Observation> parse(String body) throws Exception {
        JsonNode observations = mapper.readTree(body).get("observations");
        if (observations == null || !observations.isArray()) {
            throw new IllegalArgumentException("fred: no observations array");
        }
        List<Observation> list = new ArrayList<>();
        for (JsonNode n : observations) {
            String value = n.get("value").asText();
            if (value.equals(".") || value.isBlank()) {
                continue; // no value that day (a market holiday): absent, not zero
            }
            list.add(new Observation(LocalDate.parse(n.get("date").asText()), new BigDecimal(value)));
        }
        return list;
    }
}
