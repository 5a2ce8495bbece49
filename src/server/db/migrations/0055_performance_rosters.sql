CREATE TABLE "performance_rosters" (
	"committee_id" uuid PRIMARY KEY NOT NULL,
	"members" bigint NOT NULL,
	"hash_sum" numeric NOT NULL
);
--> statement-breakpoint
-- performance_rosters (modules/performance/schema.ts) is kept by statement triggers on members from
-- the transition tables, in the writer's own transaction: old active rows are taken away, new active
-- rows added. A member counts by a 64-bit hash of its id and position, summed per committee.
CREATE OR REPLACE FUNCTION shangliang_performance_rosters_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO performance_rosters AS r (committee_id, members, hash_sum)
    SELECT committee_id, -count(*), -sum(hashtextextended(id::text || ':' || coalesce(position, ''), 0)::numeric)
    FROM old_rows WHERE status = 'active'
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (committee_id) DO UPDATE SET members = r.members + excluded.members, hash_sum = r.hash_sum + excluded.hash_sum;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO performance_rosters AS r (committee_id, members, hash_sum)
    SELECT committee_id, count(*), sum(hashtextextended(id::text || ':' || coalesce(position, ''), 0)::numeric)
    FROM new_rows WHERE status = 'active'
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (committee_id) DO UPDATE SET members = r.members + excluded.members, hash_sum = r.hash_sum + excluded.hash_sum;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER performance_rosters_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_performance_rosters_apply();
--> statement-breakpoint
CREATE TRIGGER performance_rosters_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_performance_rosters_apply();
--> statement-breakpoint
CREATE TRIGGER performance_rosters_delete AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_performance_rosters_apply();
--> statement-breakpoint
-- the rosters from the members themselves: the backfill here, and a repair should they ever drift
CREATE OR REPLACE FUNCTION shangliang_rebuild_performance_rosters() RETURNS void AS $$
  DELETE FROM performance_rosters;
  INSERT INTO performance_rosters (committee_id, members, hash_sum)
  SELECT committee_id, count(*), sum(hashtextextended(id::text || ':' || coalesce(position, ''), 0)::numeric)
  FROM members WHERE status = 'active'
  GROUP BY 1;
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT shangliang_rebuild_performance_rosters();
