package org.coinpilot.macro.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.macro.domain.MarketRegime;
import org.coinpilot.macro.persistence.OverviewSqlRepository;

/**
 * Layer 1 as other features read it: the regime, Fear &amp; Greed and dominance that were known at an instant, and the
 * regime of a range of days. Published for predictions, signals and recommendations (they snapshot it and break their
 * scores down by regime); they never read the macro tables.
 *
 * <p>No look-ahead: {@link #asOf(Instant)} answers from days strictly before the instant's UTC date, so every value it
 * returns was complete when the instant began — a regime for day D is classified from D's close, a Fear &amp; Greed
 * value of day D is published during D. Nothing from the instant's own day is used.
 */
@ApplicationScoped
public class MacroContextService {

    /** Layer 1 at an instant; each part is null when its series had no day before it. */
    public record MacroContext(
            LocalDate regimeDay,
            MarketRegime regime,
            BigDecimal regimeConfidence,
            LocalDate sentimentDay,
            BigDecimal fearGreedIndex,
            String fearGreedClassification,
            LocalDate dominanceDay,
            BigDecimal btcDominance,
            BigDecimal ethDominance,
            BigDecimal altDominance) {

        /** The snapshot as a JSON-ready map (null parts left out), for a stored context column. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            if (regime != null) {
                map.put("regime", regime.dbValue());
                map.put("regimeDay", regimeDay.toString());
                map.put("regimeConfidence", regimeConfidence == null ? null : regimeConfidence.toPlainString());
            }
            if (fearGreedIndex != null) {
                map.put("fearGreedIndex", fearGreedIndex.toPlainString());
                map.put("fearGreedClassification", fearGreedClassification);
                map.put("sentimentDay", sentimentDay.toString());
            }
            if (btcDominance != null) {
                map.put("btcDominance", btcDominance.toPlainString());
                map.put("ethDominance", ethDominance == null ? null : ethDominance.toPlainString());
                map.put("altDominance", altDominance == null ? null : altDominance.toPlainString());
                map.put("dominanceDay", dominanceDay.toString());
            }
            return map;
        }
    }

    private final OverviewSqlRepository overview;
    private final Transactions tx;

    public MacroContextService(OverviewSqlRepository overview, Transactions tx) {
        this.overview = overview;
        this.tx = tx;
    }

    /** What layer 1 said when {@code at} began (days strictly before its UTC date). */
    public Uni<MacroContext> asOf(Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return tx.statement(c -> overview.before(c, day)).map(latest -> {
            var regime = latest.regime();
            var sentiment = latest.sentiment();
            var dominance = latest.dominance();
            return new MacroContext(
                    regime == null ? null : regime.day(),
                    regime == null ? null : regime.regime(),
                    regime == null ? null : regime.confidence(),
                    sentiment == null ? null : sentiment.day(),
                    sentiment == null ? null : sentiment.fearGreedIndex(),
                    sentiment == null ? null : sentiment.classification(),
                    dominance == null ? null : dominance.day(),
                    dominance == null ? null : dominance.btcDominance(),
                    dominance == null ? null : dominance.ethDominance(),
                    dominance == null ? null : dominance.altDominance());
        });
    }

    /**
     * The regime classified for each day of {@code [from, to]} (days without a classification are absent). A score
     * broken down by regime uses the regime of the day before the prediction was made: {@code regimes(d - 1, …)}.
     */
    public Uni<Map<LocalDate, MarketRegime>> regimes(LocalDate from, LocalDate to) {
        return tx.statement(c -> overview.regimes(c, from, to));
    }
}
