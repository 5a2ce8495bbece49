import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/context.js';
import { definePolicy, authorize, committeeSubject, allowedActions } from '../policy/policy.js';
import { calendarYear, loadCalendar, saveNotice } from './store.js';
import { addWorkdays } from './workdays.js';

/** The holiday calendar is national: read by everyone, kept by system administrators. */
export const calendarPolicy = definePolicy<{ committeeId: string }, 'read' | 'update'>('calendar', '工作日历', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit', 'secadmin', 'auditor'] }],
  update: [{ roles: ['admin'] }],
});

const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
const noticeBody = z.object({
  year,
  days: z
    .array(
      z.object({
        day: z.iso.date().describe('日期'),
        name: z.string().trim().min(1).max(20).describe('节日名称'),
        isOffDay: z.boolean().describe('放假或调休上班'),
      }),
    )
    .min(1)
    .max(60)
    .describe('日期列表'),
});

export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;

  r.get('/api/calendar', { schema: { querystring: z.object({ year }), tags: ['calendar'], summary: '某年节假日与调休' } }, async (req) => {
    const actor = actorOf(req);
    authorize(calendarPolicy, 'read', actor, committeeSubject(actor));
    return { items: await calendarYear(database.db, req.query.year), actions: allowedActions(calendarPolicy, actor, committeeSubject(actor)) };
  });

  r.get(
    '/api/calendar/add-workdays',
    { schema: { querystring: z.object({ from: z.iso.date().describe('起始日期'), n: z.coerce.number().int().min(-1000).max(1000).describe('工作日数') }), tags: ['calendar'], summary: '计算N个工作日后的日期' } },
    async (req) => {
      actorOf(req);
      return { date: addWorkdays(await loadCalendar(database.db), req.query.from, req.query.n) };
    },
  );

  r.post('/api/calendar/notice', { schema: { body: noticeBody, tags: ['calendar'], summary: '录入某年放假安排' } }, async (req) => {
    const actor = actorOf(req);
    authorize(calendarPolicy, 'update', actor, committeeSubject(actor));
    const { year: y, days } = req.body;
    const stray = days.findIndex((d) => !d.day.startsWith(`${y}-`) && !d.day.startsWith(`${y + 1}-01`) && !d.day.startsWith(`${y - 1}-12`));
    if (stray >= 0) throw AppError.field(`days.${stray}.day`, '日期', `不在${y}年内`);
    await database.db.transaction(async (tx) => {
      await saveNotice(tx, days.map((d) => ({ ...d, source: `由${actor.name}录入` })));
      await audit(tx, actor, { action: 'calendar.notice', subjectType: 'calendar', subjectId: String(y), after: days });
    });
    return { items: await calendarYear(database.db, y) };
  });
}
