package org.coinpilot.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coinpilot.common.job.JobRunner;
import org.coinpilot.common.job.JobScheduler;
import org.coinpilot.common.job.JobScheduler.JobSchedule;
import org.junit.jupiter.api.Test;

/**
 * {@code src/main/kubernetes/knative.yml} holds exactly one CronJob per registered job (test jobs aside), on that job's
 * configured schedule: a job added or rescheduled without regenerating the file fails here. {@code -Dk8s.update=true}
 * rewrites the file. The generated manifest itself is checked after packaging by {@code GeneratedManifestsIT}.
 */
@QuarkusTest
class CronJobManifestTest {

    static final Path FILE = Path.of("src/main/kubernetes/knative.yml");

    @Inject
    JobRunner runner;

    @Inject
    JobScheduler scheduler;

    @Test
    void shouldHoldOneCronJobPerJobOnItsScheduleWhenTheManifestsAreBuilt() throws Exception {
        List<CronJobManifests.Entry> jobs = runner.jobs().stream()
                .filter(job -> !job.name().startsWith("test."))
                .map(job -> new CronJobManifests.Entry(job.name(), scheduler.scheduleOf(job)))
                .toList();
        String expected = CronJobManifests.render(jobs);
        if (Boolean.getBoolean("k8s.update")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE))
                .as("%s is out of date: run ./mvnw test -Dtest=CronJobManifestTest -Dk8s.update=true", FILE)
                .isEqualTo(expected);
        assertThat(jobs).isNotEmpty();
    }

    @Test
    void shouldTranslateIntervalsAndQuartzCronsIntoKubernetesSchedules() {
        assertThat(CronJobManifests.cron(new JobSchedule("15s", null, true))).isEqualTo("* * * * *");
        assertThat(CronJobManifests.cron(new JobSchedule("1m", null, true))).isEqualTo("* * * * *");
        assertThat(CronJobManifests.cron(new JobSchedule("5m", null, true))).isEqualTo("*/5 * * * *");
        assertThat(CronJobManifests.cron(new JobSchedule("1h", null, true))).isEqualTo("0 * * * *");
        assertThat(CronJobManifests.cron(new JobSchedule("PT6H", null, true))).isEqualTo("0 */6 * * *");
        assertThat(CronJobManifests.cron(new JobSchedule("24h", null, true))).isEqualTo("0 0 * * *");
        assertThat(CronJobManifests.cron(new JobSchedule(null, "0 30 2 * * ?", true)))
                .isEqualTo("30 2 * * *");
        assertThat(CronJobManifests.name("identity.auth-throttles.prune"))
                .isEqualTo("coinpilot-identity-auth-throttles-prune");
    }
}
