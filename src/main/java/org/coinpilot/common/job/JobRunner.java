package org.coinpilot.common.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.coinpilot.common.persistence.DatabaseOutage;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.ResourceNotFoundException;
import org.coinpilot.common.time.Times;

/**
 * Runs jobs, for the scheduler, the admin API and the CLI alike. For each run it:
 *
 * <ol>
 *   <li>records a PENDING {@code background_tasks} row (through {@link JobRunRecorder});
 *   <li>takes the job's PostgreSQL advisory lock on a dedicated connection
 *       ({@code pg_try_advisory_lock(namespace, hashtext(name))}); if another run on any replica holds it,
 *       the row becomes SKIPPED and nothing runs;
 *   <li>for a run the scheduler started, skips it (SKIPPED) when a scheduled run of the job already started in the
 *       same schedule slot (its {@code every} interval aligned to the epoch) on any replica: each replica's
 *       scheduler fires every job, so without this a job would run once per replica per interval;
 *   <li>marks it RUNNING, runs the body with the configured timeout, and records COMPLETED with the result
 *       or FAILED with the error, plus the execution time. A run is RUNNING only while it holds the lock, so
 *       marking it RUNNING also records as FAILED ("interrupted") the job's runs a stopped process left
 *       RUNNING, and those left PENDING for longer than the timeout;
 *   <li>releases the lock and the connection, whatever happened. A crashed process loses its connection,
 *       and PostgreSQL releases the lock with it;
 *   <li>after a completed run, runs the jobs configured to follow it ({@code coinpilot.jobs."NAME".then}),
 *       e.g. computing indicators right after candles were ingested.
 * </ol>
 *
 * <p>Every finished run is measured (docs/operations.md, "Metrics"): {@value #RUNS} counts runs by {@code job} and
 * {@code outcome} (completed, failed, skipped), {@value #DURATION} times the completed and failed ones.
 *
 * <p>On shutdown ({@link #onShutdown}) it waits up to {@code coinpilot.job-runner.shutdown-grace} for the runs in flight,
 * then records those still running as FAILED ({@code interrupted: the service shut down …}) and releases their locks,
 * so that another replica or the next CronJob can take the job at once.
 */
@ApplicationScoped
public class JobRunner {

    private final Map<String, Job> jobs;
    private final JobRunRecorder recorder;
    private final Transactions tx;
    private final Clock clock;
    private final JobRunnerConfig config;
    private final Vertx vertx;
    private final JobsConfig jobsConfig;
    private final DatabaseOutage outage;
    private final MeterRegistry registry;

    /** Counter of finished runs, tagged {@code job} and {@code outcome}. */
    public static final String RUNS = "coinpilot.jobs.runs";

    /** Timer of the run bodies (completed or failed), tagged {@code job} and {@code outcome}. */
    public static final String DURATION = "coinpilot.jobs.duration";

    /** The runs of this process that hold their job's lock, by task id. */
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();

    public JobRunner(
            Instance<Job> jobs,
            JobRunRecorder recorder,
            Transactions tx,
            Clock clock,
            JobRunnerConfig config,
            Vertx vertx,
            JobsConfig jobsConfig,
            DatabaseOutage outage,
            MeterRegistry registry) {
        Map<String, Job> byName = new TreeMap<>();
        for (Job job : jobs) {
            Job previous = byName.put(job.name(), job);
            if (previous != null) {
                throw new IllegalStateException("two jobs are named " + job.name());
            }
        }
        this.jobs = Map.copyOf(byName);
        this.recorder = recorder;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
        this.vertx = vertx;
        this.jobsConfig = jobsConfig;
        this.outage = outage;
        this.registry = registry;
        byName.keySet()
                .forEach(name -> followUpsOf(name).forEach(next -> {
                    if (!byName.containsKey(next)) {
                        throw new IllegalStateException(
                                "coinpilot.jobs.\"" + name + "\".then names an unknown job: " + next);
                    }
                }));
    }

    /** All registered jobs, by name. */
    public List<Job> jobs() {
        return jobs.values().stream().sorted(Comparator.comparing(Job::name)).toList();
    }

    public Optional<Job> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /**
     * Runs {@code name} once and completes with the recorded run when it has finished (completed, failed or
     * skipped). Fails with a 404 problem when no job has this name.
     */
    public Uni<JobRun> run(String name, JobTrigger trigger, Map<String, Object> params) {
        return start(name, trigger, params).chain(started -> started.completion);
    }

