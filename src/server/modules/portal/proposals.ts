import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { replies } from '../../platform/handling/schema.js';
import { handlingRoles, type HandlingRole } from '../../platform/handling/plan.js';
import { committees } from '../../platform/tenancy/schema.js';
import { units } from '../org/schema.js';
import { withParties } from '../proposals/load.js';
import { memberNames, proposerOf } from '../proposals/presenter.js';
import { assignmentsOf } from '../proposals/queries.js';
import { proposals } from '../proposals/schema.js';
import type { portalListQuery } from '../../../shared/portal/inputs.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { portalCommittee, portalList, portalProposal as portalProposalAnswer } from '../../../shared/portal/responses.js';
import type { PublicSearchSource } from '../../platform/modules/manifest.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { members } from '../members/schema.js';
import { sectors } from '../org/schema.js';
import { excerptOf } from './search.js';

type ListQuery = z.output<typeof portalListQuery>;

/** Only what staff published (公开) — the proposer consented and every reply may be disclosed. */
const published = isNotNull(proposals.publishedAt);

/** The committees that publish on this site, with how many proposals each has published. */
export async function portalCommittees(db: Executor): Promise<Presented<typeof portalCommittee>[]> {
  const rows = await db
    .select({ id: committees.id, name: committees.name, shortName: committees.shortName, level: committees.level, published: sql<number>`count(${proposals.id})::int` })
    .from(committees)
    .leftJoin(proposals, and(eq(proposals.committeeId, committees.id), published))
    .groupBy(committees.id)
    .orderBy(asc(committees.level), asc(committees.name));
  return rows.map((r) => ({ ...r, published: Number(r.published) }));
}

/** A committee's published proposals, newest first, searchable by title, number and proposer. */
export async function portalProposals(db: Executor, q: ListQuery): Promise<Presented<typeof portalList>> {
  const where: SQL[] = [eq(proposals.committeeId, q.committeeId), published];
  if (q.category) where.push(eq(proposals.category, q.category));
  if (q.year) where.push(eq(proposals.year, q.year));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    where.push(or(ilike(proposals.title, like), ilike(proposals.numberText, like), ilike(proposals.proposerText, like))!);
  }
  const [[{ total }], rows, categories] = await Promise.all([
    db.select({ total: count() }).from(proposals).where(and(...where)),
    db.select().from(proposals).where(and(...where)).orderBy(desc(proposals.publishedAt), desc(proposals.number)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.selectDistinct({ category: proposals.category }).from(proposals).where(and(eq(proposals.committeeId, q.committeeId), published)).orderBy(asc(proposals.category)),
  ]);
  const subjects = await withParties(db, rows);
  const [names, unitNames] = await Promise.all([memberNames(db, subjects.map((p) => p.leadMemberId ?? '')), unitNamesOf(db, subjects.flatMap((p) => p.unitIds))]);
  return {
    total,
    categories: categories.map((c) => c.category),
    items: subjects.map((p) => ({
      id: p.id, numberText: p.numberText, title: p.title, category: p.category, year: p.year, proposer: proposerOf(p, names),
      units: [...new Set(p.unitIds.map((id) => unitNames.get(id) ?? ''))].filter(Boolean), publishedAt: p.publishedAt,
    })),
  };
}

/**
 * One published proposal as the public reads it: its text, who proposed it, which units handled it,
 * and the replies the units sent and marked for disclosure — nothing internal (reviews, contacts,
 * ratings, deadlines, phone numbers). Anything unpublished is simply not found.
 */
