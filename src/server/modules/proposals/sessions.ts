import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { currentSession } from '../../../shared/proposals/sessions.js';
import { plenarySessions } from '../org/schema.js';
import { cachedPerCommittee } from '../../platform/cache/cache.js';

export { proposalKind } from '../../../shared/proposals/sessions.js';

export type PlenarySession = typeof plenarySessions.$inferSelect;

/**
 * The session a proposal written today belongs to: the first whose proposal window has not closed yet, else the latest.
 * Every list and draft asks, and sessions change a few times a year: a read-only request takes the
 * committee's sessions from the per-committee cache (platform/cache; plenary_sessions bumps the
 * committee's generation, migration 0051). The rows are shared: callers must not change them.
 */
export async function sessionFor(db: Executor, committeeId: string, today: string): Promise<PlenarySession | null> {
  const rows = await cachedPerCommittee(db, 'plenary-sessions', committeeId, () =>
    db.select().from(plenarySessions).where(eq(plenarySessions.committeeId, committeeId)).orderBy(asc(plenarySessions.startDate)),
  );
  return currentSession(rows, today);
}

export async function sessionById(db: Executor, id: string | null) {
  if (!id) return null;
  const [s] = await db.select().from(plenarySessions).where(and(eq(plenarySessions.id, id)));
  return s ?? null;
}

/** 七届五次会议 第0087号 */
export const numberText = (session: PlenarySession | null, n: number) => `${session?.name ?? ''} 第${String(n).padStart(4, '0')}号`.trim();
