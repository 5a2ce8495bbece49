import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/context.js';
import { AppError } from '../errors.js';
import { listNotifications, markRead, ownsNotice } from './notify.js';

/** 消息: a person reads only their own notices, so no policy beyond being logged in is needed. */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  r.get('/api/notifications', { schema: { querystring: z.object({ unread: z.enum(['0', '1']).optional().describe('仅未读') }), tags: ['notifications'], summary: '我的消息' } }, async (req) =>
    listNotifications(db, actorOf(req).userId, req.query.unread === '1'),
  );
  r.post('/api/notifications/:id/read', { schema: { params: z.object({ id: z.uuid().describe('消息编号') }), tags: ['notifications'], summary: '标为已读' } }, async (req) => {
    const userId = actorOf(req).userId;
    if (!(await ownsNotice(db, userId, req.params.id))) throw AppError.notFound('消息');
    return { updated: await markRead(db, userId, req.params.id) };
  });
  r.post('/api/notifications/read-all', { schema: { tags: ['notifications'], summary: '全部标为已读' } }, async (req) => ({ updated: await markRead(db, actorOf(req).userId) }));
}
