package org.coinpilot.identity.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.coinpilot.common.persistence.Transactions;
import org.coinpilot.identity.domain.NotificationSettings;
import org.coinpilot.identity.persistence.NotificationSettingsRepository;

/**
 * What identity offers the notification feature for the section of the preferences it keeps on its behalf
 * ({@link NotificationSettings}): read it, and replace it atomically from its current value. The profile API
 * ({@code PATCH /api/v1/me}) refuses that key, so only this service writes it.
 */
@ApplicationScoped
public class NotificationSettingsService {

    private final NotificationSettingsRepository settings;
    private final Transactions tx;

    public NotificationSettingsService(NotificationSettingsRepository settings, Transactions tx) {
        this.settings = settings;
        this.tx = tx;
    }

    /** The user's section with email and time zone; null when there is no such (undeleted) user. */
    public Uni<NotificationSettings> find(long userId) {
        return tx.statement(client -> settings.find(client, userId, false));
    }

    /**
     * Locks the user's row, computes the new section from the current one and writes it, in one transaction (two
     * concurrent updates apply one after the other). Null when there is no such (undeleted) user.
     */
    public Uni<NotificationSettings> update(long userId, Function<NotificationSettings, JsonObject> change) {
        return tx.sql(connection -> settings.find(connection, userId, true)
                .chain(current -> current == null
                        ? Uni.createFrom().nullItem()
                        : settings.replace(connection, userId, change.apply(current))));
    }
}
