package org.coinpilot.ops.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.domain.RetentionPolicy;
import org.coinpilot.ops.domain.RetentionTable;
import org.junit.jupiter.api.Test;

/** Configuration → policies, without Quarkus. */
class RetentionPoliciesTest {

    @Test
    void shouldLeaveOutATableWhenItIsDisabled() {
        Map<String, OpsConfig.Table> tables = new LinkedHashMap<>();
        tables.put("system_health", table("P30D", false, null));
        tables.put("external_api_logs", table("P14D", true, null));
        tables.put("background_tasks", table("P7D", true, 100));

        assertThat(RetentionService.policies(retention(tables, 5000)))
                .containsExactly(
                        new RetentionPolicy(RetentionTable.BACKGROUND_TASKS, Duration.ofDays(7), 100),
                        new RetentionPolicy(RetentionTable.EXTERNAL_API_LOGS, Duration.ofDays(14), 5000));
    }

    @Test
    void shouldPruneNothingWhenNoTableIsConfigured() {
        assertThat(RetentionService.policies(retention(Map.of(), 5000))).isEmpty();
    }

    @Test
    void shouldRefuseTheConfigurationWhenItNamesATableTheJobCannotPrune() {
        assertThatThrownBy(() ->
                        RetentionService.policies(retention(Map.of("notifications", table("P14D", true, null)), 5000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notifications");
    }

    @Test
    void shouldRefuseTheConfigurationWhenARetentionIsNotPositive() {
        assertThatThrownBy(() ->
                        RetentionService.policies(retention(Map.of("system_health", table("PT0S", true, null)), 5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("system_health");
    }

    static OpsConfig.Retention retention(Map<String, OpsConfig.Table> tables, int batchSize) {
        return new Retention(tables, batchSize, 20);
    }

    static OpsConfig.Table table(String keep, boolean enabled, Integer batchSize) {
        return new Table(Duration.parse(keep), enabled, Optional.ofNullable(batchSize));
    }

    // records rather than anonymous classes: Quarkus refuses anonymous classes that inherit validated methods
    record Retention(Map<String, OpsConfig.Table> tables, int batchSize, int maxBatches)
            implements OpsConfig.Retention {}

    record Table(Duration keep, boolean enabled, Optional<Integer> batchSize) implements OpsConfig.Table {}
}
