package org.coinpilot.portfolio.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coinpilot.portfolio.domain.TradeAction;
import org.coinpilot.portfolio.domain.TradeActionType;

/**
 * The ledger columns of a user's whole journal in ONE statement, for the portfolio summary and history (a hot read
 * of thousands of rows: read with the SQL client instead of as managed entities, which cost most of the summary's
 * time at 10,000 actions; docs/benchmarks.md, "Portfolio summary"). The service hands in the client.
 */
@ApplicationScoped
public class BookJournalRepository {

    /** $1 owner id: the ledger columns of every action on the owner's positions, each position's in replay order. */
    static final String JOURNAL = """
            SELECT a.id, a.portfolio_id, a.action_type, a.asset_price, a.quantity, a.fees_paid, a.executed_at,
                   a.quantity_after, a.entry_price_after
            FROM trade_actions a JOIN portfolio p ON p.id = a.portfolio_id
            WHERE p.user_id = $1
            ORDER BY a.portfolio_id, a.executed_at, a.id""";

    /**
     * Every action on {@code ownerId}'s positions, each position's in replay order {@code (executedAt, id)}, as
     * detached {@link TradeAction}s carrying only the ledger fields (id, position, type, price, quantity, fee, time,
     * quantity and average entry after); the journal fields are not read.
     */
    public Uni<List<TradeAction>> ledgerOfOwner(SqlClient client, long ownerId) {
        return client.preparedQuery(JOURNAL).execute(Tuple.of(ownerId)).map(rows -> {
            List<TradeAction> list = new ArrayList<>(rows.size());
            for (Row row : rows) {
                TradeAction a = new TradeAction();
                a.id = row.getLong(0);
                a.portfolioId = row.getLong(1);
                a.actionType = TradeActionType.valueOf(row.getString(2).toUpperCase(Locale.ROOT));
                a.assetPrice = row.getBigDecimal(3);
                a.quantity = row.getBigDecimal(4);
                a.feesPaid = row.getBigDecimal(5);
                a.executedAt = row.getOffsetDateTime(6).toInstant();
                a.quantityAfter = row.getBigDecimal(7);
                a.entryPriceAfter = row.getBigDecimal(8);
                list.add(a);
            }
            return list;
        });
    }
}
