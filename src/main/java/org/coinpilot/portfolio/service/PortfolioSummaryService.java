package org.coinpilot.portfolio.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.problem.BadRequestProblemException;
import org.coinpilot.common.time.Timeframe;
import org.coinpilot.common.time.Times;
import org.coinpilot.market.domain.Quote;
import org.coinpilot.market.service.MarketReadService;
import org.coinpilot.portfolio.api.MetricResponse;
import org.coinpilot.portfolio.api.PortfolioHistoryResponse;
import org.coinpilot.portfolio.api.PortfolioSummaryResponse;
import org.coinpilot.portfolio.api.PositionValuation;
import org.coinpilot.portfolio.config.PortfolioConfig;
import org.coinpilot.portfolio.domain.BookHistory;
import org.coinpilot.portfolio.domain.Ledger;
import org.coinpilot.portfolio.domain.Metric;
import org.coinpilot.portfolio.domain.Position;
import org.coinpilot.portfolio.domain.Returns;
import org.coinpilot.portfolio.domain.TradeAction;
import org.coinpilot.portfolio.persistence.BookJournalRepository;
import org.coinpilot.portfolio.persistence.DailyCloseRepository;
import org.coinpilot.portfolio.persistence.PositionRepository;

/**
 * The book at the latest stored prices and its returns over a period of UTC days (docs/portfolio.md, "Summary" and
 * "Returns"). Reads a user's positions and journal (two queries), market's quotes (two statements) and the daily
 * closes of the period (one statement), whatever the number of positions and actions.
 */
@ApplicationScoped
public class PortfolioSummaryService {

    private final PositionRepository positions;
    private final BookJournalRepository journal;
    private final DailyCloseRepository closes;
    private final MarketReadService market;
    private final PortfolioConfig config;
    private final Clock clock;
    private final Transactions tx;

    public PortfolioSummaryService(
            PositionRepository positions,
            BookJournalRepository journal,
            DailyCloseRepository closes,
            MarketReadService market,
            PortfolioConfig config,
            Clock clock,
            Transactions tx) {
        this.positions = positions;
        this.journal = journal;
        this.closes = closes;
        this.market = market;
        this.config = config;
        this.clock = clock;
        this.tx = tx;
    }

    /** A user's positions and their journals, each in replay order. */
    record Book(List<Position> positions, Map<Long, List<TradeAction>> journals) {}

    /** The summary of {@code ownerId}'s book; the period defaults to the first action's day through yesterday. */
    public Uni<PortfolioSummaryResponse> summary(long ownerId, String fromText, String toText) {
        Instant now = Times.now(clock);
        LocalDate from = date(fromText, "from");
        LocalDate to = date(toText, "to");
        return book(ownerId).chain(book -> {
            Period period = period(book, from, to, now);
            List<Long> open = book.positions().stream()
                    .filter(p -> p.cryptoId != null && p.quantity.signum() > 0)
                    .map(p -> p.cryptoId)
                    .distinct()
                    .toList();
            return market.latestQuotes(open, Timeframe.H1)
                    .chain(hourly -> market.latestQuotes(open, Timeframe.D1).map(daily -> {
                        Map<Long, Quote> quotes = new LinkedHashMap<>(daily);
                        quotes.putAll(hourly);
                        return quotes;
                    }))
                    .chain(quotes ->
                            history(book, period).map(history -> response(book, quotes, period, history, now)));
        });
    }

    /** The daily values of {@code ownerId}'s book over the period (default as {@link #summary}). */
    public Uni<PortfolioHistoryResponse> history(long ownerId, String fromText, String toText) {
        Instant now = Times.now(clock);
        LocalDate from = date(fromText, "from");
        LocalDate to = date(toText, "to");
        return book(ownerId).chain(book -> {
            Period period = period(book, from, to, now);
            return history(book, period).map(h -> {
                List<PortfolioHistoryResponse.Point> items = new ArrayList<>();
                BigDecimal invested = h.startValue();
                for (Returns.Day day : h.days()) {
                    invested = invested.add(day.flow());
                    items.add(new PortfolioHistoryResponse.Point(
                            day.date(),
                            h.incomplete().contains(day.date()) ? null : usd(day.value()),
                            usd(day.flow()),
                            usd(invested)));
                }
                return new PortfolioHistoryResponse(
                        period.from(),
                        period.to(),
                        h.incomplete().contains(period.from().minusDays(1)) ? null : usd(h.startValue()),
                        h.missing() == null ? null : "no daily close stored for " + h.missing(),
                        h.excluded(),
                        items);
            });
        });
    }

