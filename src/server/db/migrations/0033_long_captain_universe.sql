CREATE TABLE "cache_generations" (
	"scope" text PRIMARY KEY NOT NULL,
	"generation" text NOT NULL
);
--> statement-breakpoint
-- A write to a cached table (platform/cache) gives each committee it touched a new generation, in
-- the writer's own transaction, whichever process or tool writes: a cache read under the old
-- generation is never used again. Shared tables (the work calendar) and TRUNCATE bump scope '*',
-- which every cache check reads too.
CREATE OR REPLACE FUNCTION shangliang_cache_bump() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = 'shared' THEN
    INSERT INTO cache_generations (scope, generation) VALUES ('*', gen_random_uuid()::text)
    ON CONFLICT (scope) DO UPDATE SET generation = excluded.generation;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO cache_generations (scope, generation)
    SELECT scope, gen_random_uuid()::text FROM (SELECT DISTINCT committee_id::text AS scope FROM old_rows) touched ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET generation = excluded.generation;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO cache_generations (scope, generation)
    SELECT scope, gen_random_uuid()::text FROM (SELECT DISTINCT committee_id::text AS scope FROM new_rows) touched ORDER BY 1
    ON CONFLICT (scope) DO UPDATE SET generation = excluded.generation;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sectors', 'special_committees', 'parties', 'street_groups', 'studios', 'units', 'terms', 'module_settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump()', t || '_cache_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump()', t || '_cache_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump()', t || '_cache_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump()', t || '_cache_truncate', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER calendar_days_cache_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump('shared');