    /**
     * Records the run and starts it; completes as soon as the PENDING row exists, with its task id and a
     * {@code Uni} of the finished run. The caller must subscribe to {@link StartedRun#completion()}.
     */
    public Uni<StartedRun> start(String name, JobTrigger trigger, Map<String, Object> params) {
        Job job = jobs.get(name);
        if (job == null) {
            return Uni.createFrom()
                    .failure(new ResourceNotFoundException("JOB_NOT_FOUND", "No job is named '" + name + "'."));
        }
        Map<String, Object> safeParams = params == null ? Map.of() : params;
        return recorder.created(job.name(), job.taskType(), trigger, safeParams)
                .map(taskId -> new StartedRun(
                        taskId,
                        execute(job, taskId, trigger, safeParams).memoize().indefinitely()));
    }

    /**
     * Records the run and lets it go on in the background, on a Vert.x context of its own (so that it does
     * not share the caller's Hibernate session and outlives the caller's request). Completes with the task
     * id as soon as the PENDING row exists; progress is read from the task record.
     */
    public Uni<Long> launch(String name, JobTrigger trigger, Map<String, Object> params) {
        return start(name, trigger, params).map(started -> {
            Context context =
                    VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            // Detached on purpose: the run outlives the request that started it; its outcome is recorded.
            context.runOnContext(ignored -> started.completion()
                    .subscribe()
                    .with(
                            run -> Log.debugf("job %s (task %d) finished: %s", name, started.taskId(), run.status()),
                            failure -> failed(failure, "job " + name + " (task " + started.taskId() + ")")));
            return started.taskId();
        });
    }

    private Uni<JobRun> execute(Job job, long taskId, JobTrigger trigger, Map<String, Object> params) {
        return tx.connection(connection -> tryLock(connection, job.name())
                        .chain(locked -> locked
                                // whatever happens in the run (even a failure before its Uni exists), the lock
                                // goes: a session lock left on a pooled connection would skip the job's runs
                                ? locked(job, taskId, trigger, params, new HeldLock(job.name(), connection))
                                : skip(job, taskId)))
                .chain(() -> recorder.find(taskId))
                .call(run -> run.status() == RunStatus.COMPLETED
                        ? followUps(job, taskId)
                        : Uni.createFrom().voidItem());
    }

