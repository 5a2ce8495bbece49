import { defineModule } from '../modules/manifest.js';
import { namedAuditSubject } from '../audit/names.js';
import { notifications } from './schema.js';
import { inboxCards } from './cards.js';
import { notificationRoutes } from './routes.js';

/** 消息: in-app notices and the unread count. */
export const notificationsModule = defineModule({
  name: 'notifications',
  label: '消息',
  routes: [notificationRoutes],
  cards: [inboxCards],
  // a notice sent is named by its title (one row stands for the same notice to every recipient)
  auditSubjects: { notification: namedAuditSubject(notifications, [notifications.title], ([title]) => `通知“${title}”`) },
});
