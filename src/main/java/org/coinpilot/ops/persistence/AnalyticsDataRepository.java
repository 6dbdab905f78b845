package org.coinpilot.ops.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.ops.domain.AnalyticsData;

/** Queries of {@code analytics_data}. */
@ApplicationScoped
public class AnalyticsDataRepository implements PanacheRepositoryBase<AnalyticsData, Long> {

    /** Filter of the analytics list; each null field is not applied; {@code to} is exclusive (period start). */
    public record Filter(String category, String metric, String aggregation, Instant from, Instant to) {}

    /** One page, newest period first. */
    public Uni<List<AnalyticsData>> findPage(Filter filter, PageQuery page) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by periodStart desc, metricName, id", where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(Filter filter) {
        return new HqlFilter()
                .equal("category", "category", filter.category())
                .equal("metricName", "metric", filter.metric())
                .equal("aggregationLevel", "aggregation", filter.aggregation())
                .atLeast("periodStart", "from", filter.from())
                .before("periodStart", "to", filter.to());
    }
}
