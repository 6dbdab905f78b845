package org.coinpilot.prediction.domain.forecast;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training of a method on one series (docs/predictions.md "Baseline models"). The series is split in time:
 * the last {@code holdoutFraction} of the origins (at least {@value #MIN_ORIGINS}) is the held-out part, never seen
 * while choosing; the candidates of the method's grid are scored walk-forward on the validation origins just before
 * it (the last quarter of the rest, at least {@value #MIN_ORIGINS}, whose outcomes all lie before the held-out part)
 * and the one with the lowest MAE is chosen (the first of the grid on a tie; a candidate needing more history than lies
 * before the validation part is left out); the chosen one and the naive forecast
 * are then scored on the held-out part.
 */
public final class Training {

    public static final int MIN_ORIGINS = 30;

    /** Where the parts start: validation origins [validationFrom, heldOutFrom - horizon), held-out [heldOutFrom, n). */
    public record Split(int validationFrom, int heldOutFrom) {}

    /** What one training found. */
    public record Result(
            String method,
            Forecaster chosen,
            Map<String, Double> validationMae,
            WalkForward.Metrics heldOut,
            WalkForward.Metrics naiveHeldOut,
            Split split) {}

    private final double[] closes;
    private final double[] logCloses;
    private final double[] sigma;
    private final int horizon;
    private final Split split;

    public Training(double[] closes, int horizon, double holdoutFraction) {
        this.closes = closes.clone();
        this.logCloses = WalkForward.logs(this.closes);
        this.sigma = EwmaVolatility.series(logCloses);
        this.horizon = horizon;
        this.split = split(closes.length, horizon, holdoutFraction);
    }

    /** The split of a series of {@code n} closes; fails when there are too few for both parts. */
    public static Split split(int n, int horizon, double holdoutFraction) {
        int origins = n - horizon;
        int heldOut = Math.max(MIN_ORIGINS, (int) Math.floor(origins * holdoutFraction));
        int heldOutFrom = origins - heldOut;
        int rest = heldOutFrom - horizon; // origins whose outcome is known before the held-out part starts
        int validation = Math.max(MIN_ORIGINS, rest / 4);
        int validationFrom = rest - validation;
        if (validationFrom < MIN_ORIGINS) {
            throw new IllegalArgumentException("too few candles (" + n + ") for validation and held-out parts");
        }
        return new Split(validationFrom, heldOutFrom);
    }

    public Split split() {
        return split;
    }

    /** Chooses the method's candidate on validation and scores it on the held-out part. */
    public Result train(String method) {
        List<Forecaster> grid = Forecasters.grid(method);
        Map<String, Double> validation = new LinkedHashMap<>();
        Forecaster best = null;
        double bestMae = Double.POSITIVE_INFINITY;
        for (Forecaster candidate : grid) {
            if (candidate.warmUp(horizon) > split.validationFrom()) {
                continue; // needs more history than the series has before its validation part (e.g. a 365-day drift)
            }
            double mae = WalkForward.evaluate(
                            candidate,
                            closes,
                            logCloses,
                            sigma,
                            split.validationFrom(),
                            split.heldOutFrom() - horizon,
                            horizon)
                    .mae();
            validation.put(candidate.configuration().toString(), mae);
            if (mae < bestMae) {
                bestMae = mae;
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the series is too short for every " + method + " candidate");
        }
        return new Result(method, best, validation, heldOut(best), heldOut(new NaiveForecaster()), split);
    }

    /** Scores any forecaster (e.g. the active version's) on this training's held-out part. */
    public WalkForward.Metrics heldOut(Forecaster forecaster) {
        return WalkForward.evaluate(forecaster, closes, logCloses, sigma, split.heldOutFrom(), closes.length, horizon);
    }
}
