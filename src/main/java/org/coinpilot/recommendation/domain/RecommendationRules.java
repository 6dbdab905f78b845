package org.coinpilot.recommendation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The generator's rules (docs/recommendations.md, "Types and their rules"), pure: from the users' watched assets and
 * held positions, the active signals and the latest prices, the recommendations that apply now. Deterministic: the
 * same inputs give the same candidates in the same order, with the same payloads. Amounts are exact
 * {@code BigDecimal}; USD rounded to 8 decimals, percentages to 4, quantities to 8 (sizes down, never above the risk).
 */
public final class RecommendationRules {

    static final int USD = 8;
    static final int PERCENT = 4;
    static final int QUANTITY = 8;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RecommendationRules() {}

    /**
     * Settings ({@code coinpilot.recommendation.*}).
     *
     * @param expiry how long a recommendation stays pending (an entry: at most until its signal expires)
     * @param horizon horizon of the outcome when the signal gives none
     * @param riskLimitPercent largest risk of one position (distance to its stop × quantity) in % of the book's value
     * @param rebalanceTolerancePercent percentage points a weight may drift from its allocation target
     * @param sizingCapitalUsd capital of the sizing when the user's book has no priced value
     * @param sizingRiskPercent share of the capital risked on one entry, in %
     * @param highRiskReward an entry whose signal has at least this risk-reward ratio is HIGH priority
     */
    public record Settings(
            Duration expiry,
            Duration horizon,
            BigDecimal riskLimitPercent,
            BigDecimal rebalanceTolerancePercent,
            BigDecimal sizingCapitalUsd,
            BigDecimal sizingRiskPercent,
            BigDecimal highRiskReward) {}

    /** An asset on a user's personal watchlist. */
    public record Watched(long userId, long watchlistId, long cryptoId) {}

    /** An active signal. */
    public record Signal(
            long id,
            long cryptoId,
            Long predictionId,
            boolean isShort,
            BigDecimal entry,
            BigDecimal target,
            BigDecimal stop,
            BigDecimal riskReward,
            Integer horizonHours,
            Instant createdAt,
            Instant expiresAt) {}

    /** A position holding a quantity. */
    public record Held(
            long id,
            long userId,
            Long cryptoId,
            String symbol,
            boolean isShort,
            BigDecimal quantity,
            BigDecimal entryPrice,
            BigDecimal stop,
            BigDecimal target,
            BigDecimal allocationTargetPercent) {}

    /** The latest stored close of an asset and the open time of its candle. */
    public record Price(BigDecimal close, Instant candleTime) {}

    /** A recommendation to insert (unless an open one has the same user, target, type and cause). */
    public record Candidate(
            long userId,
            Long cryptoId,
            TargetEntityType targetType,
            long targetId,
            RecommendationType type,
            String causeKey,
            String title,
            String summary,
            PriorityLevel priority,
            Map<String, Object> payload,
            Long predictionId,
            Instant expiresAt,
            Instant horizonEndsAt) {}

    /** A user's positions valued at the latest prices; {@code complete} when every one has a price. */
    record Book(BigDecimal value, boolean complete, Map<Long, BigDecimal> values) {}

