package org.coinpilot.ops.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The operational tables the retention job may prune, each with what it keeps whatever its age. User data
 * (notifications and their delivery log, trades, alerts, sessions and the audit trail) is not here on purpose.
 */
public enum RetentionTable {
    /** Finished job runs; pending and running runs, and the newest run of every job, are kept. */
    BACKGROUND_TASKS("background_tasks"),
    /** Outbound provider calls. */
    EXTERNAL_API_LOGS("external_api_logs"),
    /** Health snapshots; the newest one is kept. */
    SYSTEM_HEALTH("system_health");

    private final String tableName;

    RetentionTable(String tableName) {
        this.tableName = tableName;
    }

    /** The table's name, as in configuration and job results. */
    public String tableName() {
        return tableName;
    }

    public static Optional<RetentionTable> byTableName(String name) {
        return Arrays.stream(values()).filter(t -> t.tableName.equals(name)).findFirst();
    }
}
