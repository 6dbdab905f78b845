package org.coinpilot.identity.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Maps {@link SubscriptionPlan} to its lowercase database value. */
@Converter(autoApply = false)
public class SubscriptionPlanConverter implements AttributeConverter<SubscriptionPlan, String> {

    @Override
    public String convertToDatabaseColumn(SubscriptionPlan plan) {
        return plan == null ? null : plan.dbValue();
    }

    @Override
    public SubscriptionPlan convertToEntityAttribute(String value) {
        return value == null ? null : SubscriptionPlan.fromDbValue(value);
    }
}
