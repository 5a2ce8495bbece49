-- The joint counts' trigger (0056) made writers of one committee's joint work take turns on one
-- committee-wide lock, held to commit: every member's submission queued behind every other's, for
-- the round trips from its ledger entry to its commit. What must take turns is only the writers of
-- one source (a proposal, a report, a meeting): each reads the source's makeup the one before it
-- left. Different sources share nothing but ledger_joint_counts rows, whose upserts add and are
-- row-locked. So a statement now takes the committee's lock in shared mode and each source's lock
-- alone, both in one order. A statement touching more sources than the lock table should hold for
-- it (a bulk load, a rebuild) takes the committee's lock alone, as before, and waits for the others.
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
  IF (SELECT count(DISTINCT (sts[i], sids[i])) FROM generate_subscripts(sids, 1) AS i) > 32 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('ledger_joint:' || c::text, 0)) FROM (SELECT DISTINCT unnest(cs) AS c ORDER BY 1) x;
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('ledger_joint:' || c::text, 0)) FROM (SELECT DISTINCT unnest(cs) AS c ORDER BY 1) x;
    PERFORM pg_advisory_xact_lock(hashtextextended('ledger_joint:' || c::text || ':' || st || ':' || sid::text, 0))
    FROM (SELECT DISTINCT cs[i] AS c, sts[i] AS st, sids[i] AS sid FROM generate_subscripts(sids, 1) AS i ORDER BY 1, 2, 3) x;
  END IF;
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
