import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { instructions } from '../../platform/handling/schema.js';
import { chartOf, listLink } from '../../../shared/cockpit/cockpit.js';
import { levels } from '../../../shared/opinions/labels.js';
import { opinionAdoptions, opinions } from './schema.js';
import { contactPointCharts } from './contact-points/cockpit.js';

const levelKeys = Object.keys(levels) as (keyof typeof levels)[];

/**
 * 社情民意 on the cockpit: the year's reports (submitted, not withdrawn) adopted at each level and
 * instructed on by leaders of each level, each counted once per level — the reports the list shows
 * with `?adoptedAt=` / `?instructed=`. Two grouped queries.
 */
export const opinionCockpit: CockpitSource = async (db: Executor, committeeId, year) => {
  const ofYear = and(eq(opinions.committeeId, committeeId), eq(opinions.year, year), sql`${opinions.status} not in ('draft', 'withdrawn')`);
  const [adopted, instructed, contactPoints] = await Promise.all([
    db.select({ level: opinionAdoptions.level, n: sql<number>`count(distinct ${opinions.id})::int` }).from(opinionAdoptions).innerJoin(opinions, eq(opinions.id, opinionAdoptions.opinionId)).where(ofYear).groupBy(opinionAdoptions.level),
    db
      .select({ level: instructions.level, n: sql<number>`count(distinct ${opinions.id})::int` })
      .from(instructions)
      .innerJoin(opinions, and(eq(instructions.subjectType, 'opinion'), eq(opinions.id, instructions.subjectId)))
      .where(ofYear)
      .groupBy(instructions.level),
    contactPointCharts(db, committeeId, year),
  ]);
  const link = (query: Record<string, string> = {}) => listLink('/opinions/queue', { scope: 'all', year, ...query });
  const parts = (rows: { level: string; n: number }[], filter: 'adoptedAt' | 'instructed') =>
    levelKeys.map((l) => ({ key: l, label: levels[l], value: rows.find((r) => r.level === l)?.n ?? 0, link: link({ [filter]: l }) }));
  return [
    chartOf({ key: 'opinionsAdopted', section: 'opinions', title: '社情民意信息采用（按级别）', kind: 'bar', unit: '篇次', note: '一篇信息被多级采用时各级各计一次', parts: parts(adopted, 'adoptedAt') }),
    chartOf({ key: 'opinionInstructions', section: 'opinions', title: '获领导批示（按级别）', kind: 'bar', unit: '篇次', note: '一篇信息获多级批示时各级各计一次', parts: parts(instructed, 'instructed') }),
    ...contactPoints.map(chartOf),
  ];
};
