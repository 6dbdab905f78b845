package org.coinpilot.common.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The schedule slot of a job is its {@code every} interval, read as Quarkus reads it. */
class JobRunnerIntervalTest {

    @Test
    void shouldReadEveryLikeTheQuarkusScheduler() {
        assertThat(JobRunner.interval("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(JobRunner.interval("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(JobRunner.interval("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(JobRunner.interval("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(JobRunner.interval("PT90S")).isEqualTo(Duration.ofSeconds(90));
    }
}
