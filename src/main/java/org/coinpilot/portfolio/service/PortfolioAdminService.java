package org.coinpilot.portfolio.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.paging.PageResponse;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.common.security.AuditTrail;
import org.coinpilot.portfolio.api.JournalStatisticsResponse;
import org.coinpilot.portfolio.api.PortfolioSummaryResponse;
import org.coinpilot.portfolio.api.PositionQuery;
import org.coinpilot.portfolio.api.PositionResponse;

/**
 * Support reads of any user's book by admins (docs/portfolio.md, "Ownership"): the same answers the user gets, each
 * read recorded in the audit trail ({@code portfolio_read_by_admin}, entity {@code user}, the user's id) after it
 * succeeded.
 */
@ApplicationScoped
public class PortfolioAdminService {

    private final PortfolioService portfolio;
    private final PortfolioSummaryService summaries;
    private final JournalService journal;
    private final AuditTrail audit;
    private final Transactions tx;

    public PortfolioAdminService(
            PortfolioService portfolio,
            PortfolioSummaryService summaries,
            JournalService journal,
            AuditTrail audit,
            Transactions tx) {
        this.portfolio = portfolio;
        this.summaries = summaries;
        this.journal = journal;
        this.audit = audit;
        this.tx = tx;
    }

    public Uni<PageResponse<PositionResponse>> positions(long userId, PositionQuery query, PageQuery page) {
        return portfolio.listPositions(userId, query, page).call(() -> audited(userId, "positions"));
    }

    public Uni<PortfolioSummaryResponse> summary(long userId, String from, String to) {
        return summaries.summary(userId, from, to).call(() -> audited(userId, "summary"));
    }

    public Uni<JournalStatisticsResponse> statistics(long userId) {
        return journal.statistics(userId).call(() -> audited(userId, "journal_statistics"));
    }

    private Uni<Void> audited(long userId, String view) {
        return tx.write(() -> audit.record(
                "portfolio_read_by_admin", "user", userId, "read", Map.of("view", view, "userId", userId)));
    }
}
