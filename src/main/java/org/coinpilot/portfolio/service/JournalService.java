package org.coinpilot.portfolio.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.portfolio.api.JournalStatisticsResponse;
import org.coinpilot.portfolio.domain.JournalStatistics;
import org.coinpilot.portfolio.domain.JournalStatistics.Stats;
import org.coinpilot.portfolio.domain.JournalStatistics.Trade;
import org.coinpilot.portfolio.domain.Ledger;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.TradeAction;
import org.coinpilot.portfolio.persistence.ExcursionRepository;
import org.coinpilot.portfolio.persistence.PositionRepository;
import org.coinpilot.portfolio.persistence.TradeActionRepository;

/**
 * What the journal teaches (docs/portfolio.md, "Journal statistics"): win rate, averages, profit factor, expectancy
 * and R multiples of closed trades, overall and by the opening action's attributes, with each trade's excursions from
 * stored hourly candles; and the journal as CSV.
 */
@ApplicationScoped
public class JournalService {

    static final String CSV_HEADER = String.join(
            ",",
            "action_id",
            "position_id",
            "symbol",
            "direction",
            "action_type",
            "executed_at",
            "quantity",
            "price",
            "fees_usd",
            "realized_pnl_usd",
            "quantity_after",
            "avg_entry_after",
            "timeframe",
            "setup",
            "chart_pattern",
            "emotion",
            "confidence",
            "stress",
            "market_sentiment",
            "volatility",
            "volume_profile",
            "confirmation_signals",
            "stop_loss",
            "take_profit",
            "capital_usd",
            "risk_percent",
            "reason",
            "source",
            "signal_id",
            "lesson_learned",
            "notes");

    private final PositionRepository positions;
    private final TradeActionRepository actions;
    private final ExcursionRepository excursions;
    private final Transactions tx;

    public JournalService(
            PositionRepository positions,
            TradeActionRepository actions,
            ExcursionRepository excursions,
            Transactions tx) {
        this.positions = positions;
        this.actions = actions;
        this.excursions = excursions;
        this.tx = tx;
    }

    record Book(List<Position> positions, List<TradeAction> journal) {}

    /** The statistics of {@code ownerId}'s closed trades: two queries and one statement for the excursions. */
    public Uni<JournalStatisticsResponse> statistics(long ownerId) {
        return book(ownerId).chain(book -> {
            Map<Long, List<TradeAction>> journals = byPosition(book.journal());
            List<Trade> trades = new ArrayList<>();
            for (Position p : book.positions()) {
                trades.addAll(JournalStatistics.trades(p, journals.getOrDefault(p.id, List.of())));
            }
            trades.sort(Comparator.comparing(Trade::closedAt).reversed().thenComparing(Trade::positionId));
            List<Trade> priced =
                    trades.stream().filter(t -> t.cryptoId() != null).toList();
            List<ExcursionRepository.Window> windows = priced.stream()
                    .map(t -> new ExcursionRepository.Window(
                            t.cryptoId(), t.openedAt().truncatedTo(ChronoUnit.HOURS), t.closedAt()))
                    .toList();
            Uni<Map<Integer, ExcursionRepository.Range>> ranges = windows.isEmpty()
                    ? Uni.createFrom().item(Map.of())
                    : tx.statement(client -> excursions.ranges(client, windows));
            return ranges.map(found -> {
                Map<Trade, ExcursionRepository.Range> byTrade = new LinkedHashMap<>();
                for (int i = 0; i < priced.size(); i++) {
                    if (found.containsKey(i)) {
                        byTrade.put(priced.get(i), found.get(i));
                    }
                }
                return new JournalStatisticsResponse(
                        stats(JournalStatistics.stats(trades)),
                        group(trades, a -> a.primarySetup),
                        group(trades, a -> a.emotionState),
                        group(trades, a -> a.marketSentiment),
                        group(trades, a -> a.timeframe == null ? null : a.timeframe.code()),
                        group(trades, a -> a.actionSource),
                        trades.stream().map(t -> trade(t, byTrade.get(t))).toList());
            });
        });
    }

