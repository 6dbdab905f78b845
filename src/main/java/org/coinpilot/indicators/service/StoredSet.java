package org.coinpilot.indicators.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coinpilot.indicators.domain.Candles;
import org.coinpilot.indicators.domain.IndicatorKind;
import org.coinpilot.indicators.domain.IndicatorResult;
import org.coinpilot.indicators.domain.IndicatorSpec;

/**
 * The configured set of stored indicators and the seed's JSON shape of {@code price_data.technical_indicators}:
 * {@code {"RSI": 56.23, "MACD": {"value", "signal", "histogram"}, "SMA": {"50": …, "200": …}, "EMA": {"20": …},
 * "BB": {"upper", "middle", "lower"}, "ATR": {"14": …}}}.
 *
 * <p>Names are the kind in upper case. RSI, OBV and VWAP are plain numbers; multi-output kinds are objects by
 * output name; every other kind is an object by its parameter ({@code "50"}). Only values that exist at the candle
 * (warm-up satisfied) are present, never a NaN; a candle with none gets {@code {}}.
 */
final class StoredSet {

    private static final Set<IndicatorKind> SCALAR = Set.of(IndicatorKind.RSI, IndicatorKind.OBV, IndicatorKind.VWAP);

    private final List<IndicatorSpec> specs;

    private StoredSet(List<IndicatorSpec> specs) {
        this.specs = specs;
    }

    /** Parses and checks the configured keys; fails with {@link IllegalArgumentException} naming the bad key. */
    static StoredSet of(List<String> keys) {
        List<IndicatorSpec> specs = new ArrayList<>();
        Set<String> slots = new HashSet<>();
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                continue;
            }
            IndicatorSpec spec = IndicatorSpec.parse(key.trim());
            String slot = name(spec) + (parameter(spec) == null ? "" : "/" + parameter(spec));
            if (!slots.add(slot)) {
                throw new IllegalArgumentException("coinpilot.indicators.stored-set: '" + key
                        + "' would be stored under the same JSON key as an earlier entry (" + slot + ")");
            }
            specs.add(spec);
        }
        return new StoredSet(List.copyOf(specs));
    }

    List<IndicatorSpec> specs() {
        return specs;
    }

    /** Runs every indicator of the set over the candles (batch form). */
    IndicatorResult[] compute(Candles candles) {
        IndicatorResult[] results = new IndicatorResult[specs.size()];
        for (int k = 0; k < results.length; k++) {
            results[k] = specs.get(k).compute(candles);
        }
        return results;
    }

    /** The stored object at bar {@code i}. */
    Map<String, Object> valuesAt(IndicatorResult[] results, int i) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (IndicatorResult result : results) {
            IndicatorSpec spec = result.spec();
            String name = name(spec);
            List<String> outputs = spec.outputs();
            if (SCALAR.contains(spec.kind())) {
                double v = result.outputs()[0][i];
                if (!Double.isNaN(v)) {
                    json.put(name, v);
                }
            } else if (outputs.size() > 1) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int o = 0; o < outputs.size(); o++) {
                    double v = result.outputs()[o][i];
                    if (!Double.isNaN(v)) {
                        object.put(outputs.get(o), v);
                    }
                }
                if (!object.isEmpty()) {
                    json.put(name, object);
                }
            } else {
                double v = result.outputs()[0][i];
                if (!Double.isNaN(v)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> byParameter =
                            (Map<String, Object>) json.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
                    byParameter.put(parameter(spec), v);
                }
            }
        }
        return json;
    }

    /** See {@link IndicatorComputeService#storedValuePath(String)}. */
    IndicatorComputeService.StoredValuePath valuePath(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("must name a stored indicator, e.g. rsi_14 or macd_12_26_9.histogram");
        }
        String text = reference.trim();
        int dot = text.indexOf('.');
        // a dot inside a Bollinger multiplier (bb_20_2.5) is part of the key: the output is after the last dot that
        // is followed by a letter
        int last = text.lastIndexOf('.');
        String keyPart = text;
        String output = null;
        if (dot >= 0 && last + 1 < text.length() && Character.isLetter(text.charAt(last + 1))) {
            keyPart = text.substring(0, last);
            output = text.substring(last + 1);
        }
        IndicatorSpec spec = IndicatorSpec.parse(keyPart);
        IndicatorSpec stored =
                specs.stream().filter(s -> s.equals(spec)).findFirst().orElse(null);
        if (stored == null) {
            throw new IllegalArgumentException("'" + spec.key() + "' is not a stored indicator; stored: "
                    + specs.stream().map(IndicatorSpec::key).toList());
        }
        List<String> outputs = spec.outputs();
        String name = name(spec);
        if (outputs.size() > 1) {
            if (output == null || !outputs.contains(output)) {
                throw new IllegalArgumentException("'" + text + "' must name one output of " + spec.key() + ": "
                        + outputs.stream().map(o -> spec.key() + "." + o).toList());
            }
            return new IndicatorComputeService.StoredValuePath(spec.key() + "." + output, List.of(name, output));
        }
        if (output != null && !outputs.contains(output)) {
            throw new IllegalArgumentException("'" + text + "': " + spec.key() + " has no output '" + output + "'");
        }
        String parameter = parameter(spec);
        return new IndicatorComputeService.StoredValuePath(
                spec.key(), parameter == null ? List.of(name) : List.of(name, parameter));
    }

    static String name(IndicatorSpec spec) {
        return spec.kind().name();
    }

    /** The object key of a per-parameter kind ({@code "50"} for {@code sma_50}); null for the other kinds. */
    static String parameter(IndicatorSpec spec) {
        if (SCALAR.contains(spec.kind()) || spec.outputs().size() > 1) {
            return null;
        }
        return spec.key().substring(spec.kind().prefix().length() + 1);
    }
}
