import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { proposals } from '../proposals/schema.js';
import type { ProposalFinder } from '../proposals/similar/finder.js';
import { GROUP_THRESHOLD, sameIssueGroups } from '../proposals/similar/groups.js';
import { supervisionTopicProposals } from './schema.js';

/** A year's proposals count once submitted; drafts and withdrawn ones never reached the committee. */
const uncounted = ['draft', 'withdrawn'];

type Item = { id: string; title: string; category: string; status: string };

/**
 * 将高频提案议题转化为民主监督议题 (the Shangzhou seed): the year's most frequent proposal topics,
 * two ways — by category (how many proposals each category drew) and by the similarity finder's
 * same-issue groups (proposals on one issue, joined transitively). Each names its proposals, and
 * those already behind a supervision topic are marked, so staff turn the rest into topics.
 */
export async function frequentTopics(db: Executor, finder: ProposalFinder, actor: Actor, year: number, top: number) {
  const rows: Item[] = await db
    .select({ id: proposals.id, title: proposals.title, category: proposals.category, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.committeeId, actor.committeeId), eq(proposals.year, year), notInArray(proposals.status, uncounted)));
  const used = rows.length
    ? new Set((await db.select({ id: supervisionTopicProposals.proposalId }).from(supervisionTopicProposals).where(inArray(supervisionTopicProposals.proposalId, rows.map((r) => r.id)))).map((r) => r.id))
    : new Set<string>();
  const present = (items: Item[]) => items.map((p) => ({ id: p.id, title: p.title, category: p.category, inTopic: used.has(p.id) }));

  const categories = new Map<string, Item[]>();
  for (const p of rows) categories.set(p.category, [...(categories.get(p.category) ?? []), p]);
  const byCategory = [...categories.entries()]
    .map(([category, items]) => ({ category, count: items.length, proposals: present(items) }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category, 'zh'))
    .slice(0, top);

  const groups = await sameIssueGroups(db, finder, actor, undefined, GROUP_THRESHOLD, { statuses: rows.length ? [...new Set(rows.map((r) => r.status))] : ['none'], year });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bySimilarity = groups
    .map((g) => {
      const items = g.proposals.map((p) => byId.get(p.id)).filter((p): p is Item => !!p);
      // the group is named by its first proposal's title: the office renames the topic anyway
      return { title: items[0]?.title ?? '', count: items.length, score: g.score, proposals: present(items) };
    })
    .filter((g) => g.count > 1)
    .sort((a, b) => b.count - a.count || b.score - a.score)
    .slice(0, top);
  return { year, total: rows.length, byCategory, bySimilarity };
}
