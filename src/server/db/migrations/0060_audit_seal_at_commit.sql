CREATE TABLE "audit_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text,
	"canonical" text NOT NULL
);
--> statement-breakpoint
-- The chain's critical section moves into the commit. shangliang_audit_append (0052) took the
-- committee's lock when the row was sent and held it to commit: across the round trip back to the
-- app and the COMMIT it then sends, which under load waits its turn in a busy event loop — the
-- committee's writers queued on that wait. Now the row is put in audit_pending without a lock, and
-- a deferred trigger chains it as the transaction commits: lock, read of the last hash, time stamp
-- and insert run inside the server during COMMIT, so the lock is held for no client round trip.
-- Deferred row triggers fire in the order their rows were inserted, so a transaction's rows keep
-- their order in the chain. The chaining itself is 0052's body, unchanged, under a new name.
CREATE OR REPLACE FUNCTION shangliang_audit_chain(
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
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shangliang_audit_seal() RETURNS trigger AS $$
BEGIN
  PERFORM shangliang_audit_chain(NEW.committee_id, NEW.actor_id, NEW.actor_name, NEW.action, NEW.subject_type, NEW.subject_id, NEW.before, NEW.after, NEW.note, NEW.canonical);
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql VOLATILE;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shangliang_audit_seal();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shangliang_audit_append(
  p_committee uuid, p_actor uuid, p_actor_name text, p_action text, p_subject_type text, p_subject_id text,
  p_before jsonb, p_after jsonb, p_note text, p_canonical text
) RETURNS void AS $$
  INSERT INTO audit_pending (committee_id, actor_id, actor_name, action, subject_type, subject_id, before, after, note, canonical)
  VALUES (p_committee, p_actor, p_actor_name, p_action, p_subject_type, p_subject_id, p_before, p_after, p_note, p_canonical);
$$ LANGUAGE sql VOLATILE;
--> statement-breakpoint
-- a transaction's rows in one insert, in the order given (their ids, and so their triggers, follow it)
CREATE OR REPLACE FUNCTION shangliang_audit_append_all(p_rows jsonb) RETURNS void AS $$
  INSERT INTO audit_pending (committee_id, actor_id, actor_name, action, subject_type, subject_id, before, after, note, canonical)
  SELECT (r->>'committeeId')::uuid, (r->>'actorId')::uuid, r->>'actorName', r->>'action', r->>'subjectType', r->>'subjectId',
    nullif(r->'before', 'null'::jsonb), nullif(r->'after', 'null'::jsonb), r->>'note', r->>'canonical'
  FROM jsonb_array_elements(p_rows) WITH ORDINALITY AS e(r, n) ORDER BY n;
$$ LANGUAGE sql VOLATILE;
