package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.coinpilot.common.paging.PageQuery;
import org.coinpilot.common.persistence.HqlFilter;
import org.coinpilot.identity.domain.SubscriptionPlan;
import org.coinpilot.identity.domain.User;
import org.coinpilot.identity.domain.UserRole;

/** Queries of {@code users}. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, Long> {

    /** Filter of the admin user list; each null field is not applied. */
    public record Filter(
            UserRole role, Boolean active, Boolean verified, SubscriptionPlan plan, String text, Boolean deleted) {}

    /** The user with this email, compared case-insensitively (as {@code uq_users_email_lower}), or null. */
    public Uni<User> findByEmail(String email) {
        return find("lower(email) = lower(:email)", Parameters.with("email", email))
                .firstResult();
    }

    /** The user with this id, row-locked for the rest of the transaction (login counters, lockout). */
    public Uni<User> findByIdForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether an admin account (not deleted) exists. */
    public Uni<Boolean> existsAdmin() {
        return count("role = :role and deletedAt is null", Parameters.with("role", UserRole.ADMIN))
                .map(count -> count > 0);
    }

    /** The users referred by {@code referrerId}, newest first. */
    public Uni<List<User>> findReferred(long referrerId, PageQuery page) {
        return find("referredBy = :id order by createdAt desc, id desc", Parameters.with("id", referrerId))
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> countReferred(long referrerId) {
        return count("referredBy = :id", Parameters.with("id", referrerId));
    }

    /** One page of the admin list, ordered by {@code orderBy} (a whitelisted HQL order clause). */
    public Uni<List<User>> findPage(Filter filter, String orderBy, PageQuery page) {
        HqlFilter where = where(filter);
        return find(where.hql() + " order by " + orderBy, where.parameters())
                .page(page.page, page.size)
                .list();
    }

    public Uni<Long> count(Filter filter) {
        HqlFilter where = where(filter);
        return count(where.hql(), where.parameters());
    }

    private static HqlFilter where(Filter filter) {
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text();
        return new HqlFilter()
                .equal("role", "role", filter.role())
                .equal("isActive", "active", filter.active())
                .equal("isVerified", "verified", filter.verified())
                .equal("subscriptionPlan", "plan", filter.plan())
                .when(Boolean.TRUE.equals(filter.deleted()), "deletedAt is not null")
                .when(Boolean.FALSE.equals(filter.deleted()), "deletedAt is null")
                .when(
                        text,
                        "(lower(email) like :text or lower(coalesce(firstName, '')) like :text"
                                + " or lower(coalesce(lastName, '')) like :text)",
                        "text",
                        text == null
                                ? null
                                : "%" + HqlFilter.escapeLike(text.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
}
