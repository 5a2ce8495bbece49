import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { hasRole, type Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import { sameIssueProbability } from '../../platform/text/calibration.js';
import { SyncedIndex, type IndexSource } from '../../platform/text/synced-index.js';
import { proposalFinderFor, type ProposalFinder } from '../proposals/similar/finder.js';
import { similarProposals } from '../proposals/similar/suggestions.js';
import { consultationForms, topicSources, topicStates, type ConsultationForm, type TopicSource, type TopicState } from '../../../shared/consultation/labels.js';
import { planPolicy, topicPolicy } from './policy.js';
import { consultationPlans, consultations, consultationTopics } from './schema.js';
import { isConsultationStaff } from './workflow.js';

/** ADOPTED suggestions every member may be shown (they are in the plan); OTHER ones the office and leaders (and the author). */
const ADOPTED = 1;
const OTHER = 2;
const notIndexed: TopicState[] = ['pending', 'rejected', 'withdrawn'];

type TopicRow = { id: string; title: string; reason: string; status: string; authorMemberId: string | null; createdByUserId: string | null };

const topicSource: IndexSource<TopicRow> = {
  table: consultationTopics,
  committeeId: consultationTopics.committeeId,
  updatedAt: consultationTopics.updatedAt,
  fields: {
    id: consultationTopics.id, title: consultationTopics.title, reason: consultationTopics.reason, status: consultationTopics.status,
    authorMemberId: consultationTopics.authorMemberId, createdByUserId: consultationTopics.createdByUserId,
  },
  document: (r) =>
    notIndexed.includes(r.status as TopicState)
      ? null
      : { title: r.title, body: r.reason, tag: r.status === 'adopted' ? ADOPTED : OTHER, owner: r.authorMemberId ?? r.createdByUserId },
  visibility: (actor) => ({ tags: isConsultationStaff(actor) || hasRole(actor, 'leader') ? [ADOPTED, OTHER] : [ADOPTED], owners: [actor.memberId, actor.userId] }),
};

type ConsultationRow = { id: string; title: string; description: string | null };
/** Consultations of this and past years' plans (the plan's read policy is applied to every hit). */
const consultationSource: IndexSource<ConsultationRow> = {
  table: consultations,
  committeeId: consultations.committeeId,
  updatedAt: consultations.updatedAt,
  fields: { id: consultations.id, title: consultations.title, description: consultations.description },
  document: (r) => ({ title: r.title, body: r.description ?? '', tag: 1 }),
  visibility: () => ({ tags: [1], owners: [] }),
};

/** The finders of one process: suggestions, planned consultations, and the proposals'. */
export class TopicFinders {
  topics = new SyncedIndex<TopicRow>(topicSource);
  consultations = new SyncedIndex<ConsultationRow>(consultationSource);
  /** the process's proposal finder, shared with the proposals' own routes */
  proposals: ProposalFinder;
  constructor(db: Executor) {
    this.proposals = proposalFinderFor(db);
  }
}

/** Below this probability of the same issue a match only shares a common word or two. */
const MIN_SCORE = 0.05;

export interface SimilarTopic {
  id: string;
  /** suggestion | consultation */
  kind: 'suggestion' | 'consultation';
  title: string;
  year: number;
  score: number;
  /** 委员荐题 · 已列入计划 / 专题协商会 */
  detail: string;
}

/**
 * What the finder shows beside a suggestion: earlier suggestions and planned consultations on the
 * same issue, and proposals on it — so the office sees it was raised (or consulted on) before.
 */
export async function similarToTopic(db: Executor, f: TopicFinders, actor: Actor, text: string, limit: number, today: string, excludeId?: string) {
  const [topicHits, consultationHits, proposals] = await Promise.all([
    f.topics.search(db, actor, text, limit, excludeId),
    f.consultations.search(db, actor, text, limit),
    similarProposals(db, f.proposals, actor, text, limit, today),
  ]);
  const strong = <H extends { score: number }>(hits: H[]) => hits.map((h) => ({ ...h, score: sameIssueProbability(h) })).filter((h) => h.score >= MIN_SCORE);
  const tHits = strong(topicHits);
  const cHits = strong(consultationHits);
  const topicRows = tHits.length ? await db.select().from(consultationTopics).where(inArray(consultationTopics.id, tHits.map((h) => h.key))) : [];
  const consultationRows = cHits.length ? await db.select().from(consultations).where(inArray(consultations.id, cHits.map((h) => h.key))) : [];
  const planIds = [...new Set(consultationRows.map((c) => c.planId))];
  const plans = planIds.length ? await db.select().from(consultationPlans).where(inArray(consultationPlans.id, planIds)) : [];
  const topics: SimilarTopic[] = tHits.flatMap((h) => {
    const t = topicRows.find((r) => r.id === h.key);
    if (!t || !can(topicPolicy, 'read', actor, t)) return [];
    return [{ id: t.id, kind: 'suggestion' as const, title: t.title, year: t.year, score: h.score, detail: `${topicSources[t.source as TopicSource]} · ${topicStates[t.status as TopicState]}` }];
  });
  const held: SimilarTopic[] = cHits.flatMap((h) => {
    const c = consultationRows.find((r) => r.id === h.key);
    const plan = plans.find((p) => p.id === c?.planId);
    if (!c || !plan || !can(planPolicy, 'read', actor, plan)) return [];
    return [{ id: c.id, kind: 'consultation' as const, title: c.title, year: c.year, score: h.score, detail: `${c.year}年度协商计划 · ${consultationForms[c.form as ConsultationForm]}` }];
  });
  return {
    topics: [...held, ...topics].sort((a, b) => b.score - a.score).slice(0, limit),
    proposals: proposals.filter((p) => p.score >= MIN_SCORE).map((p) => ({ id: p.id, number: p.number, title: p.title, year: p.year, score: p.score, detail: p.handled })),
  };
}
