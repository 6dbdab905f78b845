package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.ops.domain.ExternalApiLog;

/** Queries of {@code external_api_logs} through the Panache session (the aggregate statistics: ExternalApiLogSqlRepository). */
@ApplicationScoped
public class ExternalApiLogRepository implements PanacheRepositoryBase<ExternalApiLog, Long> {

    /** Filter of the log list; null fields are not applied, {@code to} is exclusive. */
    public record Filter(String provider, String endpoint, Instant from, Instant to, boolean errorsOnly) {}

    /** One page, newest first. */
    public Uni<List<ExternalApiLog>> findPage(Filter filter, PageQuery page) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by id desc", where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(Filter filter) {
        return new HqlFilter()
                .equal("apiProvider", "provider", filter.provider())
                .equal("endpoint", "endpoint", filter.endpoint())
                .atLeast("createdAt", "from", filter.from())
                .before("createdAt", "to", filter.to())
                .when(filter.errorsOnly(), "(responseStatus is null or responseStatus >= 300)");
    }
}