    /** Every recommendation that applies at {@code now}, by user, then type, target and cause. */
    public static List<Candidate> generate(
            List<Watched> watched,
            List<Held> held,
            List<Signal> signals,
            Map<Long, Price> prices,
            Map<Long, String> symbols,
            Settings settings,
            Instant now) {
        Map<Long, List<Held>> heldByUser = new TreeMap<>();
        held.stream()
                .sorted(Comparator.comparingLong(Held::id))
                .forEach(h -> heldByUser
                        .computeIfAbsent(h.userId(), k -> new ArrayList<>())
                        .add(h));
        Map<Long, List<Watched>> watchedByUser = new TreeMap<>();
        watched.forEach(w -> watchedByUser
                .computeIfAbsent(w.userId(), k -> new ArrayList<>())
                .add(w));
        Map<Long, List<Signal>> signalsByAsset = new TreeMap<>();
        signals.stream()
                .sorted(Comparator.comparing(Signal::createdAt).thenComparingLong(Signal::id))
                .forEach(s -> signalsByAsset
                        .computeIfAbsent(s.cryptoId(), k -> new ArrayList<>())
                        .add(s));

        TreeSet<Long> users = new TreeSet<>(heldByUser.keySet());
        users.addAll(watchedByUser.keySet());
        List<Candidate> out = new ArrayList<>();
        for (long user : users) {
            List<Held> positions = heldByUser.getOrDefault(user, List.of());
            Book book = book(positions, prices);
            entries(
                    user,
                    watchedByUser.getOrDefault(user, List.of()),
                    signalsByAsset,
                    symbols,
                    book,
                    settings,
                    now,
                    out);
            for (Held h : positions) {
                exits(h, prices, signalsByAsset, settings, now, out);
            }
            for (Held h : positions) {
                risk(h, prices, book, settings, now, out);
            }
            for (Held h : positions) {
                rebalance(h, prices, book, settings, now, out);
            }
        }
        return out;
    }

    /** The value of each priced position {@code Q·A + dir·(price − A)·Q} (a long: {@code Q·price}) and their sum. */
    static Book book(List<Held> positions, Map<Long, Price> prices) {
        BigDecimal total = BigDecimal.ZERO;
        boolean complete = true;
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        for (Held h : positions) {
            Price price = h.cryptoId() == null ? null : prices.get(h.cryptoId());
            if (price == null) {
                complete = false;
                continue;
            }
            BigDecimal value = value(h, price.close());
            values.put(h.id(), value);
            total = total.add(value);
        }
        return new Book(total, complete, values);
    }

    static BigDecimal value(Held h, BigDecimal price) {
        BigDecimal entry = h.entryPrice() == null ? price : h.entryPrice();
        return h.quantity()
                .multiply(entry)
                .add(dir(h.isShort()).multiply(price.subtract(entry)).multiply(h.quantity()));
    }

    // --- entry (with position sizing) ---------------------------------------------------------------------------

    private static void entries(
            long user,
            List<Watched> watched,
            Map<Long, List<Signal>> signalsByAsset,
            Map<Long, String> symbols,
            Book book,
            Settings settings,
            Instant now,
            List<Candidate> out) {
        Map<Long, List<Long>> listsByAsset = new TreeMap<>();
        watched.forEach(w -> listsByAsset
                .computeIfAbsent(w.cryptoId(), k -> new ArrayList<>())
                .add(w.watchlistId()));
        for (Map.Entry<Long, List<Long>> asset : listsByAsset.entrySet()) {
            List<Long> lists = asset.getValue().stream().sorted().distinct().toList();
            for (Signal s : signalsByAsset.getOrDefault(asset.getKey(), List.of())) {
                out.add(entry(user, lists, s, symbols.get(s.cryptoId()), book, settings, now));
            }
        }
    }

