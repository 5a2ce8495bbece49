import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount, percent } from '../../../shared/summary/report.js';
import { supervisionGroups, supervisionSuggestions } from './schema.js';
import { suggestionStats } from './stats.js';

/**
 * 民主监督 of a year: the groups at work, the suggestions the office signed, those sent to units, and
 * the units' replies within the period (the same figures as the supervision statistics page).
 */
export const supervisionSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const [g] = await db.select({ n: sql<number>`count(*)::int` }).from(supervisionGroups).where(and(eq(supervisionGroups.committeeId, committeeId), eq(supervisionGroups.active, true)));
  const [s] = await db
    .select({ signed: sql<number>`count(*) filter (where ${supervisionSuggestions.serial} is not null)::int` })
    .from(supervisionSuggestions)
    .where(and(eq(supervisionSuggestions.committeeId, committeeId), eq(supervisionSuggestions.year, year)));
  const stats = await suggestionStats(db, committeeId, year);
  const figures = [
    { key: 'groups', label: '民主监督小组', value: g.n, unit: '个', link: '/supervision/groups' },
    { key: 'signed', label: '签发监督建议', value: s.signed, unit: '件', link: '/supervision/suggestions' },
    { key: 'sent', label: '送达被监督单位', value: stats.units.sent, unit: '家次', link: '/supervision/suggestions' },
    { key: 'inTime', label: '按期答复', value: stats.units.inTime, unit: '家次', link: '/supervision/suggestions' },
  ];
  const [groups, signed, sent, inTime] = figures;
  return {
    key: 'supervision', title: '民主监督', order: 40, figures,
    text: `${amount(groups)}民主监督小组开展监督，签发监督建议${amount(signed)}，送达被监督单位${amount(sent)}，按期答复${amount(inTime)}，按期答复率${percent(inTime.value, sent.value)}。`,
  };
};
