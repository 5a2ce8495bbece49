import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noticeParams, noticeQuery, notificationPrefsBody } from '../../../shared/notifications/inputs.js';
import { notificationPaths as paths } from '../../../shared/notifications/paths.js';
import { noticeList, notificationPrefs, readAnswer } from '../../../shared/notifications/responses.js';
import { actorOf, contextOf } from '../http/context.js';
import { AppError } from '../errors.js';
import { listNotifications, markRead, ownsNotice } from './notify.js';
import { readPrefs, savePrefs } from './preferences.js';

/**
 * 消息: a person reads only their own notices and keeps their own receiving settings (each route
 * acts on the signed-in account alone), so no policy beyond being logged in is needed.
 */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  r.get(paths.list, { config: { answers: { noticeList } }, schema: { querystring: noticeQuery, tags: ['notifications'], summary: '我的消息' } }, async (req) =>
    listNotifications(db, actorOf(req).userId, req.query.unread === '1'),
  );
  r.post(paths.read, { config: { answers: { readAnswer } }, schema: { params: noticeParams, tags: ['notifications'], summary: '标为已读' } }, async (req) => {
    const userId = actorOf(req).userId;
    if (!(await ownsNotice(db, userId, req.params.id))) throw AppError.notFound('消息');
    return { updated: await markRead(db, { userId, id: req.params.id, at: app.services.now() }) };
  });
  r.post(paths.readAll, { config: { answers: { readAnswer } }, schema: { tags: ['notifications'], summary: '全部标为已读' } }, async (req) => ({ updated: await markRead(db, { userId: actorOf(req).userId, at: app.services.now() }) }));
  r.get(paths.prefs, { config: { answers: { notificationPrefs } }, schema: { tags: ['notifications'], summary: '我的消息接收设置' } }, async (req) => readPrefs(db, actorOf(req), app.services.config));
  r.put(paths.prefs, { config: { answers: { notificationPrefs } }, schema: { body: notificationPrefsBody, tags: ['notifications'], summary: '保存消息接收设置（邮件、短信、每日汇总、免打扰）' } }, async (req) => {
    await savePrefs(contextOf(req), { ...req.body, config: app.services.config });
    return readPrefs(db, actorOf(req), app.services.config);
  });
}
