-- Feature: common
-- Shared trigger function that keeps updated_at current.
--
-- Attached BEFORE UPDATE to every table that has an updated_at column.
-- It only sets updated_at when the UPDATE statement did not change it itself:
-- the application sets updated_at from its injected Clock and that value wins,
-- while bulk SQL updates that forget the column are still maintained.

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION set_updated_at() IS
    'common: BEFORE UPDATE trigger; sets updated_at = now() unless the UPDATE already changed updated_at';
