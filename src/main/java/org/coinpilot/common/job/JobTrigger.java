package org.coinpilot.common.job;

/** Who started a run ({@code background_tasks.triggered_by}). */
public enum JobTrigger {
    /** The scheduler, from the job's configured interval or cron. */
    SCHEDULE,
    /** An admin through {@code POST /api/v1/admin/jobs/{name}/runs}. */
    ADMIN,
    /** The command line: {@code coinpilot job run NAME}. */
    CLI,
    /** The completion of another job that names this one in its {@code then} list. */
    CHAIN;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
