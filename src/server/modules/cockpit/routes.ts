import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { eq } from 'drizzle-orm';
import { committeeOf } from '../opinions/committees.js';
import { plenarySessions } from '../org/schema.js';
import { cockpitPaths as paths, cockpitQuery, cockpit } from '../../../shared/cockpit/cockpit.js';
import type { Presented } from '../../../shared/http/responses.js';
import { cockpitPolicy } from './policy.js';
import { districtTotals } from '../joint/totals.js';

/** The work report's sections the cockpit shows as they are: the modules with no charts of their own. */
const progressSections = ['consultation', 'requests', 'outreach'];

/**
 * 驾驶舱 of a year: every module's charts (`defineModule({ cockpit })`), the work report's sections
 * of the modules without charts (`defineModule({ summary })`), and a city's districts from their totals.
 * Each source is a handful of grouped queries; all run side by side.
 */
export async function cockpitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, modules } = app.services;
  const { db } = database;

  r.get(paths.cockpit, { config: { answers: { cockpit } }, schema: { querystring: cockpitQuery, tags: ['cockpit'], summary: '驾驶舱（年度各项工作图表）' } }, async (req): Promise<Presented<typeof cockpit>> => {
    const actor = actorOf(req);
    authorize(cockpitPolicy, 'view', actor, committeeSubject(actor));
    // read at request time: a test may move the clock after the app is built
    const now = app.services.now();
    const today = chinaToday(now);
    const thisYear = Number(today.slice(0, 4));
    const year = req.query.year ?? thisYear;
    const [committee, sessions, charts, sections, districts] = await Promise.all([
      committeeOf(db, actor.committeeId),
      db.selectDistinct({ year: plenarySessions.year }).from(plenarySessions).where(eq(plenarySessions.committeeId, actor.committeeId)),
      Promise.all(modules.cockpits.map((source) => source(db, actor.committeeId, year, today, now))),
      Promise.all(modules.summaries.map((source) => source(db, actor.committeeId, year))),
      // the counts of 上下联动's 各区履职统计, side by side (its rates stay on that page)
      districtTotals(db, actor.committeeId, year).then((t) => t.districts.map((d) => ({ ...d, figures: d.figures.filter((f) => f.unit !== '%').map(({ parts: _parts, ...f }) => f) }))),
    ]);
    return {
      year,
      committeeName: committee.name,
      // the last five years, and the year of every plenary session (in December, next year's is already open)
      years: [...new Set([...[0, 1, 2, 3, 4].map((i) => thisYear - i), ...sessions.map((s) => s.year).filter((y) => y >= thisYear - 4), year])].sort((a, b) => b - a),
      charts: charts.flat(),
      progress: sections.filter((s) => progressSections.includes(s.key)).sort((a, b) => a.order - b.order),
      districts,
    };
  });
}