    /**
     * Runs the jobs configured to follow a completed run ({@code coinpilot.jobs."NAME".then}), one after the
     * other, each as its own recorded run (trigger CHAIN) with the preceding run in its parameters. A
     * follow-up's failure is recorded on its own task and does not change this run.
     */
    private Uni<Void> followUps(Job job, long taskId) {
        List<String> next = followUpsOf(job.name());
        if (next.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return io.smallrye.mutiny.Multi.createFrom()
                .iterable(next)
                .onItem()
                .transformToUniAndConcatenate(name -> run(
                                name, JobTrigger.CHAIN, Map.of("after", job.name(), "afterTaskId", taskId))
                        .onFailure()
                        .recoverWithItem(failure -> {
                            failed(failure, "follow-up " + name + " of " + job.name() + " (task " + taskId + ")");
                            return null;
                        }))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The jobs configured to run after {@code name} completes. */
    public List<String> followUpsOf(String name) {
        JobsConfig.Schedule schedule = jobsConfig.jobs().get(name);
        return schedule == null ? List.of() : schedule.then().orElse(List.of());
    }

    /**
     * The run, holding its job's lock; whatever happens in it (even a failure before its Uni exists, or a skip before
     * it starts), the lock goes at its end unless shutdown released it first: a session lock left on a pooled
     * connection would skip the job's runs on every other connection, here and on the other replicas, for good.
     */
    private Uni<Void> locked(Job job, long taskId, JobTrigger trigger, Map<String, Object> params, HeldLock lock) {
        return Uni.createFrom()
                .deferred(() -> runLocked(job, taskId, trigger, params, lock))
                .eventually(() -> released(taskId, lock));
    }

    private Uni<Void> runLocked(Job job, long taskId, JobTrigger trigger, Map<String, Object> params, HeldLock lock) {
        Instant startedAt = Times.now(clock);
        Duration every = trigger == JobTrigger.SCHEDULE ? scheduleInterval(job.name()) : null;
        if (every == null) {
            return runLockedNow(job, taskId, trigger, params, startedAt, lock);
        }
        // Every replica's scheduler fires the job once per interval, each from its own start time: only the first
        // scheduled run of a slot (the interval aligned to the epoch) runs, the others are skipped. Checked while
        // holding the job's lock, after the slot's earlier run recorded its start, so two replicas cannot both run.
        long millis = every.toMillis();
        Instant slot = Instant.ofEpochMilli(Math.floorDiv(startedAt.toEpochMilli(), millis) * millis);
        return recorder.scheduledRunStarted(job.name(), taskId, slot, slot.plus(every))
                .chain(ran -> ran
                        ? skip(
                                job,
                                taskId,
                                "the job already ran in this schedule slot (" + slot + ", every " + every
                                        + ") on this or another replica")
                        : runLockedNow(job, taskId, trigger, params, startedAt, lock));
    }

    /**
     * The interval of a job scheduled with {@code every} (Quarkus' format: {@code 15s}, {@code 5m}, {@code 1h},
     * {@code 1d} or an ISO-8601 duration), or null for a cron schedule or none.
     */
    Duration scheduleInterval(String name) {
        JobsConfig.Schedule schedule = jobsConfig.jobs().get(name);
        if (schedule == null || schedule.cron().isPresent() || schedule.every().isEmpty()) {
            return null;
        }
        return interval(schedule.every().get());
    }

    static Duration interval(String every) {
        String value = every.trim();
        if (Character.isDigit(value.charAt(0))) {
            value = value.toLowerCase(java.util.Locale.ROOT).endsWith("d") ? "P" + value : "PT" + value;
        }
        Duration duration = Duration.parse(value);
        return duration.isZero() || duration.isNegative() ? null : duration;
    }

    private Uni<Void> runLockedNow(
            Job job, long taskId, JobTrigger trigger, Map<String, Object> params, Instant startedAt, HeldLock lock) {
        long startedNanos = System.nanoTime();
        String interrupted = "interrupted: the process running it stopped before it finished (found by task " + taskId
                + ", the job's next run)";
        return recorder.running(taskId, job.name(), startedAt, startedAt.minus(config.timeout()), interrupted)
                .invoke(count -> {
                    // RUNNING from here on: what shutdown interrupts (interruptInFlight)
                    inFlight.put(taskId, new InFlight(job.name(), lock));
                    if (count > 0) {
                        Log.warnf(
                                "job %s (task %d): %d earlier run(s) left unfinished by a stopped process recorded as"
                                        + " failed",
                                job.name(), taskId, count);
                    }
                })
                .chain(() ->
                        Uni.createFrom().deferred(() -> job.run(new JobContext(taskId, trigger, params, startedAt))))
                .ifNoItem()
                .after(config.timeout())
                .failWith(
                        () -> new java.util.concurrent.TimeoutException("the run took longer than " + config.timeout()))
                .onItemOrFailure()
                .transformToUni((result, failure) -> {
                    Instant completedAt = Times.now(clock);
                    BigDecimal seconds = seconds(startedAt, completedAt);
                    measure(
                            job.name(),
                            failure == null ? RunStatus.COMPLETED : RunStatus.FAILED,
                            System.nanoTime() - startedNanos);
                    if (failure != null) {
                        if (DatabaseOutage.isUnreachable(failure)) {
                            // one of the job runs the outage's end line counts; no stack trace per run
                            Log.debugf("job %s (task %d) failed: the database is unreachable", job.name(), taskId);
                        } else {
                            Log.warnf(failure, "job %s (task %d) failed", job.name(), taskId);
                        }
                        return recorder.finished(
                                taskId, RunStatus.FAILED, null, describe(failure), completedAt, seconds);
                    }
                    Map<String, Object> data = result == null ? Map.of() : result.data();
                    Log.infof("job %s (task %d) completed in %ss: %s", job.name(), taskId, seconds, data);
                    return recorder.finished(taskId, RunStatus.COMPLETED, data, null, completedAt, seconds);
                });
    }

    /**
     * Runs {@code name} for the scheduler: completes when the run is over, and never fails (a run that could not run is
     * handed to {@link #failed}), so that the scheduler logs no stack trace per run of its own.
     */
    public Uni<Void> runScheduled(String name) {
        return run(name, JobTrigger.SCHEDULE, Map.of())
                .onFailure()
                .recoverWithItem(failure -> {
                    failed(failure, "job " + name);
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * A run that could not be recorded or finished, whoever started it (scheduler, admin API, a completed run's
     * follow-ups): counted by {@link DatabaseOutage} when the database is unreachable, logged with its stack otherwise.
     */
    public void failed(Throwable failure, String what) {
        if (!outage.record(failure, DatabaseOutage.Failure.JOB)) {
            Log.errorf(failure, "%s could not run", what);
        }
    }

    private Uni<Void> skip(Job job, long taskId) {
        return skip(job, taskId, "another run of this job holds its lock");
    }

    private Uni<Void> skip(Job job, long taskId, String reason) {
        Log.infof("job %s (task %d) skipped: %s", job.name(), taskId, reason);
        Instant now = Times.now(clock);
        measure(job.name(), RunStatus.SKIPPED, -1);
        return recorder.finished(
                taskId, RunStatus.SKIPPED, Map.of("reason", reason), null, now, BigDecimal.ZERO.setScale(3));
    }

    /** Counts a finished run and, unless skipped, times its body. */
    private void measure(String job, RunStatus status, long nanos) {
        String outcome = status.dbValue();
        Counter.builder(RUNS)
                .description("Finished job runs by job and outcome (completed, failed, skipped)")
                .tag("job", job)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (nanos >= 0) {
            Timer.builder(DURATION)
                    .description("Duration of job runs (completed or failed) by job and outcome")
                    .tag("job", job)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Uni<Boolean> tryLock(SqlConnection connection, String name) {
        return connection
                .preparedQuery("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked")
                .execute(Tuple.of(config.lockNamespace(), name))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    private Uni<Void> unlock(SqlConnection connection, String name) {
        return connection
                .preparedQuery("SELECT pg_advisory_unlock($1, hashtext($2))")
                .execute(Tuple.of(config.lockNamespace(), name))
                .replaceWithVoid();
    }

    /**
     * Unlocks the job after its run, whether it ran or was skipped for its slot, unless shutdown already did
     * ({@link #interruptInFlight}). A run skipped for its schedule slot never became in flight; before this was keyed
     * on being in flight, such a run left its lock on the pooled connection.
     */
    private Uni<Void> released(long taskId, HeldLock lock) {
        InFlight run = inFlight.remove(taskId);
        if (run != null) {
            run.done().complete(null);
        }
        return lock.release();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        int interrupted = interruptInFlight(config.shutdownGrace());
        if (interrupted > 0) {
            Log.warnf(
                    "shutdown: %d job run(s) still running were recorded as interrupted and their locks released",
                    interrupted);
        }
    }

    /** The task ids of the runs of this process that are in flight (hold their job's lock). */
    public List<Long> inFlight() {
        return inFlight.keySet().stream().sorted().toList();
    }

    /**
     * What shutdown does to the runs in flight: waits up to {@code grace} for them to finish, then, for each one still
     * running, releases its job's advisory lock (on the run's own lock connection, idle while the body runs on others)
     * and records the run as FAILED with the error {@code interrupted: the service shut down …} (only if it is still
     * RUNNING). Blocking; called from the shutdown thread, never from an event loop.
     *
     * @return how many runs were recorded as interrupted
     */
    public int interruptInFlight(Duration grace) {
        List<CompletableFuture<Void>> pending =
                inFlight.values().stream().map(InFlight::done).toList();
        if (!pending.isEmpty() && !grace.isZero() && !grace.isNegative()) {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
                // some runs are still going: interrupted below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int interrupted = 0;
        for (Long taskId : List.copyOf(inFlight.keySet())) {
            InFlight run = inFlight.remove(taskId);
            if (run == null) {
                continue; // finished meanwhile
            }
            run.done().complete(null);
            String error = "interrupted: the service shut down before the run finished (grace " + grace + ")";
            try {
                VertxContextSupport.subscribeAndAwait(() -> run.lock()
                        .release()
                        .onFailure()
                        .recoverWithNull()
                        .chain(() -> recorder.interrupted(taskId, error, Times.now(clock))));
                interrupted++;
                Log.warnf("job %s (task %d) %s", run.job(), taskId, error);
            } catch (Throwable e) {
                // the database is gone: its connection closes with the process, and PostgreSQL releases the lock
                Log.warnf("job %s (task %d): could not record the interruption: %s", run.job(), taskId, e.getMessage());
            }
        }
        return interrupted;
    }

    private record InFlight(String job, HeldLock lock, CompletableFuture<Void> done) {
        InFlight(String job, HeldLock lock) {
            this(job, lock, new CompletableFuture<>());
        }
    }

    /**
     * A job's advisory lock, held by the session of {@code connection} (reserved for the run, idle while the body runs
     * on others). Released once, by whichever comes first: the run's end or shutdown.
     */
    private final class HeldLock {
        private final String job;
        private final SqlConnection connection;
        private final AtomicBoolean released = new AtomicBoolean();

        HeldLock(String job, SqlConnection connection) {
            this.job = job;
            this.connection = connection;
        }

        Uni<Void> release() {
            return released.compareAndSet(false, true)
                    ? unlock(connection, job)
                    : Uni.createFrom().voidItem();
        }
    }

    private static BigDecimal seconds(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toNanos(), 9).setScale(3, RoundingMode.HALF_EVEN);
    }

    /** The error as recorded: the exception's own message, never its stack. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }

    /**
     * A run that has been recorded and started.
     *
     * @param taskId its {@code background_tasks} id
     * @param completion emits the finished run (memoized: subscribing twice does not run twice)
     */
    public record StartedRun(long taskId, Uni<JobRun> completion) {}
}
