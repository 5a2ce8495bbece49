import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { allowedActions, authorize, can, committeeSubject } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { defaultIndexOptions, SimilarityIndex } from '../../../platform/text/similarity-index.js';
import type { Presented } from '../../../../shared/http/responses.js';
import { labelOf } from '../../../../shared/labels.js';
import { proposalStates } from '../../../../shared/proposals/labels.js';
import { topicStates, type publishedTopics, type topicDetail, type topicList, type topicListQuery, type topicRow } from '../../../../shared/proposals/topics.js';
import { loadLookups } from '../../org/lookups.js';
import { withParties } from '../load.js';
import { proposalPolicy } from '../policy.js';
import { proposals } from '../schema.js';
import { proposalSettings } from '../settings.js';
import { sessionFor } from '../sessions.js';
import { topicCollectionPolicy, topicPolicy, type ProposalTopic } from './policy.js';
import { proposalTopics } from './schema.js';

/** A list's year: the one asked, else the current plenary session's (the year today's proposals belong to). */
export const topicYear = async (db: Executor, committeeId: string, today: string, year?: number) =>
  year ?? (await sessionFor(db, committeeId, today))?.year ?? Number(today.slice(0, 4));

/**
 * SQL: the proposals that count for a topic — this committee's own of the year, submitted and not
 * withdrawn — the same rows as `/proposals/all?session=all&year=…&historical=0&topicId=…`.
 */
export const countedProposals = (committeeId: string, year: number): SQL =>
  and(eq(proposals.committeeId, committeeId), eq(proposals.year, year), eq(proposals.historical, false), sql`${proposals.status} not in ('draft', 'withdrawn')`)!;

/** How many counted proposals cite each topic of the year. */
export async function citations(db: Executor, committeeId: string, year: number): Promise<Map<string, number>> {
  const rows = await db.select({ topicId: proposals.topicId, n: sql<number>`count(*)::int` }).from(proposals)
    .where(and(countedProposals(committeeId, year), sql`${proposals.topicId} is not null`)).groupBy(proposals.topicId);
  return new Map(rows.map((r) => [r.topicId!, r.n]));
}

function present(actor: Actor, t: ProposalTopic, unitName: (id: string | null) => string | null, cited: number): Presented<typeof topicRow> {
  return {
    id: t.id, version: t.version, year: t.year, serial: t.serial, title: t.title, explanation: t.explanation, category: t.category,
    unitId: t.unitId, unitName: unitName(t.unitId), status: t.status, statusLabel: labelOf(topicStates, t.status), publishedAt: t.publishedAt, cited,
    actions: allowedActions(topicPolicy, actor, t).filter((a) => a !== 'read'),
  };
}

const unitNames = async (db: Executor, committeeId: string) => {
  const lookups = await loadLookups(db, committeeId);
  return (id: string | null) => (id ? lookups.units.byId.get(id) ?? null : null);
};

/** The office's (and leaders') list of a year: every topic in order, with how many proposals cite each and how many were taken up. */
export async function listTopics(db: Executor, actor: Actor, q: z.output<typeof topicListQuery>, today: string): Promise<Presented<typeof topicList>> {
  authorize(topicCollectionPolicy, 'manage', actor, committeeSubject(actor));
  const year = await topicYear(db, actor.committeeId, today, q.year);
  const where = [eq(proposalTopics.committeeId, actor.committeeId), eq(proposalTopics.year, year)];
  if (q.status) where.push(eq(proposalTopics.status, q.status));
  const [rows, cited, unitName, settings] = await Promise.all([
    db.select().from(proposalTopics).where(and(...where)).orderBy(asc(proposalTopics.serial)),
    citations(db, actor.committeeId, year),
    unitNames(db, actor.committeeId),
    getSettings(db, proposalSettings, actor.committeeId, year),
  ]);
  const published = rows.filter((t) => t.status === 'published');
  return {
    year, items: rows.map((t) => present(actor, t, unitName, cited.get(t.id) ?? 0)),
    published: published.length, taken: published.filter((t) => (cited.get(t.id) ?? 0) > 0).length,
    categories: settings.categories, actions: allowedActions(topicCollectionPolicy, actor, committeeSubject(actor)).filter((a) => a === 'create'),
  };
}

/**
 * The published topics of a year for the proposal form. With `text`, the topics closest to it come
 * first with their score (a small index of the year's topics, built per request: a list is tens of
 * topics), the others after them in the list's order.
 */
export async function publishedTopicsFor(db: Executor, actor: Actor, q: { year?: number; text?: string }, today: string): Promise<Presented<typeof publishedTopics>> {
  authorize(topicCollectionPolicy, 'read', actor, committeeSubject(actor));
  const year = await topicYear(db, actor.committeeId, today, q.year);
  const [rows, unitName] = await Promise.all([
    db.select().from(proposalTopics).where(and(eq(proposalTopics.committeeId, actor.committeeId), eq(proposalTopics.year, year), eq(proposalTopics.status, 'published'))).orderBy(asc(proposalTopics.serial)),
    unitNames(db, actor.committeeId),
  ]);
  const scores = new Map<string, number>();
  if (q.text && rows.length) {
    // BM25 alone (as any index under a hundred documents ranks): a latent space would be learned in
    // the background for an index thrown away with the request
    const index = new SimilarityIndex({ ...defaultIndexOptions, latentWeight: 0 });
    for (const t of rows) index.addText(t.id, { title: t.title, body: t.explanation, category: t.category });
    for (const hit of index.search(q.text, rows.length)) if (hit.score > 0) scores.set(hit.key, hit.score);
  }
  const ranked = [...rows].sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || a.serial - b.serial);
  return {
    year,
    items: ranked.map((t) => ({ id: t.id, serial: t.serial, title: t.title, explanation: t.explanation, category: t.category, unitName: unitName(t.unitId), score: q.text ? Math.round((scores.get(t.id) ?? 0) * 1000) / 1000 : null })),
  };
}

/** A topic's page: the topic and the proposals citing it that this reader may open. */
export async function topicDetailOf(db: Executor, actor: Actor, t: ProposalTopic): Promise<Presented<typeof topicDetail>> {
  const [cited, unitName] = await Promise.all([citations(db, actor.committeeId, t.year), unitNames(db, actor.committeeId)]);
  const rows = await db.select().from(proposals).where(and(countedProposals(actor.committeeId, t.year), eq(proposals.topicId, t.id))).orderBy(asc(proposals.serial));
  const readable = (await withParties(db, rows)).filter((p) => can(proposalPolicy, 'read', actor, p));
  return {
    ...present(actor, t, unitName, cited.get(t.id) ?? 0),
    proposals: readable.map((p) => ({ id: p.id, title: p.title, numberText: p.numberText, status: p.status, statusLabel: labelOf(proposalStates, p.status) })),
  };
}

/** The titles of topics by id (a proposal list names the topic each row cites). */
export async function topicTitles(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: proposalTopics.id, title: proposalTopics.title }).from(proposalTopics).where(inArray(proposalTopics.id, wanted));
  return new Map(rows.map((r) => [r.id, r.title]));
}
