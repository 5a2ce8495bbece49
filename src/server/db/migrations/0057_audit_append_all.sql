-- Appends a transaction's audit rows in one statement, in the order given (platform/audit/audit.ts):
-- a command's rows are sent last, just before it commits, so each committee's chain lock
-- (shangliang_audit_append, migration 0052) is held for that statement and the commit only, not
-- across the command's other statements. Each element carries shangliang_audit_append's arguments;
-- a JSON null before/after is stored as SQL NULL, as the one-row call stores it.
CREATE OR REPLACE FUNCTION shangliang_audit_append_all(p_rows jsonb) RETURNS void AS $$
DECLARE
  r jsonb;
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(p_rows) WITH ORDINALITY AS e(value, n) ORDER BY n LOOP
    PERFORM shangliang_audit_append(
      (r->>'committeeId')::uuid, (r->>'actorId')::uuid, r->>'actorName', r->>'action', r->>'subjectType', r->>'subjectId',
      nullif(r->'before', 'null'::jsonb), nullif(r->'after', 'null'::jsonb), r->>'note', r->>'canonical');
  END LOOP;
END;
$$ LANGUAGE plpgsql VOLATILE;
