package org.coinpilot.portfolio.domain;

import org.coinpilot.common.persistence.LowercaseEnumConverter;

/** Volume compared with the average when the trade was made. Stored lowercase in {@code trade_actions.volume_profile}. */
public enum VolumeProfile {
    ABOVE_AVERAGE,
    BELOW_AVERAGE,
    NORMAL;

    /** Maps to the lowercase column value. */
    public static class Converter extends LowercaseEnumConverter<VolumeProfile> {
        public Converter() {
            super(VolumeProfile.class);
        }
    }
}
