-- Feature: identity
-- Tables: auth_throttles (new); users, user_sessions (new columns)
-- Issue 13: sign-in limits shared by every replica, an emailed sign-in code instead of an account lockout, and
-- refresh-token reuse detected only for secrets that were once valid (docs/identity.md).

-- Fixed-window counters of the auth limits. One row per (scope, subject, address); a row is live while
-- expires_at > now, and the next hit after that starts a new window. Written by one atomic upsert per request.
CREATE TABLE auth_throttles (
    scope        varchar(32) NOT NULL
        CONSTRAINT ck_auth_throttles_scope CHECK (scope ~ '^[a-z][a-z0-9_-]*$'),
    subject      varchar(64) NOT NULL DEFAULT ''
        CONSTRAINT ck_auth_throttles_subject CHECK (subject = '' OR subject ~ '^[0-9a-f]{64}$'),
    address      varchar(64) NOT NULL DEFAULT '',
    hits         integer     NOT NULL
        CONSTRAINT ck_auth_throttles_hits CHECK (hits >= 0),
    window_start timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    CONSTRAINT pk_auth_throttles PRIMARY KEY (scope, subject, address),
    CONSTRAINT ck_auth_throttles_window CHECK (expires_at > window_start)
);

-- admin unlock and password reset clear every counter of an account
CREATE INDEX ix_auth_throttles_subject ON auth_throttles (subject) WHERE subject <> '';
-- the prune job deletes expired rows oldest first
CREATE INDEX ix_auth_throttles_expires_at ON auth_throttles (expires_at);

COMMENT ON TABLE auth_throttles IS 'identity: fixed-window counters of the sign-in and mail limits, shared by all replicas';
COMMENT ON COLUMN auth_throttles.scope IS 'the limit: requests (per address), login (per email and address), login_address, mail, account';
COMMENT ON COLUMN auth_throttles.subject IS 'SHA-256 (hex) of the normalized email the limit is about, empty for per-address limits';
COMMENT ON COLUMN auth_throttles.address IS 'client address (IPv6: its /64 prefix), empty for per-account limits';


-- The sign-in code mailed when an account had too many failed sign-ins from anywhere (step-up instead of lockout).
ALTER TABLE users
    ADD COLUMN login_code_hash    varchar(64)
        CONSTRAINT ck_users_login_code_hash_sha256 CHECK (login_code_hash ~ '^[0-9a-f]{64}$'),
    ADD COLUMN login_code_expires timestamptz;

COMMENT ON COLUMN users.login_code_hash IS 'added: SHA-256 (hex) of the single-use sign-in code mailed while the account needs one';
COMMENT ON COLUMN users.failed_login_attempts IS 'consecutive failed sign-ins from any address (shown to admins; no longer locks the account)';
COMMENT ON COLUMN users.lockout_expires IS 'no longer written (sign-in limits live in auth_throttles); cleared by unlock and password reset';


-- Hashes of the refresh secrets a session already rotated away from (newest last, bounded): presenting one of them
-- is reuse and revokes the session; a secret that was never valid is only refused.
ALTER TABLE user_sessions
    ADD COLUMN retired_refresh_tokens jsonb NOT NULL DEFAULT '[]'::jsonb
        CONSTRAINT ck_user_sessions_retired_refresh_tokens CHECK (jsonb_typeof(retired_refresh_tokens) = 'array');

COMMENT ON COLUMN user_sessions.retired_refresh_tokens IS 'added: SHA-256 (hex) of earlier refresh secrets of this session, newest last, at most 64';
