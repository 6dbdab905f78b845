package org.coinpilot.ops.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;
import org.coinpilot.ops.config.OpsConfig;
import org.coinpilot.ops.domain.RetentionPolicy;
import org.coinpilot.ops.domain.RetentionRun;
import org.coinpilot.ops.domain.RetentionTable;
import org.coinpilot.ops.persistence.RetentionRepository;

/**
 * Deletes operational rows past their table's retention ({@code coinpilot.ops.retention.*}), oldest first, in
 * batches of one statement each, at most {@code max-batches} statements per table and run, so that a run never
 * holds the job's lock for long; what is left goes with the next run. Each statement commits on its own (no
 * transaction spans the run): a killed run has deleted whole batches of old rows only.
 */
@ApplicationScoped
public class RetentionService {

    private final RetentionRepository repository;
    private final OpsConfig config;
    private final Clock clock;
    private final Transactions tx;

    public RetentionService(RetentionRepository repository, OpsConfig config, Clock clock, Transactions tx) {
        this.tx = tx;
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /** A retention naming an unknown table stops start-up rather than being silently ignored. */
    void checkConfiguration(@Observes StartupEvent event) {
        policies(config.retention());
    }

    /** The tables pruned under {@code config}, in {@link RetentionTable} order; disabled ones are left out. */
    public static List<RetentionPolicy> policies(OpsConfig.Retention config) {
        Map<RetentionTable, RetentionPolicy> byTable = new java.util.EnumMap<>(RetentionTable.class);
        config.tables().forEach((name, table) -> {
            RetentionTable known = RetentionTable.byTableName(name)
                    .orElseThrow(() -> new IllegalStateException("coinpilot.ops.retention.tables names a table the"
                            + " retention job cannot prune: " + name + " (known: " + knownNames() + ")"));
            if (table.enabled()) {
                byTable.put(
                        known,
                        new RetentionPolicy(
                                known, table.keep(), table.batchSize().orElse(config.batchSize())));
            }
        });
        return List.copyOf(byTable.values());
    }

    /** One run with the configured retention. */
    public Uni<RetentionRun> prune() {
        return prune(policies(config.retention()), config.retention().maxBatches());
    }

    /** One run: each table of {@code policies}, at most {@code maxBatches} statements each. */
    public Uni<RetentionRun> prune(List<RetentionPolicy> policies, int maxBatches) {
        Instant now = Times.now(clock);
        Map<String, Long> deleted = new LinkedHashMap<>();
        List<String> unfinished = new ArrayList<>();
        Set<RetentionTable> disabled = EnumSet.allOf(RetentionTable.class);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RetentionPolicy policy : policies) {
            disabled.remove(policy.table());
            Instant before = now.minus(policy.keep());
            chain = chain.chain(() -> batches(policy, before, maxBatches, 0, 0L))
                    .invoke(progress -> {
                        deleted.put(policy.table().tableName(), progress.deleted());
                        if (!progress.done()) {
                            unfinished.add(policy.table().tableName());
                        }
                    })
                    .replaceWithVoid();
        }
        return chain.map(ignored -> new RetentionRun(
                deleted,
                unfinished,
                disabled.stream().map(RetentionTable::tableName).toList()));
    }

    private record Progress(long deleted, boolean done) {}

    private Uni<Progress> batches(RetentionPolicy policy, Instant before, int maxBatches, int done, long total) {
        if (done >= maxBatches) {
            return Uni.createFrom().item(new Progress(total, false));
        }
        return tx.statement(client -> repository.deleteBatch(client, policy.table(), before, policy.batchSize()))
                .chain(count -> count < policy.batchSize()
                        ? Uni.createFrom().item(new Progress(total + count, true))
                        : batches(policy, before, maxBatches, done + 1, total + count));
    }

    private static String knownNames() {
        return String.join(
                ", ",
                java.util.Arrays.stream(RetentionTable.values())
                        .map(RetentionTable::tableName)
                        .toList());
    }
}