    static Candidate entry(
            long user, List<Long> lists, Signal s, String symbol, Book book, Settings settings, Instant now) {
        String direction = s.isShort() ? "short" : "long";
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("signalId", s.id());
        inputs.put("symbol", symbol);
        inputs.put("signalType", direction);
        inputs.put("entryPrice", text(s.entry()));
        inputs.put("targetPrice", text(s.target()));
        inputs.put("stopLoss", text(s.stop()));
        inputs.put("riskRewardRatio", text(s.riskReward()));
        inputs.put("timeHorizonHours", s.horizonHours());
        inputs.put(
                "signalExpiresAt", s.expiresAt() == null ? null : s.expiresAt().toString());
        inputs.put("watchlistIds", lists);
        inputs.put("portfolioValueUsd", book.complete() ? text(usd(book.value())) : null);

        Map<String, Object> sizing = sizing(s, book, settings);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("sizing", sizing);

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("action", "open");
        plan.put("direction", direction);
        plan.put("referencePrice", text(s.entry()));
        plan.put("quantity", sizing.get("quantity"));
        plan.put("stop", text(s.stop()));
        plan.put("target", text(s.target()));

        Instant expires = now.plus(settings.expiry());
        if (s.expiresAt() != null && s.expiresAt().isBefore(expires)) {
            expires = s.expiresAt();
        }
        Duration horizon = s.horizonHours() == null ? settings.horizon() : Duration.ofHours(s.horizonHours());
        PriorityLevel priority = s.riskReward() != null && s.riskReward().compareTo(settings.highRiskReward()) >= 0
                ? PriorityLevel.HIGH
                : PriorityLevel.MEDIUM;
        String name = symbol == null ? "asset " + s.cryptoId() : symbol;
        String summary = "A " + direction + " signal is active on " + name + " (entry " + text(s.entry()) + ", stop "
                + text(s.stop()) + ", target " + text(s.target()) + ")"
                + (sizing.get("quantity") == null
                        ? "."
                        : "; risking " + sizing.get("riskPercent") + " % of " + sizing.get("capitalUsd")
                                + " USD gives a quantity of " + sizing.get("quantity") + ".");
        return new Candidate(
                user,
                s.cryptoId(),
                TargetEntityType.WATCHLIST,
                lists.get(0),
                RecommendationType.ENTRY,
                "signal:" + s.id(),
                "Enter " + direction + " " + name,
                summary,
                priority,
                payload("entry.active_signal_on_watched_asset", inputs, numbers, plan),
                s.predictionId(),
                expires,
                now.plus(horizon));
    }

    /**
     * Position sizing: {@code quantity = capital × risk % / |entry − stop|}, rounded down to 8 decimals; capped at
     * {@code capital / entry} (no leverage). Capital: the user's book at the latest prices when it is complete and
     * positive, else the configured capital. No stop (or a stop at the entry): no quantity, with the reason.
     */
    static Map<String, Object> sizing(Signal s, Book book, Settings settings) {
        boolean fromBook = book.complete() && book.value().signum() > 0;
        BigDecimal capital = fromBook ? usd(book.value()) : settings.sizingCapitalUsd();
        Map<String, Object> sizing = new LinkedHashMap<>();
        sizing.put("formula", "quantity = capitalUsd × riskPercent / 100 / |entry − stop|");
        sizing.put("capitalUsd", text(capital));
        sizing.put("capitalSource", fromBook ? "portfolio" : "config");
        sizing.put("riskPercent", text(settings.sizingRiskPercent()));
        if (s.stop() == null || s.stop().compareTo(s.entry()) == 0) {
            sizing.put("quantity", null);
            sizing.put("reason", "the signal has no stop loss");
            return sizing;
        }
        BigDecimal riskAmount =
                usd(capital.multiply(settings.sizingRiskPercent()).divide(HUNDRED));
        BigDecimal distance = s.entry().subtract(s.stop()).abs();
        BigDecimal quantity = riskAmount.divide(distance, QUANTITY, RoundingMode.DOWN);
        boolean capped = false;
        if (quantity.multiply(s.entry()).compareTo(capital) > 0) {
            quantity = capital.divide(s.entry(), QUANTITY, RoundingMode.DOWN);
            capped = true;
        }
        sizing.put("riskAmountUsd", text(riskAmount));
        sizing.put("stopDistance", text(distance));
        sizing.put("quantity", text(quantity));
        sizing.put("notionalUsd", text(usd(quantity.multiply(s.entry()))));
        sizing.put("cappedByCapital", capped);
        return sizing;
    }

    // --- exit ---------------------------------------------------------------------------------------------------

