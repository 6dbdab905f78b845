package org.coinpilot.alert.persistence;

import jakarta.inject.Singleton;
import org.coinpilot.alert.domain.AlertType;

/** {@code volume_spike}: latest volume >= k x the mean volume of the previous N candles ({@code alert/sql/volume_spike.sql}). */
@Singleton
public class VolumeSpikeEvaluator extends SqlFileEvaluator {

    public VolumeSpikeEvaluator() {
        super(AlertType.VOLUME_SPIKE);
    }
}
