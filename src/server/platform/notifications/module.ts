import { defineModule } from '../modules/manifest.js';
import { inboxCards } from './cards.js';
import { notificationRoutes } from './routes.js';

/** 消息: in-app notices and the unread count. */
export const notificationsModule = defineModule({
  name: 'notifications',
  label: '消息',
  routes: [notificationRoutes],
  cards: [inboxCards],
});
