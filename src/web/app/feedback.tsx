import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import type { HookAPI } from 'antd/es/modal/useModal';

/**
 * antd's message/notification/modal bound to the app's theme and locale, reachable from plain
 * functions (error helpers) as well as components. Filled in by <FeedbackBridge/> inside <App>.
 */
export const feedback = {} as { message: MessageInstance; notification: NotificationInstance; modal: HookAPI };

export function FeedbackBridge() {
  const app = App.useApp();
  feedback.message = app.message;
  feedback.notification = app.notification;
  feedback.modal = app.modal;
  return null;
}
