import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { can } from '../../../platform/policy/policy.js';
import { withParties } from '../load.js';
import { proposalPolicy } from '../policy.js';
import { cosigners, proposals } from '../schema.js';
import type { ProposalFinder } from '../similar/finder.js';
import { proposalStates, type ProposalState } from '../workflow.js';
import type { DraftText } from './advice.js';
import { analyseDraft } from './analyse.js';
import { outcomesOf } from './outcomes.js';
import type { EarlierProposal } from './own-earlier.js';
import { draftingSettings } from './settings.js';

/** Whose earlier proposals count as the author's own: a member (first proposer or co-signer) or a body. */
export type Author = { memberId: string } | { collectiveBody: string };

/**
 * The author's proposals other than `excludeId`, in any state but withdrawn, that the viewer may
 * read: a reviewer looking at someone's proposal never learns of that author's drafts.
 */
async function earlierOf(db: Executor, viewer: Actor, author: Author, excludeId?: string): Promise<EarlierProposal[]> {
  const committeeId = viewer.committeeId;
  let mine: SQL;
  if ('memberId' in author) {
    const signed = db.select({ id: cosigners.proposalId }).from(cosigners).where(and(eq(cosigners.memberId, author.memberId), eq(cosigners.status, 'confirmed')));
    mine = or(eq(proposals.leadMemberId, author.memberId), inArray(proposals.id, signed))!;
  } else mine = and(eq(proposals.authorType, 'collective'), eq(proposals.collectiveBody, author.collectiveBody))!;
  const where = [eq(proposals.committeeId, committeeId), ne(proposals.status, 'withdrawn'), mine];
  if (excludeId) where.push(ne(proposals.id, excludeId));
  const rows = (await withParties(db, await db.select().from(proposals).where(and(...where)))).filter((p) => can(proposalPolicy, 'read', viewer, p));
  return rows.map((r) => ({
    id: r.id, title: r.title, background: r.background, analysis: r.analysis, suggestions: r.suggestions, year: r.year, numberText: r.numberText, status: r.status,
    statusLabel: proposalStates[r.status as ProposalState] ?? r.status,
  }));
}

/**
 * The advice on a draft as its author writes it: every enabled check of the committee's settings,
 * the own-earlier check against the author's proposals.
 */
export async function draftAdvice(db: Executor, actor: Actor, d: DraftText, author: Author | null, today: string, excludeId?: string) {
  const settings = await getSettings(db, draftingSettings, actor.committeeId, Number(today.slice(0, 4)));
  const earlier = author && settings.checks.includes('ownEarlier') ? await earlierOf(db, actor, author, excludeId) : [];
  return { advice: analyseDraft(d, settings, earlier) };
}

/**
 * For reviewers (预审、复审): the same advice on a submitted proposal, plus why similar proposals were
 * not filed, converted or returned — only those the reviewer may read.
 */
export async function reviewAdvice(db: Executor, finder: ProposalFinder, actor: Actor, p: DraftText & { id: string; leadMemberId: string | null; collectiveBody: string | null; authorType: string }, today: string) {
  const author: Author | null = p.authorType === 'collective' ? (p.collectiveBody ? { collectiveBody: p.collectiveBody } : null) : p.leadMemberId ? { memberId: p.leadMemberId } : null;
  const { advice } = await draftAdvice(db, actor, p, author, today, p.id);
  const { reviewMinScore } = await getSettings(db, draftingSettings, actor.committeeId, Number(today.slice(0, 4)));
  const hits = (await finder.search(db, actor, [p.title, p.background, p.analysis, p.suggestions].join('\n'), 30, p.id)).filter((h) => h.score >= reviewMinScore);
  const outcomes = await outcomesOf(db, actor, hits.map((h) => h.key), today);
  const titles = new Map((hits.length ? await db.select({ id: proposals.id, title: proposals.title, year: proposals.year }).from(proposals).where(inArray(proposals.id, hits.map((h) => h.key))) : []).map((r) => [r.id, r]));
  const notFiled = hits.flatMap((h) => {
    const o = outcomes.get(h.key);
    const row = titles.get(h.key);
    if (!o || !row || !['notFiled', 'converted', 'returned'].includes(o.stage)) return [];
    return [{ id: h.key, title: row.title, year: row.year, score: h.score, stage: o.stage, summary: o.summary, reason: o.reason }];
  });
  return { advice, notFiled: notFiled.slice(0, 8) };
}