    /** The owner's whole journal as CSV (RFC 4180), oldest action first. */
    public Uni<String> csv(long ownerId) {
        return book(ownerId).map(book -> {
            Map<Long, Position> byId = book.positions().stream().collect(Collectors.toMap(p -> p.id, p -> p));
            List<TradeAction> rows = new ArrayList<>(book.journal());
            rows.sort(Comparator.comparing((TradeAction a) -> a.executedAt).thenComparing(a -> a.id));
            StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
            for (TradeAction a : rows) {
                Position p = byId.get(a.portfolioId);
                List<String> cells = List.of(
                        String.valueOf(a.id),
                        String.valueOf(a.portfolioId),
                        text(p.assetSymbol),
                        Ledger.direction(p) < 0 ? "short" : "long",
                        code(a.actionType),
                        a.executedAt.toString(),
                        number(a.quantity),
                        number(a.assetPrice),
                        number(a.feesPaid),
                        number(a.pnlRealizedUsd),
                        number(a.quantityAfter),
                        number(a.entryPriceAfter),
                        a.timeframe == null ? "" : a.timeframe.code(),
                        code(a.primarySetup),
                        text(a.chartPattern),
                        text(a.emotionState),
                        a.confidenceLevel == null ? "" : a.confidenceLevel.toString(),
                        a.stressLevel == null ? "" : a.stressLevel.toString(),
                        code(a.marketSentiment),
                        code(a.volatilityLevel),
                        code(a.volumeProfile),
                        text(a.confirmationSignals == null ? null : String.join(";", a.confirmationSignals)),
                        number(a.stopLoss),
                        number(a.takeProfit),
                        number(a.capitalAmount),
                        number(a.riskPercent),
                        text(a.reason),
                        code(a.actionSource),
                        a.signalId == null ? "" : a.signalId.toString(),
                        text(a.lessonLearned),
                        text(a.notes));
                out.append(String.join(",", cells)).append("\r\n");
            }
            return out.toString();
        });
    }

    private Uni<Book> book(long ownerId) {
        return tx.read(() -> positions
                .listByOwner(ownerId)
                .chain(list -> actions.journalOfOwner(ownerId).map(journal -> new Book(list, journal))));
    }

    private static Map<Long, List<TradeAction>> byPosition(List<TradeAction> journal) {
        Map<Long, List<TradeAction>> journals = new LinkedHashMap<>();
        for (TradeAction a : journal) {
            journals.computeIfAbsent(a.portfolioId, k -> new ArrayList<>()).add(a);
        }
        return journals;
    }

    private static Map<String, JournalStatisticsResponse.Stats> group(
            List<Trade> trades, java.util.function.Function<TradeAction, Object> key) {
        Map<String, JournalStatisticsResponse.Stats> out = new LinkedHashMap<>();
        JournalStatistics.by(trades, key).forEach((k, v) -> out.put(k, stats(v)));
        return out;
    }

    private static JournalStatisticsResponse.Stats stats(Stats s) {
        return new JournalStatisticsResponse.Stats(
                s.trades(),
                s.wins(),
                s.losses(),
                s.winRate(),
                s.averageWin(),
                s.averageLoss(),
                s.profitFactor(),
                s.expectancy(),
                s.averageR(),
                s.totalPnl());
    }

    /**
     * Excursions in percent of the trade's average entry: a long's adverse one from the lowest low, favourable from
     * the highest high; a short's the other way round. Null without stored candles in the trade's window.
     */
    static JournalStatisticsResponse.Trade trade(Trade t, ExcursionRepository.Range range) {
        BigDecimal mae = null;
        BigDecimal mfe = null;
        if (range != null && t.entryPrice() != null && t.entryPrice().signum() > 0) {
            BigDecimal e = t.entryPrice();
            BigDecimal down = percent(range.low().subtract(e), e);
            BigDecimal up = percent(range.high().subtract(e), e);
            if (t.direction() > 0) {
                mae = down.min(BigDecimal.ZERO.setScale(4));
                mfe = up.max(BigDecimal.ZERO.setScale(4));
            } else {
                mae = up.negate().min(BigDecimal.ZERO.setScale(4));
                mfe = down.negate().max(BigDecimal.ZERO.setScale(4));
            }
        }
        return new JournalStatisticsResponse.Trade(
                t.positionId(),
                t.symbol(),
                t.opening().id,
                t.openedAt(),
                t.closedAt(),
                t.pnl().setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                t.rMultiple(),
                mae,
                mfe);
    }

    private static BigDecimal percent(BigDecimal delta, BigDecimal base) {
        return delta.multiply(BigDecimal.valueOf(100)).divide(base, 4, RoundingMode.HALF_EVEN);
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String code(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A text cell: quoted when it holds a comma, quote or line break (quotes doubled), and prefixed with an
     * apostrophe when it starts like a spreadsheet formula ({@code = + - @}, tab, carriage return).
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cell = value;
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
