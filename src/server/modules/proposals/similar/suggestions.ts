import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { assignments } from '../../../platform/handling/schema.js';
import { handlingRoles, type HandlingRole } from '../../../platform/handling/plan.js';
import { loadLookups } from '../../org/lookups.js';
import { proposals } from '../schema.js';
import { proposalStates, type ProposalState } from '../workflow.js';
import { proposalQuery, type ProposalFinder } from './finder.js';
import { committees } from '../../../platform/tenancy/schema.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { sameIssueProbability } from '../../../platform/text/calibration.js';
import type { IndexedText } from '../../../platform/text/similarity-index.js';
import { readOutcomes, type Outcome } from '../drafting/outcomes.js';

/** How much an earlier assignment says about the right unit: the lead or sole unit most. */
const roleWeight: Record<HandlingRole, number> = { sole: 1, lead: 1, split: 0.8, joint: 0.5, assisting: 0.4 };

export interface SimilarRow {
  id: string;
  number: string | null;
  title: string;
  /** the estimated probability (0..1) that it is on the same issue: calibrated on labelled proposals, the same scale as the 社情民意 panel's */
  score: number;
  /** 1 = the most similar */
  rank: number;
  year: number;
  /** a past year's proposal (imported or of an earlier session), not one of this session */
  historical: boolean;
  /** the committee it was submitted to: this one's name, or the one whose list it was imported from (e.g. 江苏省政协) */
  committee: string;
  status: string;
  statusLabel: string;
  /** how it was handled: state and units, e.g. 已办结 · 区教育局主办 */
  handled: string;
  /** how it ended: decision and reason, units, replies with their class, ratings, second round, link */
  outcome: Outcome;
}

/** The similar proposals with what a writer needs to decide whether to co-sign instead. */
export async function similarProposals(db: Executor, finder: ProposalFinder, actor: Actor, query: string | IndexedText, limit: number, today: string, excludeId?: string): Promise<SimilarRow[]> {
  const hits = await finder.search(db, actor, query, limit, excludeId);
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.key);
  // only what the viewer may read: the read policy, not just the index's visibility classes
  const [{ outcomes, rows }, [own]] = await Promise.all([
    readOutcomes(db, actor, ids, today),
    db.select({ name: committees.name }).from(committees).where(eq(committees.id, actor.committeeId)),
  ]);
  const thisYear = Number(chinaToday().slice(0, 4));
  return hits.flatMap((h) => {
    const r = rows.get(h.key);
    const outcome = outcomes.get(h.key);
    if (!r || !outcome) return [];
    const statusLabel = proposalStates[r.status as ProposalState] ?? r.status;
    const unitText = outcome.units
      .filter((u) => u.round === 1)
      .map((u) => `${u.name}${u.roleLabel}`)
      .join('、');
    return [{
      id: r.id, number: r.numberText, title: r.title, score: sameIssueProbability(h), rank: 0, year: r.year,
      // imported lists are history; so is a proposal of an earlier year
      historical: r.historical || r.year < thisYear,
      committee: r.originCommittee ?? own?.name ?? '',
      status: r.status, statusLabel, handled: [statusLabel, unitText].filter(Boolean).join(' · '), outcome,
    }];
  }).map((row, i) => ({ ...row, rank: i + 1 }));
}

/**
 * The three units most likely to handle a proposal, voted by the units of its most similar
 * earlier proposals (weighted by similarity and by role), each with the reason shown.
 */
export async function suggestUnits(db: Executor, finder: ProposalFinder, actor: Actor, p: { id: string; title: string; background: string; analysis: string; suggestions: string; category?: string | null }) {
  const hits = (await finder.search(db, actor, proposalQuery(p), 30, p.id)).map((h) => ({ ...h, score: sameIssueProbability(h) }));
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
