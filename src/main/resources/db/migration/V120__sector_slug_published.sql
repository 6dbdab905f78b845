-- Feature: sector
-- A stable, URL-friendly key per sector (the catalogue's ?sector= filter takes it), and what sector publishes to the
-- other features' SQL (docs/architecture.md, "Who owns what"; docs/sectors.md).

ALTER TABLE crypto_sectors ADD COLUMN slug varchar(100);

-- Same rule as SectorSlug.of in Java: lower case, runs of anything but a-z and 0-9 become one '-', trimmed.
UPDATE crypto_sectors
SET slug = coalesce(nullif(btrim(regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'sector-' || id);

ALTER TABLE crypto_sectors ALTER COLUMN slug SET NOT NULL;
ALTER TABLE crypto_sectors ADD CONSTRAINT uq_crypto_sectors_slug UNIQUE (slug);
ALTER TABLE crypto_sectors ADD CONSTRAINT ck_crypto_sectors_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- A row inserted without a slug (SQL outside the application) gets the one its name gives.
CREATE FUNCTION crypto_sectors_default_slug() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.slug IS NULL THEN
        NEW.slug := coalesce(nullif(btrim(regexp_replace(lower(NEW.name), '[^a-z0-9]+', '-', 'g'), '-'), ''),
                             'sector-' || NEW.id);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER trg_crypto_sectors_default_slug
    BEFORE INSERT OR UPDATE ON crypto_sectors
    FOR EACH ROW EXECUTE FUNCTION crypto_sectors_default_slug();

-- A membership's allocation is above 0 when stated (the API always states it; NULL, as the seed allows, counts as
-- 100 in the performance weighting, docs/sectors.md).
ALTER TABLE crypto_sector_mapping ADD CONSTRAINT ck_crypto_sector_mapping_allocation_positive
    CHECK (allocation_percentage > 0);

CREATE VIEW sector_assets AS
SELECT m.crypto_id, m.sector_id, s.slug AS sector_slug, s.name AS sector_name, m.allocation_percentage,
       m.is_primary_sector, s.is_active AS sector_active
FROM crypto_sector_mapping m
JOIN crypto_sectors s ON s.id = m.sector_id;

COMMENT ON VIEW sector_assets IS
    'sector publishes: asset-to-sector membership (crypto_id, sector_id, sector_slug, sector_name, allocation_percentage, is_primary_sector, sector_active)';

-- True when the asset belongs to the sector given by its slug (any case) or its id as text. What the asset
-- catalogue's ?sector= filter calls from HQL.
CREATE FUNCTION sector_has_asset(p_sector text, p_crypto_id bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS
$$
SELECT EXISTS (SELECT 1
               FROM sector_assets a
               WHERE a.crypto_id = p_crypto_id
                 AND (a.sector_slug = lower(p_sector) OR a.sector_id::text = p_sector))
$$;

COMMENT ON FUNCTION sector_has_asset(text, bigint) IS
    'sector publishes: whether an asset is a member of the sector with this slug or id';
