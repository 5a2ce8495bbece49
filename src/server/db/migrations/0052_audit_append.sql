-- Appends one row to a committee's audit chain in one statement (platform/audit/audit.ts). The
-- chain's critical section — the committee's lock, the read of the last hash, the insert — runs
-- inside the server, so no client round trip is made while the lock is held. Each statement of a
-- VOLATILE function reads a fresh snapshot, so the last hash is read after the lock is granted and
-- sees the row the previous holder committed. The row's hash is the one auditHash() computes:
-- sha256 of the JSON array [prevHash, committeeId, actorId, action, subjectType, subjectId,
-- before, after, note, at], whose middle (everything but the two ends) the caller serialises
-- beforehand as `canonical`; the time is stamped under the lock, to the millisecond, so a chain's
-- times follow its order and read back exactly as hashed.
CREATE OR REPLACE FUNCTION shangliang_audit_append(
  p_committee uuid, p_actor uuid, p_actor_name text, p_action text, p_subject_type text, p_subject_id text,
  p_before jsonb, p_after jsonb, p_note text, p_canonical text
) RETURNS void AS $$
DECLARE
  prev text;
  stamped timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || p_committee::text));
  SELECT hash INTO prev FROM audit_log WHERE committee_id = p_committee ORDER BY seq DESC LIMIT 1;
  -- a chain whose rows the retention job all purged resumes at its checkpoint, as the verifier expects
  IF prev IS NULL THEN
    SELECT hash INTO prev FROM audit_checkpoints WHERE committee_id = p_committee;
  END IF;
  prev := coalesce(prev, repeat('0', 64));
  stamped := date_trunc('milliseconds', clock_timestamp());
  INSERT INTO audit_log (committee_id, actor_id, actor_name, action, subject_type, subject_id, before, after, note, at, prev_hash, hash)
  VALUES (p_committee, p_actor, p_actor_name, p_action, p_subject_type, p_subject_id, p_before, p_after, p_note, stamped, prev,
    encode(sha256(convert_to('["' || prev || '",' || p_canonical || ',"' || to_char(stamped AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"]', 'UTF8')), 'hex'));
END;
$$ LANGUAGE plpgsql VOLATILE;
