import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addWorkdaysQuery, noticeBody, yearQuery } from '../../../shared/calendar/inputs.js';
import { calendarPaths as paths } from '../../../shared/calendar/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import { calendarYearAnswer, noticeSaved, workdayAnswer } from '../../../shared/calendar/responses.js';
import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import { auditAcross } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/context.js';
import { authorize, allowedActions } from '../policy/policy.js';
import { notify } from '../notifications/notify.js';
import { users } from '../auth/schema.js';
import { calendarKeepers, calendarPolicy, calendarScope, everyCommittee } from './policy.js';
import { calendarYear, loadCalendar, saveNotice } from './store.js';
import { addWorkdays, chinaToday } from './workdays.js';
// deadlines already set follow a loaded notice; the handling primitive owns them
import { recomputeDeadlines } from '../handling/deadlines.js';

export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;

  r.get(paths.year, { config: { answers: { calendarYearAnswer } }, schema: { querystring: yearQuery, tags: ['calendar'], summary: '某年节假日与调休' } }, async (req): Promise<Presented<typeof calendarYearAnswer>> => {
    const actor = actorOf(req);
    const scope = await calendarScope(database.db, actor);
    authorize(calendarPolicy, 'read', actor, scope);
    const keptBy = (await calendarKeepers(database.db)).map((c) => c.name).join('、');
    return { items: await calendarYear(database.db, req.query.year), keptBy, actions: allowedActions(calendarPolicy, actor, scope) };
  });

  r.get(
    paths.addWorkdays,
    { config: { answers: { workdayAnswer } }, schema: { querystring: addWorkdaysQuery, tags: ['calendar'], summary: '计算N个工作日后的日期' } },
    async (req): Promise<Presented<typeof workdayAnswer>> => {
      actorOf(req);
      return { date: addWorkdays(await loadCalendar(database.db), req.query.from, req.query.n) };
    },
  );

  r.post(paths.notice, { config: { answers: { noticeSaved } }, schema: { body: noticeBody, tags: ['calendar'], summary: '录入某年放假安排' } }, async (req): Promise<Presented<typeof noticeSaved>> => {
    const actor = actorOf(req);
    authorize(calendarPolicy, 'update', actor, await calendarScope(database.db, actor));
    const { year: y, days } = req.body;
    const stray = days.findIndex((d) => !d.day.startsWith(`${y}-`) && !d.day.startsWith(`${y + 1}-01`) && !d.day.startsWith(`${y - 1}-12`));
    if (stray >= 0) throw AppError.field(`days.${stray}.day`, '日期', `不在${y}年内`);
    const recomputed = await database.db.transaction(async (tx) => {
      const before = await loadCalendar(tx);
      await saveNotice(tx, days.map((d) => ({ ...d, source: `由${actor.name}录入` })));
      const moved = await recomputeDeadlines(tx, before, await loadCalendar(tx), chinaToday(app.services.now()), `${actor.name}录入${y}年放假安排`);
      // the notice moves every committee's deadlines, so every committee's chain records it and its admins are told
      const committeeIds = await everyCommittee(tx);
      await auditAcross(tx, actor, committeeIds, { action: 'calendar.notice', subjectType: 'calendar', subjectId: String(y), after: days, note: moved ? `重新计算了 ${moved} 项办理期限` : undefined });
      // every other committee's active admins, in one query
      const others = committeeIds.filter((c) => c !== actor.committeeId);
      const admins = others.length
        ? await tx.select({ id: users.id, committeeId: users.committeeId }).from(users).where(and(inArray(users.committeeId, others), eq(users.active, true), arrayContains(users.roles, ['admin'])))
        : [];
      for (const committeeId of others) {
        const userIds = admins.filter((a) => a.committeeId === committeeId).map((a) => a.id);
        await notify(tx, { committeeId, userIds, title: `${y}年放假安排已更新`, body: `平台系统管理员录入了${y}年放假安排（${days.length} 天），本会的工作日期限随之计算。`, link: '/calendar' });
      }
      return moved;
    });
    return { items: await calendarYear(database.db, y), recomputed };
  });
}
