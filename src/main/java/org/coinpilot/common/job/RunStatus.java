package org.coinpilot.common.job;

import java.util.Locale;

/**
 * The life of a run ({@code background_tasks.status}): PENDING → RUNNING → COMPLETED | FAILED, or
 * PENDING → SKIPPED when another run (on any replica) holds the job's advisory lock.
 */
public enum RunStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == SKIPPED;
    }
}