    record Period(LocalDate from, LocalDate to) {
        boolean empty() {
            return from.isAfter(to);
        }
    }

    /**
     * The positions (entities) and the journal's ledger columns (one SQL statement: thousands of rows are read as
     * detached actions, not managed entities). Two statements, each with its own snapshot, as two queries of one
     * session would be.
     */
    private Uni<Book> book(long ownerId) {
        return tx.read(() -> positions.listByOwner(ownerId))
                .chain(list -> tx.statement(client -> journal.ledgerOfOwner(client, ownerId))
                        .map(rows -> {
                            Map<Long, List<TradeAction>> journals = new LinkedHashMap<>();
                            for (TradeAction a : rows) {
                                journals.computeIfAbsent(a.portfolioId, k -> new ArrayList<>())
                                        .add(a);
                            }
                            return new Book(list, journals);
                        }));
    }

    private Period period(Book book, LocalDate from, LocalDate to, Instant now) {
        LocalDate yesterday = BookHistory.day(now).minusDays(1);
        if (to != null && to.isAfter(yesterday)) {
            throw new BadRequestProblemException(
                    "to",
                    "query",
                    "must be before today (" + yesterday.plusDays(1) + "): its daily candle has not closed");
        }
        LocalDate end = to == null ? yesterday : to;
        LocalDate start = from;
        if (start == null) {
            start = book.journals().values().stream()
                    .flatMap(List::stream)
                    .map(a -> BookHistory.day(a.executedAt))
                    .min(LocalDate::compareTo)
                    .orElse(end);
        }
        if (from != null && from.isAfter(end)) {
            throw new BadRequestProblemException("from", "query", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) >= config.maxPeriodDays()) {
            throw new BadRequestProblemException(
                    "from", "query", "the period may span at most " + config.maxPeriodDays() + " days");
        }
        return new Period(start, end);
    }

    private Uni<BookHistory.Result> history(Book book, Period period) {
        if (period.empty()) {
            return Uni.createFrom()
                    .item(new BookHistory.Result(
                            BigDecimal.ZERO, List.of(), Map.of(), null, java.util.Set.of(), List.of()));
        }
        List<Long> ids = book.positions().stream()
                .filter(p -> p.cryptoId != null && book.journals().containsKey(p.id))
                .map(p -> p.cryptoId)
                .distinct()
                .toList();
        Uni<Map<Long, Map<LocalDate, BigDecimal>>> stored = ids.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : tx.statement(
                        client -> closes.closes(client, ids, period.from().minusDays(1), period.to()));
        return stored.map(c -> BookHistory.of(book.positions(), book.journals(), c, period.from(), period.to()));
    }

    private PortfolioSummaryResponse response(
            Book book, Map<Long, Quote> quotes, Period period, BookHistory.Result history, Instant now) {
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        boolean complete = true;
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        for (Position p : book.positions()) {
            realized = realized.add(p.pnlRealizedUsd);
            fees = fees.add(p.feesPaidUsd);
            Quote q = p.cryptoId == null ? null : quotes.get(p.cryptoId);
            if (p.quantity.signum() > 0) {
                if (q == null) {
                    complete = false;
                    continue;
                }
                BigDecimal basis = p.quantity.multiply(p.entryPrice);
                BigDecimal gain = q.close()
                        .subtract(p.entryPrice)
                        .multiply(p.quantity)
                        .multiply(BigDecimal.valueOf(Ledger.direction(p)));
                values.put(p.id, basis.add(gain));
                value = value.add(basis.add(gain));
                cost = cost.add(basis);
                unrealized = unrealized.add(gain.subtract(p.openFeesUsd));
            }
        }
        List<PositionValuation> rows = new ArrayList<>();
        for (Position p : book.positions()) {
            if (p.quantity.signum() == 0 && p.pnlRealizedUsd.signum() == 0 && p.feesPaidUsd.signum() == 0) {
                continue;
            }
            rows.add(valuation(p, p.cryptoId == null ? null : quotes.get(p.cryptoId), values.get(p.id), value));
        }
        return new PortfolioSummaryResponse(
                now,
                usd(value),
                usd(cost),
                usd(unrealized),
                usd(realized),
                usd(fees),
                usd(realized.add(unrealized)),
                complete,
                rows,
                returns(period, history));
    }

