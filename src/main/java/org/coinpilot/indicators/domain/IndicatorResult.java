package org.coinpilot.indicators.domain;

import java.util.Arrays;

/**
 * Output of a batch run: one array per output (in {@link IndicatorSpec#outputs()} order), each of the input length,
 * {@link Double#NaN} before the first value ("warm-up not satisfied"); and the state after the last bar, ready to
 * continue incrementally.
 */
public record IndicatorResult(IndicatorSpec spec, double[][] outputs, IndicatorState state) {

    /** The first (or only) output. */
    public double[] values() {
        return outputs[0];
    }

    /** The output named {@code name} (e.g. {@code signal} for MACD). */
    public double[] output(String name) {
        int i = spec.outputs().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(spec.key() + " has no output '" + name + "', only " + spec.outputs());
        }
        return outputs[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorResult r && spec.equals(r.spec) && Arrays.deepEquals(outputs, r.outputs);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.deepHashCode(outputs);
    }

    @Override
    public String toString() {
        return "IndicatorResult[" + spec.key() + ", " + outputs.length + " outputs of " + outputs[0].length + " bars]";
    }
}
