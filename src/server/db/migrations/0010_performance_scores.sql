CREATE TABLE "performance_dirty" (
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	CONSTRAINT "performance_dirty_committee_id_year_member_id_source_id_pk" PRIMARY KEY("committee_id","year","member_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "performance_score_years" (
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rules_hash" text NOT NULL,
	"roster_hash" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_score_years_committee_id_year_pk" PRIMARY KEY("committee_id","year")
);
--> statement-breakpoint
CREATE TABLE "performance_scores" (
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"total" double precision NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_scores_committee_id_year_member_id_pk" PRIMARY KEY("committee_id","year","member_id")
);
--> statement-breakpoint
CREATE INDEX "performance_scores_rank_idx" ON "performance_scores" USING btree ("committee_id","year","total");--> statement-breakpoint
-- Incremental scores (src/server/modules/performance/recompute.ts): every ledger write marks the
-- members whose stored score may change, in the writer's own transaction. An entry marks the year
-- of its day and every other year of the term around it (term-scoped sanctions count the term).
CREATE OR REPLACE FUNCTION shangliang_ledger_dirty() RETURNS trigger AS $$
BEGIN
  INSERT INTO performance_dirty (committee_id, year, member_id, source_id)
  SELECT DISTINCT n.committee_id, y.year, n.member_id, n.source_id
  FROM new_rows n
  CROSS JOIN LATERAL (
    SELECT extract(year FROM n.day)::int AS year
    UNION
    SELECT generate_series(extract(year FROM t.start_date)::int, extract(year FROM coalesce(t.end_date, n.day + interval '5 years'))::int)
    FROM terms t
    WHERE t.committee_id = n.committee_id AND t.start_date <= n.day AND (t.end_date IS NULL OR t.end_date >= n.day)
  ) y
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_dirty_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_dirty();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_dirty_update AFTER UPDATE ON ledger_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_ledger_dirty();