    private static void exits(
            Held h,
            Map<Long, Price> prices,
            Map<Long, List<Signal>> signalsByAsset,
            Settings settings,
            Instant now,
            List<Candidate> out) {
        if (h.cryptoId() == null) {
            return;
        }
        Price price = prices.get(h.cryptoId());
        BigDecimal d = dir(h.isShort());
        if (price != null) {
            BigDecimal p = price.close();
            if (h.stop() != null && d.multiply(p.subtract(h.stop())).signum() <= 0) {
                out.add(exit(
                        h,
                        price,
                        "stop_reached",
                        "the latest price " + text(p) + " reached the stop " + text(h.stop()),
                        PriorityLevel.URGENT,
                        null,
                        settings,
                        now));
            } else if (h.target() != null && d.multiply(p.subtract(h.target())).signum() >= 0) {
                out.add(exit(
                        h,
                        price,
                        "target_reached",
                        "the latest price " + text(p) + " reached the target " + text(h.target()),
                        PriorityLevel.HIGH,
                        null,
                        settings,
                        now));
            }
        }
        List<Signal> opposite = signalsByAsset.getOrDefault(h.cryptoId(), List.of()).stream()
                .filter(s -> s.isShort() != h.isShort())
                .toList();
        if (!opposite.isEmpty()) {
            Signal newest = opposite.get(opposite.size() - 1);
            out.add(exit(
                    h,
                    price,
                    "signal_reversed:" + newest.id(),
                    "a " + (newest.isShort() ? "short" : "long") + " signal (" + newest.id()
                            + ") is active against this " + (h.isShort() ? "short" : "long") + " position",
                    PriorityLevel.HIGH,
                    newest,
                    settings,
                    now));
        }
    }

