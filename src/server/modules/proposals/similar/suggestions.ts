import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { assignments } from '../../../platform/handling/schema.js';
import { handlingRoles, type HandlingRole } from '../../../platform/handling/plan.js';
import { loadLookups } from '../../org/lookups.js';
import { proposals } from '../schema.js';
import { proposalStates, type ProposalState } from '../workflow.js';
import type { ProposalFinder } from './finder.js';

/** How much an earlier assignment says about the right unit: the lead or sole unit most. */
const roleWeight: Record<HandlingRole, number> = { sole: 1, lead: 1, split: 0.8, joint: 0.5, assisting: 0.4 };

export interface SimilarRow {
  id: string;
  number: string | null;
  title: string;
  score: number;
  year: number;
  status: string;
  statusLabel: string;
  /** how it was handled: state and units, e.g. 已办结 · 区教育局主办 */
  handled: string;
}

/** The similar proposals with what a writer needs to decide whether to co-sign instead. */
export async function similarProposals(db: Executor, finder: ProposalFinder, actor: Actor, text: string, limit: number, excludeId?: string): Promise<SimilarRow[]> {
  const hits = await finder.search(db, actor, text, limit, excludeId);
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.key);
  const [rows, units, lookups] = await Promise.all([
    db.select({ id: proposals.id, numberText: proposals.numberText, title: proposals.title, year: proposals.year, status: proposals.status }).from(proposals).where(inArray(proposals.id, ids)),
    db.select().from(assignments).where(and(eq(assignments.subjectType, 'proposal'), inArray(assignments.subjectId, ids), ne(assignments.status, 'withdrawn'))),
    loadLookups(db, actor.committeeId),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const r = byId.get(h.key);
    if (!r) return [];
    const statusLabel = proposalStates[r.status as ProposalState] ?? r.status;
    const unitText = units
      .filter((a) => a.subjectId === r.id && a.round === 1)
      .map((a) => `${lookups.units.byId.get(a.unitId) ?? ''}${handlingRoles[a.role as HandlingRole]}`)
      .join('、');
    return [{ id: r.id, number: r.numberText, title: r.title, score: h.score, year: r.year, status: r.status, statusLabel, handled: [statusLabel, unitText].filter(Boolean).join(' · ') }];
  });
}

/**
 * The three units most likely to handle a proposal, voted by the units of its most similar
 * earlier proposals (weighted by similarity and by role), each with the reason shown.
 */
export async function suggestUnits(db: Executor, finder: ProposalFinder, actor: Actor, p: { id: string; title: string; background: string; analysis: string; suggestions: string }) {
  const hits = await finder.search(db, actor, [p.title, p.background, p.analysis, p.suggestions].join('\n'), 30, p.id);
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.key);
  const past = await db.select().from(assignments).where(and(eq(assignments.subjectType, 'proposal'), inArray(assignments.subjectId, ids), eq(assignments.round, 1), ne(assignments.status, 'withdrawn')));
  const titles = new Map((await db.select({ id: proposals.id, title: proposals.title }).from(proposals).where(inArray(proposals.id, ids))).map((r) => [r.id, r.title]));
  const score = new Map(hits.map((h) => [h.key, h.score]));
  const votes = new Map<string, { weight: number; because: { title: string; role: string; score: number }[] }>();
  for (const a of past) {
    const w = (score.get(a.subjectId) ?? 0) * roleWeight[a.role as HandlingRole];
    const v = votes.get(a.unitId) ?? { weight: 0, because: [] };
    v.weight += w;
    v.because.push({ title: titles.get(a.subjectId) ?? '', role: handlingRoles[a.role as HandlingRole], score: score.get(a.subjectId) ?? 0 });
    votes.set(a.unitId, v);
  }
  const lookups = await loadLookups(db, actor.committeeId);
  return [...votes.entries()]
    .sort((a, b) => b[1].weight - a[1].weight)
    .slice(0, 3)
    .map(([unitId, v]) => {
      const top = v.because.sort((a, b) => b.score - a.score).slice(0, 2);
      return {
        unitId,
        unitName: lookups.units.byId.get(unitId) ?? '',
        weight: Math.round(v.weight * 1000) / 1000,
        reason: `${v.because.length}件相似提案曾由该单位办理，如${top.map((t) => `《${t.title}》（${t.role}，相似度${Math.round(t.score * 100)}%）`).join('、')}`,
      };
    });
}
