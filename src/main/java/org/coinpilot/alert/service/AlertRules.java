package org.coinpilot.alert.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coinpilot.alert.domain.AlertCondition;
import org.coinpilot.alert.domain.AlertFrequency;
import org.coinpilot.alert.domain.AlertType;
import org.coinpilot.alert.domain.NotificationMethod;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.indicators.service.IndicatorComputeService;

/** The shape rules of an alert that Bean Validation cannot express; every failure is a 400 naming the field. */
final class AlertRules {

    /** The operand key meaning the candle's close. */
    static final String CLOSE = "close";

    static final Map<AlertType, Set<AlertCondition>> CONDITIONS = Map.of(
            AlertType.PRICE_TARGET,
                    EnumSet.of(
                            AlertCondition.ABOVE,
                            AlertCondition.BELOW,
                            AlertCondition.CROSSES,
                            AlertCondition.CROSSES_UP,
                            AlertCondition.CROSSES_DOWN),
            AlertType.INDICATOR,
                    EnumSet.of(
                            AlertCondition.ABOVE,
                            AlertCondition.BELOW,
                            AlertCondition.CROSSES,
                            AlertCondition.CROSSES_UP,
                            AlertCondition.CROSSES_DOWN),
            AlertType.PERCENTAGE_CHANGE,
                    EnumSet.of(AlertCondition.MOVES_UP, AlertCondition.MOVES_DOWN, AlertCondition.PERCENTAGE_CHANGE),
            AlertType.VOLUME_SPIKE, EnumSet.of(AlertCondition.SPIKE));

    private static final Set<NotificationMethod> AVAILABLE =
            EnumSet.of(NotificationMethod.IN_APP, NotificationMethod.WEBHOOK, NotificationMethod.EMAIL);

    /** The full definition of an alert, as created or after a patch is applied. */
    record Spec(
            AlertType type,
            AlertCondition condition,
            BigDecimal triggerValue,
            Timeframe timeframe,
            Integer windowCandles,
            AlertFrequency frequency,
            Integer cooldownSeconds,
            String indicatorKey,
            String referenceKey,
            List<NotificationMethod> methods) {}

    /** An operand resolved: its canonical key and path literal (null for close). */
    record Operand(String key, String path) {}

    /** What validation resolved. */
    record Resolved(Operand indicator, Operand reference, List<NotificationMethod> methods) {}

    private AlertRules() {}

    static Resolved check(Spec spec, int maxWindow, IndicatorComputeService indicators) {
        AlertType type = spec.type();
        BigDecimal value = spec.triggerValue();
        if (type == AlertType.SIGNAL_GENERATED) {
            // every new trading signal on the asset fires it: there is no condition or level
            if (spec.condition() != null) {
                throw bad("condition", "must be absent for SIGNAL_GENERATED alerts (every new signal fires them)");
            }
            if (value != null) {
                throw bad("triggerValue", "must be absent for SIGNAL_GENERATED alerts");
            }
        } else {
            Set<AlertCondition> allowed = CONDITIONS.get(type);
            if (spec.condition() == null || !allowed.contains(spec.condition())) {
                throw bad("condition", "must be one of " + allowed + " for " + type + " alerts");
            }
        }
        if (value != null && (value.precision() - value.scale() > 20 || value.scale() > 18)) {
            throw bad("triggerValue", "must have at most 20 integer and 18 fraction digits");
        }
        switch (type) {
            case PRICE_TARGET -> positive("triggerValue", value, "the price level");
            case PERCENTAGE_CHANGE -> positive("triggerValue", value, "the percentage x");
            case VOLUME_SPIKE -> positive("triggerValue", value, "the factor k");
            default -> {
                // INDICATOR: checked with the operands below
            }
        }
        boolean windowed = type == AlertType.PERCENTAGE_CHANGE || type == AlertType.VOLUME_SPIKE;
        if (windowed && spec.windowCandles() == null) {
            throw bad("windowCandles", "is required for " + type + " alerts (N candles)");
        }
        if (spec.windowCandles() != null) {
            if (spec.windowCandles() <= 0) {
                throw bad("windowCandles", "must be positive");
            }
            if (!windowed) {
                throw bad("windowCandles", "applies to PERCENTAGE_CHANGE and VOLUME_SPIKE alerts only");
            }
            if (spec.windowCandles() > maxWindow) {
                throw bad("windowCandles", "must be at most " + maxWindow);
            }
        }
        if (spec.cooldownSeconds() != null && spec.cooldownSeconds() <= 0) {
            throw bad("cooldownSeconds", "must be positive");
        }
        if (spec.frequency() == AlertFrequency.EVERY_TIME && spec.cooldownSeconds() == null) {
            throw bad("cooldownSeconds", "is required when frequency is EVERY_TIME");
        }
        Operand indicator = null;
        Operand reference = null;
        if (type == AlertType.INDICATOR) {
            if (spec.indicatorKey() == null || spec.indicatorKey().isBlank()) {
                throw bad("indicatorKey", "is required for INDICATOR alerts (close or a stored indicator key)");
            }
            indicator = operand("indicatorKey", spec.indicatorKey(), indicators);
            if (spec.referenceKey() != null) {
                reference = operand("referenceKey", spec.referenceKey(), indicators);
                if (value != null) {
                    throw bad("triggerValue", "must be absent when referenceKey is set (the level is the reference)");
                }
                if (reference.key().equals(indicator.key())) {
                    throw bad("referenceKey", "must differ from indicatorKey");
                }
            } else if (value == null) {
                throw bad("triggerValue", "is required (the level), unless referenceKey is set");
            }
        } else {
            if (spec.indicatorKey() != null) {
                throw bad("indicatorKey", "applies to INDICATOR alerts only");
            }
            if (spec.referenceKey() != null) {
                throw bad("referenceKey", "applies to INDICATOR alerts only");
            }
        }
        List<NotificationMethod> methods = new ArrayList<>();
        if (spec.methods() != null) {
            for (NotificationMethod method : spec.methods()) {
                if (method == null) {
                    throw bad("notificationMethods", "must not contain null");
                }
                if (!AVAILABLE.contains(method)) {
                    throw bad("notificationMethods", method + " is not available; use IN_APP, WEBHOOK or EMAIL");
                }
                if (!methods.contains(method)) {
                    methods.add(method);
                }
            }
        }
        if (methods.isEmpty()) {
            methods.add(NotificationMethod.IN_APP);
        }
        return new Resolved(indicator, reference, methods);
    }

    static void future(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw bad("expiresAt", "must be in the future");
        }
    }

    private static Operand operand(String field, String key, IndicatorComputeService indicators) {
        String text = key.trim();
        if (text.toLowerCase(Locale.ROOT).equals(CLOSE)) {
            return new Operand(CLOSE, null);
        }
        try {
            IndicatorComputeService.StoredValuePath path = indicators.storedValuePath(text);
            return new Operand(path.key(), path.pathLiteral());
        } catch (IllegalArgumentException e) {
            throw bad(field, e.getMessage());
        }
    }

    private static void positive(String field, BigDecimal value, String what) {
        if (value == null) {
            throw bad(field, "is required (" + what + ")");
        }
        if (value.signum() <= 0) {
            throw bad(field, "must be positive");
        }
    }

    static BadRequestProblemException bad(String field, String message) {
        return new BadRequestProblemException(field, "body", message);
    }
}
