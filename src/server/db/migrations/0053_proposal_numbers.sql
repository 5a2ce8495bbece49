-- The next internal serial (流水号, per committee and year) or filing number (per session) of a
-- proposal in one statement (modules/proposals/commands/decide-proposal.ts): the transaction lock
-- that keeps two at once from sharing a number, then the highest number given so far, read with a
-- fresh snapshot after the lock is granted (so it sees the number the previous holder committed).
-- One round trip instead of two while the lock is held. A null session asks for the serial.
CREATE OR REPLACE FUNCTION shangliang_next_proposal_number(p_lock text, p_committee uuid, p_year integer, p_session uuid) RETURNS integer AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(p_lock));
  IF p_session IS NULL THEN
    RETURN (SELECT coalesce(max(serial), 0) + 1 FROM proposals WHERE committee_id = p_committee AND year = p_year);
  END IF;
  RETURN (SELECT coalesce(max(number), 0) + 1 FROM proposals WHERE session_id = p_session);
END;
$$ LANGUAGE plpgsql VOLATILE;
