import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { proposals } from '../schema.js';
import { sameIssueProbability } from '../../../platform/text/calibration.js';
import { IN_REVIEW, proposalQuery, type ProposalFinder } from './finder.js';

/**
 * Pairs at least this likely to be on the same issue (the calibrated probability, calibration.ts)
 * are proposed as one group; staff still decide. A raw score threshold of 0.3 missed most real
 * same-issue pairs, whose raw scores lie between 0.1 and 0.3.
 */
export const GROUP_THRESHOLD = 0.5;

/** Which proposals compete for groups: by default the review queue (to merge); supervision asks for a year's (frequent topics). */
export interface GroupPool {
  statuses: string[];
  year?: number;
  /** the finder's visibility classes searched; undefined = all the actor may see */
  classes?: readonly number[];
}
const reviewQueue: GroupPool = { statuses: ['submitted', 'reviewing', 'deciding'], classes: [IN_REVIEW] };

/**
 * Groups of proposals that address the same issue: each proposal's neighbours above the
 * threshold, joined transitively (union–find). Each group lists its members and its pair scores.
 */
export async function sameIssueGroups(db: Executor, finder: ProposalFinder, actor: Actor, sessionId?: string, threshold = GROUP_THRESHOLD, pool: GroupPool = reviewQueue) {
  const where = [eq(proposals.committeeId, actor.committeeId), inArray(proposals.status, pool.statuses)];
  if (sessionId) where.push(eq(proposals.sessionId, sessionId));
  if (pool.year) where.push(eq(proposals.year, pool.year));
  const queue = await db
    .select({ id: proposals.id, version: proposals.version, title: proposals.title, proposerText: proposals.proposerText, background: proposals.background, analysis: proposals.analysis, suggestions: proposals.suggestions, category: proposals.category, status: proposals.status, serial: proposals.serial })
    .from(proposals)
    .where(and(...where));
  const inQueue = new Set(queue.map((q) => q.id));
  const parent = new Map(queue.map((q) => [q.id, q.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  const pairs: { a: string; b: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const q of queue) {
    // only the pool competes (the review queue by default), so past years' proposals never crowd a pair out
    const hits = await finder.search(db, actor, proposalQuery(q), 10, q.id, pool.classes);
    for (const h of hits) {
      const score = sameIssueProbability(h);
      // a pair found from either side counts once (one side's top 10 may miss the other)
      const [a, b] = q.id < h.key ? [q.id, h.key] : [h.key, q.id];
      if (!inQueue.has(h.key) || score < threshold || seen.has(`${a}|${b}`)) continue;
      seen.add(`${a}|${b}`);
      pairs.push({ a, b, score });
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
        proposals: g.map((id) => ({ id, version: byId.get(id)!.version, title: byId.get(id)!.title, proposer: byId.get(id)!.proposerText, status: byId.get(id)!.status, serial: byId.get(id)!.serial, category: byId.get(id)!.category })),
        pairs: inside,
      };
    })
    .sort((a, b) => b.score - a.score);
}
