CREATE TABLE "ledger_joint_counts" (
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"part" text NOT NULL,
	"makeup" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "ledger_joint_counts_committee_id_year_member_id_kind_part_makeup_pk" PRIMARY KEY("committee_id","year","member_id","kind","part","makeup")
);
--> statement-breakpoint
CREATE TABLE "ledger_joint_kinds" (
	"kind" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- the kinds the modules write as joint work, with a lead and contributors (platform/ledger/schema.ts)
INSERT INTO ledger_joint_kinds (kind) VALUES
  ('proposal.submitted'), ('proposal.cosigned'), ('proposal.filed'), ('proposal.key'), ('proposal.excellent'),
  ('research.report'), ('speech.oral'), ('speech.written'), ('opinion.submitted'), ('opinion.adopted'), ('opinion.instructed');
--> statement-breakpoint
-- ledger_joint_counts (platform/ledger/schema.ts) is kept by statement triggers from the transition
-- tables, in the writer's own transaction. A source's makeup is not a sum: every entry the
-- statement adds or takes away (live rows, signed) moves all the entries of its source and year
-- from the makeup they had before the statement to the one they have after. "After" is read from
-- the ledger; "before" is after less the statement's change. The makeup lists the source's
-- entries per kind and part in byte order (collate "C": the same key on both databases and after a
-- restore from one into the other). Rows are upserted in key order so concurrent writers lock the
-- shared rows in the same order; writers of one committee's joint work take turns (an advisory lock)
-- so that each reads the makeup the one before it left. Room to sort and hash a bulk load's sources
-- in memory (work_mem for this function only: a writer's own statements keep theirs).
CREATE OR REPLACE FUNCTION shangliang_ledger_joint_apply() RETURNS trigger AS $$
DECLARE
  cs uuid[]; ys int[]; sts text[]; sids uuid[]; ms uuid[]; ks text[]; ps text[]; ds int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(committee_id), array_agg(extract(year FROM day)::int), array_agg(source_type), array_agg(source_id), array_agg(member_id), array_agg(kind), array_agg(part), array_agg(1)
    INTO cs, ys, sts, sids, ms, ks, ps, ds
    FROM new_rows WHERE voided_at IS NULL AND kind IN (SELECT kind FROM ledger_joint_kinds);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(committee_id), array_agg(extract(year FROM day)::int), array_agg(source_type), array_agg(source_id), array_agg(member_id), array_agg(kind), array_agg(part), array_agg(-1)
    INTO cs, ys, sts, sids, ms, ks, ps, ds
    FROM old_rows WHERE voided_at IS NULL AND kind IN (SELECT kind FROM ledger_joint_kinds);
  ELSE
    SELECT array_agg(committee_id), array_agg(extract(year FROM day)::int), array_agg(source_type), array_agg(source_id), array_agg(member_id), array_agg(kind), array_agg(part), array_agg(d)
    INTO cs, ys, sts, sids, ms, ks, ps, ds
    FROM (
      SELECT committee_id, day, source_type, source_id, member_id, kind, part, 1 AS d FROM new_rows WHERE voided_at IS NULL
      UNION ALL
      SELECT committee_id, day, source_type, source_id, member_id, kind, part, -1 FROM old_rows WHERE voided_at IS NULL
    ) x WHERE kind IN (SELECT kind FROM ledger_joint_kinds);
  END IF;
  IF cs IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('ledger_joint:' || c::text, 0)) FROM (SELECT DISTINCT unnest(cs) AS c ORDER BY 1) x;
  WITH changed AS (
    SELECT * FROM unnest(cs, ys, sts, sids, ms, ks, ps, ds) AS x(committee_id, year, source_type, source_id, member_id, kind, part, d)
  ), touched AS (
    SELECT DISTINCT committee_id, year, source_type, source_id FROM changed
  ), after AS (
    SELECT t.committee_id, t.year, t.source_type, t.source_id, e.member_id, e.kind, e.part, count(*)::int AS n
    FROM touched t JOIN ledger_entries e ON e.source_id = t.source_id AND e.source_type = t.source_type
    WHERE e.committee_id = t.committee_id AND e.day BETWEEN make_date(t.year, 1, 1) AND make_date(t.year, 12, 31)
      AND e.voided_at IS NULL AND e.kind IN (SELECT kind FROM ledger_joint_kinds)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), states AS (
    -- +1: a source's entries after the statement; -1: before it (after, less what the statement changed)
    SELECT committee_id, year, source_type, source_id, member_id, kind, part, 1 AS side, n FROM after
    UNION ALL
    SELECT committee_id, year, source_type, source_id, member_id, kind, part, -1, sum(n)::int FROM (
      SELECT committee_id, year, source_type, source_id, member_id, kind, part, n FROM after
      UNION ALL
      SELECT committee_id, year, source_type, source_id, member_id, kind, part, -d FROM changed
    ) b GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0
  ), makeups AS (
    SELECT committee_id, year, source_type, source_id, side,
      jsonb_agg(jsonb_build_object('kind', kind, 'part', part, 'n', n) ORDER BY kind COLLATE "C", part COLLATE "C")::text AS makeup
    FROM (SELECT committee_id, year, source_type, source_id, side, kind, part, sum(n)::int AS n FROM states GROUP BY 1, 2, 3, 4, 5, 6, 7) k
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO ledger_joint_counts AS j (committee_id, year, member_id, kind, part, makeup, n)
  SELECT s.committee_id, s.year, s.member_id, s.kind, s.part, m.makeup, sum(s.side * s.n)::int
  FROM states s JOIN makeups m USING (committee_id, year, source_type, source_id, side)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s.side * s.n) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (committee_id, year, member_id, kind, part, makeup) DO UPDATE SET n = j.n + excluded.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SET work_mem = '64MB';
--> statement-breakpoint
CREATE TRIGGER ledger_joint_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_joint_apply();
--> statement-breakpoint
CREATE TRIGGER ledger_joint_update AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_joint_apply();
--> statement-breakpoint
CREATE TRIGGER ledger_joint_delete AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_joint_apply();
--> statement-breakpoint
-- the joint counts from the entries themselves: the backfill here, and a repair should they ever drift
-- (or after a kind is added to ledger_joint_kinds)
CREATE OR REPLACE FUNCTION shangliang_rebuild_ledger_joint_counts() RETURNS void AS $$
  DELETE FROM ledger_joint_counts;
  WITH live AS (
    SELECT committee_id, extract(year FROM day)::int AS year, source_type, source_id, member_id, kind, part, count(*)::int AS n
    FROM ledger_entries WHERE voided_at IS NULL AND kind IN (SELECT kind FROM ledger_joint_kinds)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), makeups AS (
    SELECT committee_id, year, source_type, source_id,
      jsonb_agg(jsonb_build_object('kind', kind, 'part', part, 'n', n) ORDER BY kind COLLATE "C", part COLLATE "C")::text AS makeup
    FROM (SELECT committee_id, year, source_type, source_id, kind, part, sum(n)::int AS n FROM live GROUP BY 1, 2, 3, 4, 5, 6) k
    GROUP BY 1, 2, 3, 4
  )
  INSERT INTO ledger_joint_counts (committee_id, year, member_id, kind, part, makeup, n)
  SELECT l.committee_id, l.year, l.member_id, l.kind, l.part, m.makeup, sum(l.n)::int
  FROM live l JOIN makeups m USING (committee_id, year, source_type, source_id)
  GROUP BY 1, 2, 3, 4, 5, 6;
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT shangliang_rebuild_ledger_joint_counts();
