import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount } from '../../../shared/summary/report.js';
import { councilHeldStates } from '../../../shared/consultation/council-labels.js';
import { consultationCouncils, consultationRatings, consultationRecommendations, consultations, consultationTopics } from './schema.js';

/**
 * 协商议政 of a year: the topics suggested, the plan's topics, the consultations held, their
 * recommendations sent to departments and those the departments have answered, and the grassroots
 * councils (基层协商议事会) that met in the year.
 */
export const consultationSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const [t] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultationTopics)
    .where(and(eq(consultationTopics.committeeId, committeeId), eq(consultationTopics.year, year), sql`${consultationTopics.status} not in ('pending', 'rejected', 'withdrawn')`));
  const [c] = await db
    .select({ planned: sql<number>`count(*)::int`, held: sql<number>`count(*) filter (where ${consultations.status} in ('held', 'reported', 'following', 'done'))::int` })
    .from(consultations)
    .where(and(eq(consultations.committeeId, committeeId), eq(consultations.year, year)));
  const [r] = await db
    .select({ sent: sql<number>`count(*)::int`, replied: sql<number>`count(*) filter (where ${consultationRecommendations.handlingStatus} = 'replied')::int` })
    .from(consultationRecommendations)
    .where(and(eq(consultationRecommendations.committeeId, committeeId), inArray(consultationRecommendations.consultationId, db.select({ id: consultations.id }).from(consultations).where(and(eq(consultations.committeeId, committeeId), eq(consultations.year, year))))));
  // 协商质量评价 of the year's consultations: every answer to every question, and those answered 满意
  const [q] = await db
    .select({
      ratings: sql<number>`count(*)::int`,
      answers: sql<number>`coalesce(sum(cardinality(${consultationRatings.answers})), 0)::int`,
      good: sql<number>`coalesce(sum((select count(*) from unnest(${consultationRatings.answers}) a where a = 'good')), 0)::int`,
    })
    .from(consultationRatings)
    .where(and(eq(consultationRatings.committeeId, committeeId), inArray(consultationRatings.consultationId, db.select({ id: consultations.id }).from(consultations).where(and(eq(consultations.committeeId, committeeId), eq(consultations.year, year))))));
  const [g] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultationCouncils)
    .where(and(eq(consultationCouncils.committeeId, committeeId), inArray(consultationCouncils.status, [...councilHeldStates]), sql`${consultationCouncils.day} between ${`${year}-01-01`} and ${`${year}-12-31`}`));
  const figures = [
    { key: 'topics', label: '征集协商选题', value: t.n, unit: '个', link: '/consultation/topics' },
    { key: 'planned', label: '列入年度协商计划', value: c.planned, unit: '项', link: '/consultation/plans' },
    { key: 'held', label: '开展协商活动', value: c.held, unit: '次', link: '/consultation/plans' },
    { key: 'sent', label: '协商建议交部门办理', value: r.sent, unit: '条', link: '/consultation/plans' },
    { key: 'replied', label: '部门已答复', value: r.replied, unit: '条', link: '/consultation/plans' },
    { key: 'rated', label: '委员参加协商质量评价', value: q.ratings, unit: '人次', link: '/consultation/plans' },
    { key: 'councils', label: '召开基层协商议事会', value: g.n, unit: '次', link: '/consultation/councils' },
  ];
  const [topics, planned, held, sent, replied, rated, councils] = figures;
  const quality = `；委员参加协商质量评价${amount(rated)}${q.answers ? `，满意率${Math.round((q.good / q.answers) * 100)}%` : ''}`;
  return {
    key: 'consultation', title: '协商议政', order: 30, figures,
    text: `征集协商选题${amount(topics)}，列入年度协商计划${amount(planned)}，开展协商活动${amount(held)}；形成协商建议${amount(sent)}交有关部门办理，已答复${amount(replied)}${quality}；召开基层协商议事会${amount(councils)}。`,
  };
};
