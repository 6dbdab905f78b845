package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
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
        Where where = where(filter);
        return find(where.hql + " order by createdAt desc, id desc", where.parameters)
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        Where where = where(filter);
        return count(where.hql, where.parameters);
    }

    private static Where where(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.userId() != null) {
            clauses.add("userId = :userId");
            parameters.and("userId", filter.userId());
        }
        if (filter.activityType() != null) {
            clauses.add("activityType = :activityType");
            parameters.and("activityType", filter.activityType());
        }
        if (filter.entityType() != null) {
            clauses.add("entityType = :entityType");
            parameters.and("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            clauses.add("entityId = :entityId");
            parameters.and("entityId", filter.entityId());
        }
        if (filter.action() != null) {
            clauses.add("action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.from() != null) {
            clauses.add("createdAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("createdAt < :to");
            parameters.and("to", filter.to());
        }
        return new Where(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
    }

    private record Where(String hql, Parameters parameters) {}
}
