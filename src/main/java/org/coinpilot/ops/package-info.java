/**
 * Ops: background job runs and their records, outbound API call log, health snapshots, analytics
 * roll-ups, and the command-line entry point.
 *
 * <p>Owns tables: system_health, analytics_data, external_api_logs, background_tasks, api_request_stats.
 */
package org.coinpilot.ops;
