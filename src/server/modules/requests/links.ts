import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { formatCode } from './code.js';
import { readableRequestIds } from './load.js';
import { livelihoodRequests } from './schema.js';

/**
 * The livelihood request a proposal or opinion report was converted from (the link back), when this
 * person may open it — otherwise nothing, not even its id.
 */
export async function sourceRequestOf(db: Executor, actor: Actor, into: 'proposal' | 'opinion', id: string): Promise<{ id: string; code: string } | null> {
  const column = into === 'proposal' ? livelihoodRequests.proposalId : livelihoodRequests.opinionId;
  const [r] = await db.select({ id: livelihoodRequests.id, code: livelihoodRequests.code }).from(livelihoodRequests).where(eq(column, id));
  return readableSource(db, actor, r);
}

/** The same for a link the caller has read already (with its page's other lists): checked only when there is one. */
export async function readableSource(db: Executor, actor: Actor, r: { id: string; code: string } | undefined): Promise<{ id: string; code: string } | null> {
  if (!r || !(await readableRequestIds(db, actor, [r.id])).has(r.id)) return null;
  return { id: r.id, code: formatCode(r.code) };
}
