CREATE TABLE "ledger_counts" (
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"part" text NOT NULL,
	"on_occasion" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "ledger_counts_committee_id_year_member_id_kind_part_on_occasion_pk" PRIMARY KEY("committee_id","year","member_id","kind","part","on_occasion")
);
--> statement-breakpoint
DROP INDEX "ledger_source_idx";--> statement-breakpoint
CREATE INDEX "ledger_occasion_idx" ON "ledger_entries" USING btree ("committee_id","kind","day") WHERE "ledger_entries"."occasion_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_source_idx" ON "ledger_entries" USING btree ("source_id","source_type");
--> statement-breakpoint
-- ledger_counts (platform/ledger/schema.ts) is kept by statement triggers from the transition
-- tables, in the writer's own transaction: old live rows are taken away, new live rows added. Rows
-- are upserted in key order so concurrent writers lock the shared counts in the same order.
CREATE OR REPLACE FUNCTION shangliang_ledger_counts_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO ledger_counts AS c (committee_id, year, member_id, kind, part, on_occasion, n)
    SELECT committee_id, extract(year FROM day)::int, member_id, kind, part, occasion_id IS NOT NULL, -count(*)::int
    FROM old_rows WHERE voided_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (committee_id, year, member_id, kind, part, on_occasion) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO ledger_counts AS c (committee_id, year, member_id, kind, part, on_occasion, n)
    SELECT committee_id, extract(year FROM day)::int, member_id, kind, part, occasion_id IS NOT NULL, count(*)::int
    FROM new_rows WHERE voided_at IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (committee_id, year, member_id, kind, part, on_occasion) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_counts_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_counts_apply();
--> statement-breakpoint
CREATE TRIGGER ledger_counts_update AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_counts_apply();
--> statement-breakpoint
CREATE TRIGGER ledger_counts_delete AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_counts_apply();
--> statement-breakpoint
-- the counts from the entries themselves: the backfill here, and a repair should they ever drift
CREATE OR REPLACE FUNCTION shangliang_rebuild_ledger_counts() RETURNS void AS $$
  DELETE FROM ledger_counts;
  INSERT INTO ledger_counts (committee_id, year, member_id, kind, part, on_occasion, n)
  SELECT committee_id, extract(year FROM day)::int, member_id, kind, part, occasion_id IS NOT NULL, count(*)::int
  FROM ledger_entries WHERE voided_at IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6;
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT shangliang_rebuild_ledger_counts();