    private static Candidate exit(
            Held h,
            Price price,
            String cause,
            String why,
            PriorityLevel priority,
            Signal signal,
            Settings settings,
            Instant now) {
        Map<String, Object> inputs = positionInputs(h, price);
        if (signal != null) {
            inputs.put("signalId", signal.id());
            inputs.put("signalType", signal.isShort() ? "short" : "long");
            inputs.put("signalEntryPrice", text(signal.entry()));
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        Map<String, Object> plan = null;
        if (price != null) {
            BigDecimal d = dir(h.isShort());
            BigDecimal entry = h.entryPrice() == null ? price.close() : h.entryPrice();
            numbers.put(
                    "unrealizedPnlUsd",
                    text(usd(d.multiply(price.close().subtract(entry)).multiply(h.quantity()))));
            plan = plan("close", h, price);
        }
        String rule = cause.startsWith("signal_reversed") ? "exit.signal_reversed" : "exit." + cause;
        return new Candidate(
                h.userId(),
                h.cryptoId(),
                TargetEntityType.PORTFOLIO,
                h.id(),
                RecommendationType.EXIT,
                cause,
                "Exit " + (h.isShort() ? "short " : "long ") + h.symbol(),
                "Close the position: " + why + ".",
                priority,
                payload(rule, inputs, numbers, plan),
                signal == null ? null : signal.predictionId(),
                now.plus(settings.expiry()),
                plan == null ? null : now.plus(settings.horizon()));
    }

    // --- risk management ----------------------------------------------------------------------------------------

    private static void risk(
            Held h, Map<Long, Price> prices, Book book, Settings settings, Instant now, List<Candidate> out) {
        Price price = h.cryptoId() == null ? null : prices.get(h.cryptoId());
        boolean valued = price != null && book.complete() && book.value().signum() > 0;
        BigDecimal d = dir(h.isShort());
        Map<String, Object> inputs = positionInputs(h, price);
        inputs.put("portfolioValueUsd", book.complete() ? text(usd(book.value())) : null);
        inputs.put("riskLimitPercent", text(settings.riskLimitPercent()));
        Map<String, Object> numbers = new LinkedHashMap<>();
        if (h.stop() == null) {
            BigDecimal suggested = valued ? suggestedStop(h, price.close(), book, settings) : null;
            numbers.put("suggestedStop", text(suggested));
            Map<String, Object> plan = suggested == null ? null : protect(h, price, suggested);
            out.add(riskCandidate(
                    h,
                    "no_stop",
                    "The position has no stop loss"
                            + (suggested == null
                                    ? "."
                                    : "; a stop at " + text(suggested) + " risks " + text(settings.riskLimitPercent())
                                            + " % of the book."),
                    PriorityLevel.HIGH,
                    inputs,
                    numbers,
                    plan,
                    settings,
                    now));
            return;
        }
        if (!valued) {
            return;
        }
        BigDecimal distance = d.multiply(price.close().subtract(h.stop()));
        if (distance.signum() <= 0) {
            return; // the stop is reached: the exit rule speaks
        }
        BigDecimal risk = distance.multiply(h.quantity());
        BigDecimal riskPercent = risk.multiply(HUNDRED).divide(book.value(), PERCENT, RoundingMode.HALF_EVEN);
        if (riskPercent.compareTo(settings.riskLimitPercent()) <= 0) {
            return;
        }
        BigDecimal suggested = suggestedStop(h, price.close(), book, settings);
        numbers.put("distanceToStop", text(distance));
        numbers.put("riskUsd", text(usd(risk)));
        numbers.put("riskPercent", text(riskPercent));
        numbers.put("suggestedStop", text(suggested));
        PriorityLevel priority =
                riskPercent.compareTo(settings.riskLimitPercent().multiply(BigDecimal.valueOf(2))) >= 0
                        ? PriorityLevel.URGENT
                        : PriorityLevel.HIGH;
        out.add(riskCandidate(
                h,
                "risk_above_limit",
                "The position risks " + text(riskPercent) + " % of the book to its stop, above the limit of "
                        + text(settings.riskLimitPercent()) + " %"
                        + (suggested == null ? "." : "; move the stop to " + text(suggested) + "."),
                priority,
                inputs,
                numbers,
                suggested == null ? null : protect(h, price, suggested),
                settings,
                now));
    }

    /** The stop at which the position risks exactly the limit: {@code price − dir × limit % × value / Q}; null ≤ 0. */
    static BigDecimal suggestedStop(Held h, BigDecimal price, Book book, Settings settings) {
        BigDecimal distance = settings.riskLimitPercent()
                .multiply(book.value())
                .divide(HUNDRED.multiply(h.quantity()), 18, RoundingMode.HALF_EVEN);
        BigDecimal stop = price.subtract(dir(h.isShort()).multiply(distance))
                .setScale(QUANTITY, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return stop.signum() > 0 ? stop : null;
    }

    private static Map<String, Object> protect(Held h, Price price, BigDecimal stop) {
        Map<String, Object> plan = plan("protect", h, price);
        plan.put("stop", text(stop));
        return plan;
    }

    private static Candidate riskCandidate(
            Held h,
            String cause,
            String summary,
            PriorityLevel priority,
            Map<String, Object> inputs,
            Map<String, Object> numbers,
            Map<String, Object> plan,
            Settings settings,
            Instant now) {
        return new Candidate(
                h.userId(),
                h.cryptoId(),
                TargetEntityType.PORTFOLIO,
                h.id(),
                RecommendationType.RISK_MANAGEMENT,
                cause,
                (cause.equals("no_stop") ? "Set a stop on " : "Reduce the risk of ") + h.symbol(),
                summary,
                priority,
                payload("risk_management." + cause, inputs, numbers, plan),
                null,
                now.plus(settings.expiry()),
                plan == null ? null : now.plus(settings.horizon()));
    }

    // --- rebalance ----------------------------------------------------------------------------------------------

    private static void rebalance(
            Held h, Map<Long, Price> prices, Book book, Settings settings, Instant now, List<Candidate> out) {
        BigDecimal value = book.values().get(h.id());
        if (h.allocationTargetPercent() == null
                || value == null
                || !book.complete()
                || book.value().signum() <= 0
                || value.signum() <= 0) {
            return;
        }
        BigDecimal weight = value.multiply(HUNDRED).divide(book.value(), PERCENT, RoundingMode.HALF_EVEN);
        BigDecimal drift = weight.subtract(h.allocationTargetPercent());
        BigDecimal tolerance = settings.rebalanceTolerancePercent();
        if (drift.abs().compareTo(tolerance) <= 0) {
            return;
        }
        // value is linear in Q, so scaling Q by target / weight brings the weight to the target
        BigDecimal exactWeight = value.multiply(HUNDRED).divide(book.value(), 18, RoundingMode.HALF_EVEN);
        BigDecimal delta = h.quantity()
                .multiply(h.allocationTargetPercent())
                .divide(exactWeight, 18, RoundingMode.HALF_EVEN)
                .subtract(h.quantity())
                .setScale(QUANTITY, RoundingMode.HALF_EVEN);
        Price price = prices.get(h.cryptoId());
        Map<String, Object> inputs = positionInputs(h, price);
        inputs.put("allocationTargetPercent", text(h.allocationTargetPercent()));
        inputs.put("tolerancePercent", text(tolerance));
        inputs.put("portfolioValueUsd", text(usd(book.value())));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("valueUsd", text(usd(value)));
        numbers.put("weightPercent", text(weight));
        numbers.put("driftPercent", text(drift));
        numbers.put("quantityDelta", text(delta));
        Map<String, Object> plan = plan("resize", h, price);
        plan.put("quantityDelta", text(delta));
        String cause = drift.signum() > 0 ? "overweight" : "underweight";
        PriorityLevel priority = drift.abs().compareTo(tolerance.multiply(BigDecimal.valueOf(2))) >= 0
                ? PriorityLevel.MEDIUM
                : PriorityLevel.LOW;
        out.add(new Candidate(
                h.userId(),
                h.cryptoId(),
                TargetEntityType.PORTFOLIO,
                h.id(),
                RecommendationType.REBALANCE,
                cause,
                "Rebalance " + h.symbol(),
                h.symbol() + " weighs " + text(weight) + " % of the book against a target of "
                        + text(h.allocationTargetPercent()) + " %; " + (delta.signum() < 0 ? "reduce" : "add")
                        + " " + text(delta.abs()) + ".",
                priority,
                payload("rebalance.allocation_drift", inputs, numbers, plan),
                null,
                now.plus(settings.expiry()),
                now.plus(settings.horizon())));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Object> positionInputs(Held h, Price price) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("positionId", h.id());
        inputs.put("symbol", h.symbol());
        inputs.put("direction", h.isShort() ? "short" : "long");
        inputs.put("quantity", text(h.quantity()));
        inputs.put("entryPrice", text(h.entryPrice()));
        inputs.put("stopLossPrice", text(h.stop()));
        inputs.put("takeProfitPrice", text(h.target()));
        inputs.put("latestPrice", price == null ? null : text(price.close()));
        inputs.put("latestCandleTime", price == null ? null : price.candleTime().toString());
        return inputs;
    }

    private static Map<String, Object> plan(String action, Held h, Price price) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("action", action);
        plan.put("direction", h.isShort() ? "short" : "long");
        plan.put("referencePrice", text(price.close()));
        plan.put("quantity", text(h.quantity()));
        return plan;
    }

    private static Map<String, Object> payload(
            String rule, Map<String, Object> inputs, Map<String, Object> numbers, Map<String, Object> plan) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rule", rule);
        payload.put("inputs", inputs);
        payload.put("numbers", numbers);
        payload.put("plan", plan);
        return payload;
    }

    static BigDecimal dir(boolean isShort) {
        return isShort ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    }

    static BigDecimal usd(BigDecimal amount) {
        return amount.setScale(USD, RoundingMode.HALF_EVEN);
    }

    /** A decimal as a plain string without trailing zeros (the payload's decimal strings); null stays null. */
    static String text(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
