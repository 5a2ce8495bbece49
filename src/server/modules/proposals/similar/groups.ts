import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { proposals } from '../schema.js';
import { IN_REVIEW, type ProposalFinder } from './finder.js';

/** Pairs scoring at least this much are proposed as one group; staff still decide. */
export const GROUP_THRESHOLD = 0.3;

/**
 * Groups of proposals in review that address the same issue: each proposal's neighbours above the
 * threshold, joined transitively (union–find). Each group lists its members and its pair scores.
 */
export async function sameIssueGroups(db: Executor, finder: ProposalFinder, actor: Actor, sessionId?: string, threshold = GROUP_THRESHOLD) {
  const where = [eq(proposals.committeeId, actor.committeeId), inArray(proposals.status, ['submitted', 'reviewing', 'deciding'])];
  if (sessionId) where.push(eq(proposals.sessionId, sessionId));
  const queue = await db
    .select({ id: proposals.id, version: proposals.version, title: proposals.title, proposerText: proposals.proposerText, background: proposals.background, analysis: proposals.analysis, suggestions: proposals.suggestions, status: proposals.status, serial: proposals.serial })
    .from(proposals)
    .where(and(...where));
  const inQueue = new Set(queue.map((q) => q.id));
  const parent = new Map(queue.map((q) => [q.id, q.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  const pairs: { a: string; b: string; score: number }[] = [];
  for (const q of queue) {
    // only the review queue competes, so past years' proposals on the same issue never crowd a pair out
    const hits = await finder.search(db, actor, [q.title, q.background, q.analysis, q.suggestions].join('\n'), 10, q.id, [IN_REVIEW]);
    for (const h of hits) {
      if (!inQueue.has(h.key) || h.score < threshold || q.id > h.key) continue;
      pairs.push({ a: q.id, b: h.key, score: h.score });
      parent.set(find(q.id), find(h.key));
    }
  }
  const groups = new Map<string, string[]>();
  for (const q of queue) groups.set(find(q.id), [...(groups.get(find(q.id)) ?? []), q.id]);
  const byId = new Map(queue.map((q) => [q.id, q]));
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const inside = pairs.filter((p) => g.includes(p.a) && g.includes(p.b));
      return {
        score: Math.max(...inside.map((p) => p.score)),
        proposals: g.map((id) => ({ id, version: byId.get(id)!.version, title: byId.get(id)!.title, proposer: byId.get(id)!.proposerText, status: byId.get(id)!.status, serial: byId.get(id)!.serial })),
        pairs: inside,
      };
    })
    .sort((a, b) => b.score - a.score);
}
