import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { AppError } from '../../../platform/errors.js';
import { rowsOf } from '../../../db/raw.js';

export interface SessionChoice {
  id: string;
  name: string;
  year: number;
  /** proposals received in the session (submitted, not withdrawn) */
  received: number;
}

/**
 * The committee's plenary sessions, newest first, each with how many proposals it received: the sum
 * of the session's outcome counters (proposal_stat_totals kind `p`, kept by the writers' triggers).
 */
export async function sessionChoices(db: Executor, committeeId: string): Promise<SessionChoice[]> {
  const res = await db.execute(sql`
    select s.id, s.name, s.year, coalesce(sum(t.n), 0)::int as received
    from plenary_sessions s
    left join proposal_stat_totals t on t.committee_id = s.committee_id and t.session_id = s.id and t.kind = 'p'
    where s.committee_id = ${committeeId}
    group by s.id, s.name, s.year, s.start_date
    order by s.start_date desc`);
  return rowsOf<SessionChoice>(res).map((r) => ({ ...r, received: Number(r.received), year: Number(r.year) }));
}

/** The same from the proposals themselves (the reference sessionChoices is tested against). */
export async function scanSessionChoices(db: Executor, committeeId: string): Promise<SessionChoice[]> {
  const res = await db.execute(sql`
    select s.id, s.name, s.year, count(p.id)::int as received
    from plenary_sessions s
    left join proposals p on p.session_id = s.id and not p.historical and p.submitted_at is not null and p.status not in ('draft', 'withdrawn')
    where s.committee_id = ${committeeId}
    group by s.id, s.name, s.year, s.start_date
    order by s.start_date desc`);
  return rowsOf<SessionChoice>(res).map((r) => ({ ...r, received: Number(r.received), year: Number(r.year) }));
}

/**
 * The session asked for (another committee's is not found), or by default the newest session
 * that has received proposals, else the newest session.
 */
export function pickSession(choices: SessionChoice[], sessionId: string | undefined): SessionChoice | null {
  if (sessionId) {
    const hit = choices.find((s) => s.id === sessionId);
    if (!hit) throw AppError.notFound('会议');
    return hit;
  }
  return choices.find((s) => s.received > 0) ?? choices[0] ?? null;
}
