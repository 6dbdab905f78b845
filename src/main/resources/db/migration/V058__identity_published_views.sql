-- Feature: identity
-- What identity publishes to the other features' SQL (docs/architecture.md, "Who owns what"). Writes go through
-- identity's services (e.g. UserPreferencesService for a preferences section).

CREATE VIEW identity_recipients AS
SELECT id                            AS user_id,
       role,
       email,
       timezone,
       is_verified,
       is_active AND deleted_at IS NULL AS active,
       deleted_at IS NOT NULL        AS deleted,
       preferences -> 'notifications' AS notification_preferences
FROM users;

COMMENT ON VIEW identity_recipients IS
    'identity publishes: who may receive notifications and how (role, email, time zone, verified, active, deleted, '
        'the notifications section of the preferences), for the notification feature''s set-based SQL';
