import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeParams, noticeQuery } from '../../../shared/notifications/inputs.js';
import { notificationPaths as paths } from '../../../shared/notifications/paths.js';
import { actorOf } from '../http/context.js';
import { AppError } from '../errors.js';
import { listNotifications, markRead, ownsNotice } from './notify.js';

/** 消息: a person reads only their own notices, so no policy beyond being logged in is needed. */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  r.get(paths.list, { schema: { querystring: noticeQuery, tags: ['notifications'], summary: '我的消息' } }, async (req) =>
    listNotifications(db, actorOf(req).userId, req.query.unread === '1'),
  );
  r.post(paths.read, { schema: { params: noticeParams, tags: ['notifications'], summary: '标为已读' } }, async (req) => {
    const userId = actorOf(req).userId;
    if (!(await ownsNotice(db, userId, req.params.id))) throw AppError.notFound('消息');
    return { updated: await markRead(db, { userId, id: req.params.id, at: app.services.now() }) };
  });
  r.post(paths.readAll, { schema: { tags: ['notifications'], summary: '全部标为已读' } }, async (req) => ({ updated: await markRead(db, { userId: actorOf(req).userId, at: app.services.now() }) }));
}
