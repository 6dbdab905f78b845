-- Feature: identity
-- identity publishes the audit trail's events, without the personal columns (address, user agent, details), for the
-- ops roll-up of user behaviour (docs/operations.md, "Analytics").

CREATE VIEW identity_activity_events AS
SELECT user_id, activity_type, action, entity_type, created_at
FROM user_activities;

COMMENT ON VIEW identity_activity_events IS
    'identity publishes: who did what when (user, activity type, action, entity type, time), without addresses,'
        ' user agents or details, for other features'' SQL (the ops analytics roll-up)';

-- the roll-up reads one hour or day of the trail at a time, from every user
CREATE INDEX ix_user_activities_created ON user_activities (created_at);
