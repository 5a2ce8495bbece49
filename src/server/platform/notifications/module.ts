import { defineModule } from '../modules/manifest.js';
import { namedAuditSubject } from '../audit/names.js';
import { notificationPrefs, notifications } from './schema.js';
import { sendDue, transportsOf } from './send.js';
import { inboxCards } from './cards.js';
import { notificationRoutes } from './routes.js';

/** 消息: in-app notices and the unread count. */
export const notificationsModule = defineModule({
  name: 'notifications',
  label: '消息',
  routes: [notificationRoutes],
  cards: [inboxCards],
  // a notice sent is named by its title (one row stands for the same notice to every recipient)
  auditSubjects: {
    notification: namedAuditSubject(notifications, [notifications.title], ([title]) => `通知“${title}”`),
    notificationPrefs: namedAuditSubject(notificationPrefs, [notificationPrefs.digest], () => '消息接收设置'),
  },
  // e-mail and SMS that were not sent at once: after quiet hours, digests, retries
  jobs: (config) => {
    const transports = transportsOf(config);
    return Object.keys(transports).length ? [{ name: 'notifications.send-outside', everySeconds: 60, run: (db, now) => sendDue(db, transports, { now, base: config.appUrl }) }] : [];
  },
});
