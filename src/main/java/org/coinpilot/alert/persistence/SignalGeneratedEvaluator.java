package org.coinpilot.alert.persistence;

import jakarta.inject.Singleton;
import org.coinpilot.alert.domain.AlertType;

/** {@code signal_generated}: every new trading signal on the alert's asset, read from signal's published view {@code signal_events} ({@code alert/sql/signal_generated.sql}). */
@Singleton
public class SignalGeneratedEvaluator extends SqlFileEvaluator {

    public SignalGeneratedEvaluator() {
        super(AlertType.SIGNAL_GENERATED);
    }
}
