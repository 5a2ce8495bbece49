import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { activities } from '../../platform/activity/schema.js';
import { amount } from '../../../shared/summary/report.js';
import { researchConversions, researchItems, researchMembers, researchTopics, researchVisits } from './schema.js';

/**
 * 调研视察 of a year: the topics taken up, the field visits held (closed: attendance taken), the members confirmed
 * in the groups, the reports finalised, what they were turned into (proposals, 社情民意, speeches, 直通车),
 * and the follow-up items sent to departments with those answered.
 */
export const researchSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const ofYear = and(eq(researchTopics.committeeId, committeeId), eq(researchTopics.year, year))!;
  const topicIds = db.select({ id: researchTopics.id }).from(researchTopics).where(ofYear);
  const [[t], [v], [m], [c], [i]] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int`, final: sql<number>`count(*) filter (where ${researchTopics.status} = 'final')::int` }).from(researchTopics).where(ofYear),
    db.select({ n: sql<number>`count(*)::int` }).from(researchVisits).innerJoin(activities, eq(activities.id, researchVisits.activityId)).where(and(inArray(researchVisits.topicId, topicIds), eq(activities.status, 'closed'))),
    db.select({ n: sql<number>`count(*)::int` }).from(researchMembers).where(and(inArray(researchMembers.topicId, topicIds), eq(researchMembers.state, 'confirmed'))),
    db.select({ n: sql<number>`count(*)::int` }).from(researchConversions).where(inArray(researchConversions.topicId, topicIds)),
    db.select({ n: sql<number>`count(*)::int`, replied: sql<number>`count(*) filter (where ${researchItems.handlingStatus} = 'replied')::int` }).from(researchItems).where(inArray(researchItems.topicId, topicIds)),
  ]);
  const topics = `/research/topics?year=${year}`;
  const figures = [
    { key: 'topics', label: '调研视察课题', value: t.n, unit: '个', link: topics },
    { key: 'visits', label: '开展实地调研视察', value: v.n, unit: '次', link: topics },
    { key: 'members', label: '委员参加调研组', value: m.n, unit: '人次', link: topics },
    { key: 'reports', label: '形成调研报告', value: t.final, unit: '篇', link: `${topics}&status=final` },
    { key: 'converted', label: '成果转化为提案、社情民意信息和大会发言', value: c.n, unit: '件', link: topics },
    { key: 'items', label: '调研建议交部门落实', value: i.n, unit: '条', link: topics },
    { key: 'replied', label: '部门已答复', value: i.replied, unit: '条', link: topics },
  ];
  const [topicsF, visits, membersF, reports, converted, items, replied] = figures;
  return {
    key: 'research', title: '调研视察', order: 45, figures,
    text: `围绕${amount(topicsF)}课题开展调研视察，实地调研视察${amount(visits)}，委员参加调研组${amount(membersF)}；形成调研报告${amount(reports)}，成果转化${amount(converted)}；调研建议${amount(items)}交有关部门落实，已答复${amount(replied)}。`,
  };
};
