package org.coinpilot.alert.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.coinpilot.alert.config.AlertsConfig;
import org.coinpilot.alert.persistence.AlertEvaluationRepository;
import org.coinpilot.alert.persistence.AlertEvaluationRepository.PassCounts;
import org.coinpilot.alert.persistence.AlertEvaluator;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.time.Times;

/**
 * One evaluation pass (docs/alerts.md "Evaluation"): every {@link AlertEvaluator} bean's statement, all types at
 * once, each in its own transaction on its own connection of the reactive pool, with {@code $1 = now} from the clock.
 * A {@link AlertEvaluator#sharded() sharded} statement runs as {@code coinpilot.alerts.evaluation-shards} statements
 * at once, each on its own pooled connection and transaction over a disjoint part of the series (no session is
 * involved, so running them in parallel is allowed); their counts are summed. A new alert type plugs in as one more
 * evaluator bean.
 */
@ApplicationScoped
public class AlertEvaluationService {

    private final Transactions tx;
    private final AlertEvaluationRepository evaluations;
    private final List<AlertEvaluator> evaluators;
    private final Clock clock;
    private final int shards;

    @Inject
    public AlertEvaluationService(
            Transactions tx,
            AlertEvaluationRepository evaluations,
            Instance<AlertEvaluator> evaluators,
            Clock clock,
            AlertsConfig config) {
        this(tx, evaluations, evaluators.stream().toList(), clock, config.evaluationShards());
    }

    /** With these evaluators instead of every bean, and this shard count (tests). */
    AlertEvaluationService(
            Transactions tx,
            AlertEvaluationRepository evaluations,
            List<AlertEvaluator> evaluators,
            Clock clock,
            int shards) {
        this.tx = tx;
        this.evaluations = evaluations;
        List<AlertEvaluator> all = new ArrayList<>(evaluators);
        all.sort(Comparator.comparing(e -> e.type().ordinal()));
        this.evaluators = List.copyOf(all);
        this.clock = clock;
        this.shards = shards;
    }

    /** What one pass did, per alert type. */
    public record PassReport(Map<String, PassCounts> byType) {

        public long fired() {
            return byType.values().stream().mapToLong(PassCounts::fired).sum();
        }

        public long notified() {
            return byType.values().stream().mapToLong(PassCounts::notified).sum();
        }

        /** For the job result: fired per type, and totals. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("fired", fired());
            map.put("notified", notified());
            Map<String, Object> perType = new LinkedHashMap<>();
            byType.forEach((type, counts) -> perType.put(
                    type, Map.of("fired", counts.fired(), "notified", counts.notified(), "series", counts.series())));
            map.put("byType", perType);
            return map;
        }
    }

    /** Evaluates every armed, unexpired alert against the latest stored candles, at the clock's now. */
    public Uni<PassReport> evaluate() {
        return evaluate(Times.now(clock));
    }

    /**
     * Evaluates at {@code now}: every type at once, each on its own connection(s) and transaction(s). The types touch
     * disjoint alert rows, notification keys and series checks, so they need no order; a small type's statement
     * then costs the pass nothing next to a large one. A type that fails does not stop the others; the pass fails
     * once all have finished.
     */
    public Uni<PassReport> evaluate(Instant now) {
        Map<String, PassCounts> byType = new ConcurrentHashMap<>();
        List<Uni<PassCounts>> types = new ArrayList<>(evaluators.size());
        for (AlertEvaluator evaluator : evaluators) {
            long started = System.nanoTime();
            String type = evaluator.type().name().toLowerCase(Locale.ROOT);
            types.add(evaluate(evaluator, now).invoke(counts -> {
                byType.put(type, counts);
                Log.debugf(
                        "alerts %s: %d fired, %d notified, %d series in %d ms",
                        type,
                        counts.fired(),
                        counts.notified(),
                        counts.series(),
                        (System.nanoTime() - started) / 1_000_000);
            }));
        }
        return Uni.join().all(types).andCollectFailures().map(ignored -> new PassReport(ordered(byType)));
    }

    /** The per-type counts in the evaluators' order (the job result lists them that way). */
    private Map<String, PassCounts> ordered(Map<String, PassCounts> byType) {
        Map<String, PassCounts> ordered = new LinkedHashMap<>();
        for (AlertEvaluator evaluator : evaluators) {
            String type = evaluator.type().name().toLowerCase(Locale.ROOT);
            ordered.put(type, byType.get(type));
        }
        return ordered;
    }

    /** One type: its statement in one transaction, or its shards in parallel, one transaction each. */
    private Uni<PassCounts> evaluate(AlertEvaluator evaluator, Instant now) {
        if (!evaluator.sharded() || shards == 1) {
            return tx.sql(connection -> evaluations.evaluate(connection, evaluator, now, 0, 1));
        }
        List<Uni<PassCounts>> parts = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            int part = shard;
            parts.add(tx.sql(connection -> evaluations.evaluate(connection, evaluator, now, part, shards)));
        }
        return Uni.join()
                .all(parts)
                .andFailFast()
                .map(counts -> new PassCounts(
                        counts.stream().mapToLong(PassCounts::fired).sum(),
                        counts.stream().mapToLong(PassCounts::notified).sum(),
                        counts.stream().mapToLong(PassCounts::series).sum()));
    }
}
