import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addWorkdaysQuery, noticeBody, yearQuery } from '../../../shared/calendar/inputs.js';
import { calendarPaths as paths } from '../../../shared/calendar/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { calendarYearAnswer, workdayAnswer } from '../../../shared/calendar/responses.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/context.js';
import { definePolicy, authorize, committeeSubject, allowedActions } from '../policy/policy.js';
import { calendarYear, loadCalendar, saveNotice } from './store.js';
import { addWorkdays, chinaToday } from './workdays.js';
// deadlines already set follow a loaded notice; the handling primitive owns them
import { recomputeDeadlines } from '../handling/deadlines.js';

/** The holiday calendar is national: read by everyone, kept by system administrators. */
export const calendarPolicy = definePolicy<{ committeeId: string }, 'read' | 'update'>('calendar', '工作日历', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit', 'secadmin', 'auditor'] }],
  update: [{ roles: ['admin'] }],
});

export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;

  r.get(paths.year, { schema: { querystring: yearQuery, tags: ['calendar'], summary: '某年节假日与调休' } }, async (req): Promise<Presented<typeof calendarYearAnswer>> => {
    const actor = actorOf(req);
    authorize(calendarPolicy, 'read', actor, committeeSubject(actor));
    return { items: await calendarYear(database.db, req.query.year), actions: allowedActions(calendarPolicy, actor, committeeSubject(actor)) };
  });

  r.get(
    paths.addWorkdays,
    { schema: { querystring: addWorkdaysQuery, tags: ['calendar'], summary: '计算N个工作日后的日期' } },
    async (req): Promise<Presented<typeof workdayAnswer>> => {
      actorOf(req);
      return { date: addWorkdays(await loadCalendar(database.db), req.query.from, req.query.n) };
    },
  );

  r.post(paths.notice, { schema: { body: noticeBody, tags: ['calendar'], summary: '录入某年放假安排' } }, async (req) => {
    const actor = actorOf(req);
    authorize(calendarPolicy, 'update', actor, committeeSubject(actor));
    const { year: y, days } = req.body;
    const stray = days.findIndex((d) => !d.day.startsWith(`${y}-`) && !d.day.startsWith(`${y + 1}-01`) && !d.day.startsWith(`${y - 1}-12`));
    if (stray >= 0) throw AppError.field(`days.${stray}.day`, '日期', `不在${y}年内`);
    const recomputed = await database.db.transaction(async (tx) => {
      const before = await loadCalendar(tx);
      await saveNotice(tx, days.map((d) => ({ ...d, source: `由${actor.name}录入` })));
      const moved = await recomputeDeadlines(tx, before, await loadCalendar(tx), chinaToday(app.services.now()), `${actor.name}录入${y}年放假安排`);
      await audit(tx, actor, { action: 'calendar.notice', subjectType: 'calendar', subjectId: String(y), after: days, note: moved ? `重新计算了 ${moved} 项办理期限` : undefined });
      return moved;
    });
    return { items: await calendarYear(database.db, y), recomputed };
  });
}