    private PositionValuation valuation(Position p, Quote q, BigDecimal value, BigDecimal total) {
        boolean open = p.quantity.signum() > 0;
        String reason = null;
        if (open && value == null) {
            reason = p.cryptoId == null
                    ? "no price: the asset is outside the catalogue"
                    : "no price: no candle of the asset is stored";
        }
        BigDecimal weight = value == null || total.signum() <= 0
                ? null
                : value.multiply(BigDecimal.valueOf(100)).divide(total, 4, RoundingMode.HALF_EVEN);
        BigDecimal deviation =
                weight == null || p.allocationTargetPercent == null ? null : weight.subtract(p.allocationTargetPercent);
        BigDecimal basis = open ? p.quantity.multiply(p.entryPrice) : null;
        return new PositionValuation(
                p.id,
                p.assetSymbol,
                p.tradeStatus,
                strip(p.quantity),
                strip(p.entryPrice),
                q == null || !open ? null : strip(q.close()),
                q == null || !open ? null : q.candleTime(),
                q == null || !open ? null : q.stale(),
                basis == null ? null : usd(basis),
                value == null ? null : usd(value),
                value == null ? null : usd(value.subtract(basis).subtract(p.openFeesUsd)),
                usd(p.pnlRealizedUsd),
                usd(p.feesPaidUsd),
                weight,
                strip(p.allocationTargetPercent),
                deviation == null ? null : strip(deviation),
                deviation == null ? null : deviation.abs().compareTo(config.targetTolerancePercent()) > 0,
                strip(p.maxAllocationPercent),
                weight == null ? null : weight.compareTo(p.maxAllocationPercent) > 0,
                reason);
    }

    private static PortfolioSummaryResponse.Returns returns(Period period, BookHistory.Result h) {
        Metric twr;
        Metric xirr;
        Metric roai;
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("from", period.from().toString());
        inputs.put("to", period.to().toString());
        if (!h.excluded().isEmpty()) {
            inputs.put("excluded", h.excluded());
        }
        if (period.empty() || h.days().isEmpty()) {
            String reason = "the period has no complete day yet";
            twr = Metric.unavailable(reason, "TWR", inputs);
            xirr = Metric.unavailable(reason, "XIRR", inputs);
            roai = Metric.unavailable(reason, "ROAI", inputs);
        } else if (h.missing() != null) {
            String reason = "no daily close stored for " + h.missing();
            twr = Metric.unavailable(reason, "TWR", inputs);
            xirr = Metric.unavailable(reason, "XIRR", inputs);
            roai = Metric.unavailable(reason, "ROAI", inputs);
        } else {
            twr = with(Returns.timeWeighted(h.startValue(), h.days()), inputs);
            roai = with(Returns.onAverageInvestment(h.startValue(), h.days()), inputs);
            List<Returns.CashFlow> flows = new ArrayList<>();
            if (h.startValue().signum() != 0) {
                flows.add(new Returns.CashFlow(
                        period.from(), h.startValue().negate().doubleValue()));
            }
            h.flows().forEach((day, flow) -> {
                if (flow.signum() != 0) {
                    flows.add(new Returns.CashFlow(day, flow.negate().doubleValue()));
                }
            });
            BigDecimal end = h.days().get(h.days().size() - 1).value();
            if (end.signum() != 0) {
                flows.add(new Returns.CashFlow(period.to(), end.doubleValue()));
            }
            flows.sort(java.util.Comparator.comparing(Returns.CashFlow::date));
            xirr = with(Returns.moneyWeighted(flows), inputs);
        }
        return new PortfolioSummaryResponse.Returns(
                period.from(), period.to(), MetricResponse.of(twr), MetricResponse.of(xirr), MetricResponse.of(roai));
    }

    private static Metric with(Metric m, Map<String, Object> extra) {
        Map<String, Object> inputs = new LinkedHashMap<>(extra);
        inputs.putAll(m.inputs());
        return new Metric(m.value(), m.unavailableReason(), m.formula(), inputs);
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestProblemException(field, "query", "must be a date such as 2024-01-31");
        }
    }

    static BigDecimal usd(BigDecimal amount) {
        return amount == null
                ? null
                : amount.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
