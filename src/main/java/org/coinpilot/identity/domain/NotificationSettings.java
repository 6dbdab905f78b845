package org.coinpilot.identity.domain;

/**
 * The section of a user's preferences that identity keeps for the notification feature (the {@code notifications}
 * key of {@code users.preferences}: channels, webhook, quiet hours), with the account's email and time zone that
 * delivery needs. Identity stores it; notification validates and interprets it.
 *
 * @param value the section as stored (a JSON object as Vert.x {@code JsonObject}, or null when never set)
 */
public record NotificationSettings(long userId, Object value, String email, String timezone) {}