export async function portalProposal(db: Executor, id: string): Promise<Presented<typeof portalProposalAnswer>> {
  const [row] = await db.select().from(proposals).where(and(eq(proposals.id, id), published));
  if (!row) throw AppError.notFound('公开提案');
  const [p] = await withParties(db, [row]);
  const [names, live, sent, [committee]] = await Promise.all([
    memberNames(db, [p.leadMemberId ?? '', ...p.cosignerIds]),
    assignmentsOf(db, [p.id]),
    db
      .select({ unitId: replies.unitId, round: replies.round, answerClass: replies.answerClass, body: replies.body, signedBy: replies.signedBy, sentAt: replies.sentAt })
      .from(replies)
      .where(and(eq(replies.subjectType, 'proposal'), eq(replies.subjectId, p.id), eq(replies.status, 'sent'), eq(replies.disclose, true)))
      .orderBy(asc(replies.round), asc(replies.sentAt)),
    db.select({ id: committees.id, name: committees.name }).from(committees).where(eq(committees.id, p.committeeId)),
  ]);
  const unitNames = await unitNamesOf(db, [...live.map((a) => a.unitId), ...sent.map((r) => r.unitId)]);
  const round = Math.max(p.handlingRound, 1);
  return {
    id: p.id, committee, numberText: p.numberText, title: p.title, category: p.category, year: p.year, publishedAt: p.publishedAt,
    proposer: proposerOf(p, names),
    cosigners: p.cosignerIds.map((m) => names.get(m) ?? '').filter(Boolean),
    background: p.background, analysis: p.analysis, suggestions: p.suggestions,
    units: live.filter((a) => a.round === round).map((a) => ({ name: unitNames.get(a.unitId) ?? '', roleLabel: handlingRoles[a.role as HandlingRole] })),
    replies: sent.map((r) => ({ unit: unitNames.get(r.unitId) ?? '', round: r.round, answerClass: r.answerClass, body: r.body, signedBy: r.signedBy, sentAt: r.sentAt })),
  };
}

async function unitNamesOf(db: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, string>();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unique));
  return new Map(rows.map((u) => [u.id, u.name]));
}

type SearchRow = { id: string; title: string; background: string; analysis: string; suggestions: string; category: string; publishedAt: Date | null };

/**
 * Published proposals in the portal's search: title, the three parts and the category, as the
 * similar-proposals finder reads them; a proposal taken off the portal leaves the index.
 */
export const publishedProposalsSearch: PublicSearchSource = {
  kind: 'proposal',
  label: '公开提案',
  source: {
    table: proposals,
    committeeId: proposals.committeeId,
    updatedAt: proposals.updatedAt,
    fields: { id: proposals.id, title: proposals.title, background: proposals.background, analysis: proposals.analysis, suggestions: proposals.suggestions, category: proposals.category, publishedAt: proposals.publishedAt },
    document: (r: SearchRow) => (r.publishedAt ? { title: r.title, body: [r.background, r.analysis, r.suggestions].join('\n'), category: r.category, tag: 0 } : null),
    visibility: () => ({ tags: [0], owners: [] }),
  },
  async present(db, ids, words) {
    if (!ids.length) return [];
    const rows = await db.select().from(proposals).where(and(inArray(proposals.id, ids), published));
    const subjects = await withParties(db, rows);
    const leads = subjects.map((p) => p.leadMemberId).filter((id): id is string => !!id);
    const [unitNames, sectorOf] = await Promise.all([
      unitNamesOf(db, subjects.flatMap((p) => p.unitIds)),
      leads.length
        ? db.select({ id: members.id, sector: sectors.name }).from(members).innerJoin(sectors, eq(sectors.id, members.sectorId)).where(inArray(members.id, leads)).then((r) => new Map(r.map((m) => [m.id, m.sector])))
        : new Map<string, string>(),
    ]);
    return subjects.map((p) => ({
      kind: 'proposal', id: p.id, title: p.title, excerpt: excerptOf([p.background, p.analysis, p.suggestions].join(' '), words), date: p.publishedAt ? chinaToday(p.publishedAt) : null, year: p.year, category: p.category,
      units: [...new Set(p.unitIds.map((id) => unitNames.get(id) ?? ''))].filter(Boolean), sector: (p.leadMemberId && sectorOf.get(p.leadMemberId)) || null, href: `/portal/proposals/${p.id}`,
    }));
  },
};
