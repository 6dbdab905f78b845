package org.coinpilot.identity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.coinpilot.identity.domain.UserActivity;

/** Queries of {@code user_activities}. */
@ApplicationScoped
public class UserActivityRepository implements PanacheRepositoryBase<UserActivity, Long> {}
