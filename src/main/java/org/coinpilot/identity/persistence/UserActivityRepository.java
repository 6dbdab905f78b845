package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.identity.domain.UserActivity;

/** Queries of {@code user_activities}. */
@ApplicationScoped
public class UserActivityRepository implements PanacheRepositoryBase<UserActivity, Long> {

    /** Filter of the activity lists; each null field is not applied; {@code to} is exclusive. */
    public record Filter(
            Long userId,
            String activityType,
            String entityType,
            Long entityId,
            String action,
            Instant from,
            Instant to) {}

    /** One page, newest first. */
    public Uni<List<UserActivity>> findPage(Filter filter, PageQuery page) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by createdAt desc, id desc", where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(Filter filter) {
        return new HqlFilter()
                .equal("userId", "userId", filter.userId())
                .equal("activityType", "activityType", filter.activityType())
                .equal("entityType", "entityType", filter.entityType())
                .equal("entityId", "entityId", filter.entityId())
                .equal("action", "action", filter.action())
                .atLeast("createdAt", "from", filter.from())
                .before("createdAt", "to", filter.to());
    }
}
